"""The catalogue's JSON API: search and one entry by 索引号, for an existing 政府网站."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.web.catalog import search as catalog_search  # noqa: F401 (connects the index)
from gongkai.web.catalog.models.entries import (
    DisclosureMode,
    Entry,
    EntryAttachment,
    EntryState,
    SubjectCategory,
    Validity,
)

INDEX_NO = "11360999015236290X/2024-00007"


def publish(agency, title: str, **fields) -> Entry:
    defaults = {"generated_on": date(2024, 3, 1), "published_on": date(2024, 3, 5),
                "state": EntryState.PUBLISHED,
                "disclosure_mode": DisclosureMode.PROACTIVE}  # fmt: skip
    return Entry.objects.create(agency=agency, title=title, **(defaults | fields))


@pytest.fixture
def budget(finance):
    subject = SubjectCategory.objects.create(name="财政预决算")
    entry = publish(finance, "2024年财政预算公开", index_no=INDEX_NO, doc_no="青财〔2024〕3号",
                    summary="全县一般公共预算收支情况。", subject=subject,
                    body="根据《预算法》，现将2024年预算公开如下。")  # fmt: skip
    EntryAttachment.objects.create(entry=entry, name="预算表.xlsx", size=2048, text="收入表",
                                   content_type="application/vnd.ms-excel")  # fmt: skip
    return entry


def test_a_search_returns_the_index_number_name_agency_date_snippet_and_total(client, budget):
    body = client.get("/api/v1/catalog/search", {"q": "预算"}).json()
    assert body["total"] == 1 and body["pages"] == 1
    hit = body["results"][0]
    assert hit["index_no"] == INDEX_NO
    assert hit["title"] == "2024年财政预算公开"
    assert hit["agency"] == "青山县财政局"
    assert hit["published_on"] == "2024-03-05"
    assert hit["doc_no"] == "青财〔2024〕3号"
    assert "<mark>预算</mark>" in hit["snippet"]
    assert hit["url"] == f"/catalog/entries/{budget.pk}/"


def test_a_search_within_an_agency_includes_its_subtree(client, budget, county, land):
    publish(land, "土地出让预算")

    def total(code: str) -> int:
        return client.get("/api/v1/catalog/search", {"q": "预算", "agency": code}).json()["total"]

    assert (total(county.code), total(budget.agency.code), total(land.code)) == (2, 1, 1)


def test_a_search_filters_by_year_and_validity_given_as_value_or_label(client, budget):
    def get(**params) -> int:
        return client.get("/api/v1/catalog/search", {"q": "预算", **params}).json()["total"]

    assert (get(year=2024), get(year=2023)) == (1, 0)
    assert (get(validity="valid"), get(validity="有效"), get(validity=Validity.REPEALED)) == (
        1,
        1,
        0,
    )
    assert get(subject=budget.subject_id) == 1


def test_a_document_number_is_searchable(client, budget):
    body = client.get("/api/v1/catalog/search", {"q": "〔2024〕3号"}).json()
    assert [hit["index_no"] for hit in body["results"]] == [INDEX_NO]


@pytest.mark.parametrize("query", ['"预算', "预算 AND", "NEAR(", "*", "。"])
def test_query_syntax_never_reaches_the_user_as_an_error(client, budget, query):
    response = client.get("/api/v1/catalog/search", {"q": query})
    assert response.status_code == 200
    assert response.json()["total"] in {0, 1}


def test_bad_parameters_are_refused_in_chinese(client, budget):
    def errors(**params):
        response = client.get("/api/v1/catalog/search", params)
        assert response.status_code == 400
        return response.json()["errors"]

    assert errors(q="") == {"q": ["请输入检索词。"]}
    assert errors(q="预" * 101) == {"q": ["检索词最多 100 个字。"]}
    assert errors(q="预算", agency="NOPE") == {"agency": ["没有代码为 NOPE 的机构。"]}
    assert errors(q="预算", validity="永久") == {"validity": ["有效性只能是 有效、失效 或 废止。"]}


def test_pages_beyond_the_last_are_empty(client, budget):
    body = client.get("/api/v1/catalog/search", {"q": "预算", "page": 5}).json()
    assert (body["total"], body["results"]) == (1, [])


def test_an_entry_is_found_by_its_index_number_with_its_slash(client, budget):
    response = client.get("/api/v1/catalog/entry", {"index_no": INDEX_NO})
    assert response.status_code == 200
    entry = response.json()
    assert entry["title"] == "2024年财政预算公开"
    assert entry["subject"] == "财政预决算"
    assert entry["validity"] == "有效"
    assert entry["body"].startswith("根据《预算法》")
    assert entry["disclosure"] == "主动公开" and entry["apply_url"] is None
    assert entry["attachments"] == [
        {"name": "预算表.xlsx", "size": 2048, "content_type": "application/vnd.ms-excel"}
    ]


def test_an_entry_that_is_not_public_answers_404_in_chinese(client, budget, finance):
    Entry.objects.create(agency=finance, title="草稿", generated_on=date(2024, 1, 1),
                         index_no="11360999015236290X/2024-00008")  # fmt: skip
    for index_no in ["11360999015236290X/2024-00008", "nothing/2024-1"]:
        response = client.get("/api/v1/catalog/entry", {"index_no": index_no})
        assert response.status_code == 404
        assert response.json() == {
            "errors": {"index_no": [f"没有索引号为 {index_no} 的公开信息。"]}
        }


def test_an_entry_disclosed_on_application_shows_its_metadata_and_where_to_apply(client, finance):
    entry = publish(finance, "征地补偿档案", index_no="11360999015236290X/2024-00009",
                    disclosure_mode=DisclosureMode.ON_REQUEST, summary="补偿安置档案目录。",
                    body="档案正文载有补偿金额。")  # fmt: skip
    EntryAttachment.objects.create(entry=entry, name="明细.pdf", size=10, text="名单",
                                   content_type="application/pdf")  # fmt: skip
    found = client.get("/api/v1/catalog/entry", {"index_no": entry.index_no}).json()
    assert (found["title"], found["summary"]) == ("征地补偿档案", "补偿安置档案目录。")
    assert found["disclosure"] == "依申请公开"
    assert found["body"] is None and found["attachments"] == []
    assert found["apply_url"] == reverse("application-apply", args=[finance.code])
    hits = client.get("/api/v1/catalog/search", {"q": "征地补偿"}).json()["results"]
    assert [hit["index_no"] for hit in hits] == [entry.index_no]
    assert "金额" not in hits[0]["snippet"]


def test_the_openapi_document_describes_the_catalog_endpoints(client, db):
    document = client.get("/api/openapi.json").json()
    assert {"/api/v1/catalog/search", "/api/v1/catalog/entry"} <= set(document["paths"])
    parameters = {
        p["name"] for p in document["paths"]["/api/v1/catalog/search"]["get"]["parameters"]
    }
    assert {"q", "agency", "subject", "form", "year", "validity", "page", "per_page"} <= parameters
