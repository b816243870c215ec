"""Every page, with nonsense in its query string (issue 14, defect 11: a non-numeric
`?agency=` answered 500): letters for numbers, superscript digits (which str.isdigit()
accepts and int() refuses), negative and huge numbers, NUL. Each page answers as if the
parameter were absent or with a message — never a server error. The pages are found from
the URL configuration, so a new page is probed without being listed here."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.web.appeals import workflow as appeals
from gongkai.web.applications.workflow import submit
from gongkai.web.catalog.models.entries import Entry

NONSENSE = ["abc", "²", "-1", "99999999999999999999", "1.5", "%00", "%E2%80%AE", "<b>"]
PARAMETERS = ["agency", "year", "page", "subject", "form", "item", "validity", "state", "view",
              "q", "kind", "outcome", "code", "as_of", "on", "sort", "o", "p", "e",
              "section"]  # fmt: skip
NOT_PAGES = {"logout", "set_language", "display-toggle"}  # answer POST only
SERVER_ERROR = 500


def routes(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name not in NOT_PAGES:
            yield prefix + str(pattern.pattern), pattern.name or ""


@pytest.fixture
def client(db):
    """A client that reports a server error as a 500 instead of raising it."""
    return Client(raise_request_exception=False)


@pytest.fixture
def world(finance, alice, erin):
    case = submit(finance, {
        "applicant_type": "natural", "name": "王小明", "identity_type": "resident_id",
        "identity_number": "11010519491231002X", "phone": "13800000000", "channel": "online",
        "received_on": date(2025, 1, 6), "description": "2024年度部门决算",
        "form_requested": "email", "delivery": "email"})  # fmt: skip
    appeal = appeals.register(finance, {"kind": "review", "appellant": "王小明",
                                        "filed_on": date(2025, 3, 3), "body": "青山县人民政府",
                                        "matter": "对部分公开答复不服"}, alice, [case])  # fmt: skip
    entry = Entry.objects.create(agency=finance, title="2026年预算公开", state="published",
                                 generated_on=date(2026, 11, 2), published_on=date(2026, 11, 10),
                                 index_no=f"{finance.code}/2026-00001")  # fmt: skip
    return {"code": finance.code, "query_code": case.query_code, "year": "2025",
            "application": case.pk, "letter_id": case.letters.first().pk, "appeal": appeal.pk,
            "entry": entry.pk, "fmt": "pdf", "section": "entries", "key": "s3.received.total",
            "action": "edit", "number": "1", "document_id": "1", "attachment_id": "1"}  # fmt: skip


def path_of(route: str, name: str, world: dict) -> str:
    """The route with its parameters filled from the world's records."""
    pk = world["appeal"] if "appeal" in name else world["entry"]
    pk = world["application"] if "application" in name else pk

    def value(match: re.Match) -> str:
        parameter = match[1].split(":")[-1]
        return str(pk if parameter == "pk" else world.get(parameter, "1"))

    path = re.sub(r"<([^>]+)>", value, route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\", "")


def probe(client, path: str) -> list[str]:
    failures = []
    for nonsense in NONSENSE:
        query = "&".join(f"{parameter}={nonsense}" for parameter in PARAMETERS)
        response = client.get(f"{path}?{query}")
        if response.status_code >= SERVER_ERROR:
            failures.append(f"{path}?…={nonsense}: {response.status_code}")
    return failures


def pages(prefixes: tuple[str, ...], world: dict) -> list[str]:
    found = [path_of(route, name, world) for route, name in routes() if route.startswith(prefixes)]
    return [path for path in found if not path.startswith("/api/")]


def test_public_pages_take_nonsense_parameters(client, world):
    public = [p for p in pages(("",), world) if not p.startswith(("/work/", "/admin/"))]
    assert len(public) > 10
    assert [failure for path in public for failure in probe(client, path)] == []


@pytest.mark.parametrize("person", ["alice", "carol"])
def test_staff_pages_take_nonsense_parameters(client, world, request, person):
    client.force_login(request.getfixturevalue(person))
    staff = pages(("work/",), world)
    assert len(staff) > 20
    assert [failure for path in staff for failure in probe(client, path)] == []


def test_admin_lists_take_nonsense_parameters(client, world, frank, dave):
    for person in (frank, dave):
        client.force_login(person)
        lists = [p for p in pages(("admin/",), world) if p.endswith("/") and p.count("/") == 4]
        assert len(lists) > 5
        assert [failure for path in lists for failure in probe(client, path)] == []
