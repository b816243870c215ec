"""Who sees and changes which reconsideration and litigation cases: the respondent agency's
staff handle them, supervisors read their subtree's, everyone else finds nothing there."""

from datetime import date

import pytest

from gongkai.web.appeals import workflow
from gongkai.web.appeals.models import AppealEvent

DECISION = {"decide-outcome": "upheld", "decide-decided_on": "2025-05-06"}


@pytest.fixture
def case(finance, alice):
    fields = {"kind": "review", "appellant": "王小明", "filed_on": date(2025, 3, 3),
              "body": "青山县人民政府", "matter": "对部分公开答复不服"}  # fmt: skip
    return workflow.register(finance, fields, alice)


def urls(case) -> list[str]:
    return [f"/work/appeals/{case.pk}/", f"/work/appeals/{case.pk}/edit/"]


def test_another_agencys_case_does_not_exist_for_a_clerk(client, bob, case):
    client.force_login(bob)
    for url in urls(case):
        assert client.get(url).status_code == 404
    assert client.post(f"/work/appeals/{case.pk}/decide/", DECISION).status_code == 404
    assert "2025-复01" not in client.get("/work/appeals/").content.decode()


def test_a_supervisor_reads_the_case_but_cannot_change_it(client, carol, case):
    client.force_login(carol)
    html = client.get(f"/work/appeals/{case.pk}/").content.decode()
    assert "2025-复01" in html and "记录审结结果" not in html and "修改案件信息" not in html
    assert "2025-复01" in client.get("/work/appeals/").content.decode()
    assert client.get(f"/work/appeals/{case.pk}/edit/").status_code == 403
    assert client.post(f"/work/appeals/{case.pk}/decide/", DECISION).status_code == 403
    assert client.get("/work/appeals/new/").status_code == 403
    assert AppealEvent.objects.count() == 1


def test_a_supervisor_does_not_see_outside_the_subtree(client, carol, frank, neighbour):
    fields = {"kind": "direct", "appellant": "赵六", "filed_on": date(2025, 3, 3),
              "body": "白水县人民法院", "matter": "请求判令公开"}  # fmt: skip
    theirs = workflow.register(neighbour, fields, frank)
    client.force_login(carol)
    assert client.get(f"/work/appeals/{theirs.pk}/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, case):
    for url in [*urls(case), "/work/appeals/", "/work/appeals/new/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_admin_shows_a_clerk_her_agencys_cases_read_only(client, alice, bob, case):
    client.force_login(alice)
    change = f"/admin/appeals/appeal/{case.pk}/change/"
    assert "2025-复01" in client.get("/admin/appeals/appeal/").content.decode()
    assert client.get(change).status_code == 200
    assert client.post(change, {"appellant": "改写"}).status_code == 403
    client.force_login(bob)
    assert client.get(change).status_code == 404
