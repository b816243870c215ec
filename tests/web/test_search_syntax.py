"""Search syntax in search (issue 14): FTS5 and tsquery operators, quotes, wildcards,
brackets, NUL, lone surrogates and 10,000-character queries typed into the public 目录
search, its JSON API and the staff inbox — on SQLite and PostgreSQL alike, a sensible result
or a clear Chinese message, never a server error, and nothing changes."""

import json
from datetime import date

import pytest
from django.test import Client

from gongkai.web.applications.workflow import submit
from gongkai.web.catalog.models.entries import Entry

SYNTAX = [
    '"', '""', '"预算', '"预算"', "'", "''", "预算'", "NEAR(预算 公开)", "预算 NEAR 公开",
    "NEAR/2", "*", "预算*", "*预算", "^预算", "^", "(", ")", "(预算", "预算)", "()",
    "预算 AND 公开", "预算 OR", "NOT 预算", "AND", "-预算", "+预算", "title:预算", "body:*",
    "{预算}", "[预算]", "预算:", ":", "\\", "\\\\", "%", "_", "%预算%", "预算 & 公开", "|",
    "!预算", "<->", "预算 <-> 公开", "'; DROP TABLE catalog_entry; --", "预算\t公开",
    "０", "〔2026〕5号", "青财预〔2026〕5号", "\u3000", "‮预算", "🙂", "a" * 101,
]  # fmt: skip
ENCODED = ["%00", "%00%00%00", "预算%00公开", "%ED%A0%80", "%C0%80", "%FF%FE", "%0B"]
LONG = "预算" * 5000  # 10,000 characters


@pytest.fixture
def client(db):
    return Client(raise_request_exception=False)  # a server error shows as a 500


@pytest.fixture
def budget(finance):
    return Entry.objects.create(agency=finance, title="青山县2026年县级预算公开", state="published",
                                doc_no="青财预〔2026〕5号", body="县级一般公共预算收入",
                                generated_on=date(2026, 11, 2), published_on=date(2026, 11, 10),
                                index_no=f"{finance.code}/2026-00001")  # fmt: skip


def count_rows():
    return Entry.objects.count()


@pytest.mark.parametrize("query", [*SYNTAX, LONG], ids=lambda q: repr(q[:20]))
def test_the_catalogue_page_takes_any_query(client, budget, query):
    response = client.get("/catalog/", {"q": query})
    assert response.status_code == 200
    assert count_rows() == 1


@pytest.mark.parametrize("query", [*SYNTAX, LONG], ids=lambda q: repr(q[:20]))
def test_the_search_api_answers_any_query_with_results_or_a_chinese_message(client, budget, query):
    response = client.get("/api/v1/catalog/search", {"q": query})
    assert response.status_code in (200, 400), response.content[:300]
    body = response.json()
    if response.status_code == 400:
        assert "检索词" in json.dumps(body["errors"], ensure_ascii=False)
    else:
        assert isinstance(body["results"], list) and body["total"] >= 0


@pytest.mark.parametrize("raw", ENCODED)
def test_nul_and_broken_encodings_in_the_query_string(client, budget, raw):
    assert client.get(f"/catalog/?q={raw}").status_code == 200
    assert client.get(f"/api/v1/catalog/search?q={raw}").status_code in (200, 400)


def test_a_lone_surrogate_in_a_json_escape_is_no_query_error(client, budget):
    # A GET cannot carry one; the nearest is a body — the search takes none, so the API
    # answers the query string alone.
    assert client.get("/api/v1/catalog/search?q=%5Cud800").status_code == 200


FOUND = [
    ('"预算"', True),
    ("预算*", True),
    ("(预算)", True),
    ("青财预〔2026〕5号", True),
    ("预算 公开", True),
    ("NEAR(预算 公开)", False),  # NEAR is a word, and not in the entry
    ("不存在的词", False),
]


@pytest.mark.parametrize(("query", "found"), FOUND)
def test_operators_are_read_as_words_and_still_find_what_they_name(client, budget, query, found):
    body = client.get("/api/v1/catalog/search", {"q": query}).json()
    assert (budget.title in [hit["title"] for hit in body["results"]]) is found


def test_a_query_of_10000_characters_is_refused_with_the_limit(client, budget):
    response = client.get("/api/v1/catalog/search", {"q": LONG})
    assert response.status_code == 400
    assert response.json() == {"errors": {"q": ["检索词最多 100 个字。"]}}


@pytest.mark.parametrize("query", [*SYNTAX[:30], LONG, "%00"], ids=lambda q: repr(q[:20]))
def test_the_staff_inbox_search_takes_any_query(client, alice, finance, query):
    submit(finance, {"applicant_type": "natural", "name": "王小明", "phone": "13800000000",
                     "channel": "in_person", "received_on": date(2026, 9, 28),
                     "description": "预算执行情况", "form_requested": "paper",
                     "delivery": "collect"})  # fmt: skip
    client.force_login(alice)
    assert client.get("/work/applications/", {"q": query, "view": "all"}).status_code == 200
