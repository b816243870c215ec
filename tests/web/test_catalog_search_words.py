"""Search finds what people type: several words (all of them, anywhere in the entry), a 索引号
copied in full, and every filter of the 目录 together with the words — on the page, in the
API and in search() itself, on whichever database the tests run on."""

from datetime import date

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st
from tests.web.test_catalog_search import SLOW, kept_counts, publish

from gongkai.web.catalog.models.entries import (
    EntryAttachment,
    EntryState,
    FormCategory,
    SubjectCategory,
    Validity,
)
from gongkai.web.catalog.search import matches, search
from gongkai.web.catalog.search_backends import postgresql as postgresql_backend
from gongkai.web.catalog.search_backends import postgresql_query
from gongkai.web.catalog.search_backends import sqlite as sqlite_backend
from gongkai.web.catalog.search_backends.facets import facet_values
from gongkai.web.catalog.search_backends.tokens import MAX_WORDS, query_words


def titles(query: str, **filters) -> list[str]:
    return sorted(r.entry.title for r in search(query, per_page=100, **filters).results)


@pytest.fixture
def relief(finance, land):
    """Entries where 低保 and 办法, 财政 and 预算 meet in one field, in two, or not at all."""
    publish(finance, "城乡低保办法", body="为规范最低生活保障工作，制定本办法。")
    publish(finance, "关于调整低保标准的通知", summary="按照省里的实施办法执行。")
    publish(finance, "临时救助办法")
    publish(land, "低保对象名单")
    publish(finance, "2024年预算执行情况", body="县财政局编制。")
    publish(land, "财政预算公开")
    publish(land, "财政收支")


@pytest.mark.parametrize("typed", ["低保 办法", "办法 低保", "低保　办法", "低保   办法",
                                   " 低保\u3000\u3000办法 ", "低保 低保 办法"])  # fmt: skip
def test_words_separated_by_spaces_must_all_be_found_anywhere_in_the_entry(relief, typed):
    assert titles(typed) == ["关于调整低保标准的通知", "城乡低保办法"]


def test_words_are_found_in_different_fields_of_one_entry(relief):
    assert titles("财政 预算") == ["2024年预算执行情况", "财政预算公开"]
    assert titles("财政 预算 公开") == ["财政预算公开"]
    assert titles("财政 预算 量子") == []


def test_a_word_that_another_word_contains_asks_nothing_more():
    assert query_words("预算 预算执行 执行") == query_words("预算执行")
    assert query_words("财政 预算") == query_words("预算　财政") == query_words("预算 财政 财政")


def test_the_same_words_typed_in_another_order_keep_one_count(relief, every_count_kept):
    assert search("低保 办法").total == 2
    assert search("办法　低保").total == 2
    assert len(kept_counts()) == 1


def test_the_words_beyond_the_fifth_are_not_searched_and_the_page_says_so(relief, client):
    typed = "低保 办法 城乡 最低 生活 保障 工作"
    page = search(typed)
    assert len(query_words(typed)) == MAX_WORDS and page.ignored == ["保障", "工作"]
    assert [r.entry.title for r in page.results] == ["城乡低保办法"]
    html = client.get("/catalog/", {"q": typed}).content.decode()
    assert f"只检索了前 {MAX_WORDS} 个词，未检索：保障 工作" in html


def test_both_words_are_marked_in_the_title_and_the_snippet(finance):
    publish(finance, "低保资金管理办法", body="第一条 为加强低保资金管理，制定本办法。")
    result = search("办法 低保").results[0]
    assert result.title == "<mark>低保</mark>资金管理<mark>办法</mark>"
    assert result.snippet.count("<mark>低保</mark>") == 1
    assert result.snippet.count("<mark>办法</mark>") == 1


def test_a_snippet_shows_a_passage_around_each_word_when_they_are_far_apart(finance):
    body = "低保" + "其他内容" * 60 + "审批办法" + "结尾" * 60
    publish(finance, "通知", body=body)
    snippet = search("低保 办法").results[0].snippet
    assert "<mark>低保</mark>" in snippet and "审批<mark>办法</mark>" in snippet
    assert snippet.index("低保") < snippet.index("办法")  # in the order of the text
    assert len(snippet) < 300


def test_a_word_found_only_in_an_attachment_is_marked_from_the_attachment(finance):
    entry = publish(finance, "低保工作通知")
    EntryAttachment.objects.create(entry=entry, name="附件.pdf", size=10,
                                   text="附件：低保审批办法全文",
                                   content_type="application/pdf")  # fmt: skip
    result = search("低保 办法").results[0]
    assert "审批<mark>办法</mark>" in result.snippet


def test_pages_of_a_search_of_several_words_hold_every_hit_once(finance, land):
    for n in range(23):
        publish(finance if n % 2 else land, f"第{n}号低保办法", published_on=date(2020, 1, n + 1))
    for n in range(5):
        publish(finance, f"第{n}号低保通知")
    pages = [search("低保 办法", page=n, per_page=10) for n in (1, 2, 3)]
    assert {(p.total, p.pages) for p in pages} == {(23, 3)}
    listed = [r.entry.pk for p in pages for r in p.results]
    assert len(listed) == len(set(listed)) == 23


# -- 索引号 ------------------------------------------------------------------------------------


@pytest.fixture
def numbered(finance, land):
    """An entry with an imported 索引号, one with a generated one, and one citing the first."""
    old = publish(finance, "2019年财政预算报告", index_no="015236016/2019-00011",
                  published_on=date(2019, 3, 1))  # fmt: skip
    new = publish(land, "土地出让公告", index_no=f"{land.code}/2024-00003")
    publish(finance, "关于转发的通知", body="详见索引号 015236016/2019-00011 的报告。")
    return old, new


@pytest.mark.parametrize("typed", ["015236016/2019-00011", " 015236016 / 2019-00011 ",
                                   "０１５２３６０１６／２０１９－０００１１"])  # fmt: skip
def test_an_index_number_typed_in_full_finds_its_entry_first(numbered, typed):
    page = search(typed)
    assert [r.entry.title for r in page.results] == ["2019年财政预算报告", "关于转发的通知"]
    assert page.total == 2


def test_a_generated_index_number_is_found_in_lower_case_too(numbered, land):
    _old, new = numbered
    for typed in (new.index_no, new.index_no.lower()):
        assert [r.entry.pk for r in search(typed).results] == [new.pk]


def test_an_index_number_is_found_only_within_the_filters(numbered, finance, land):
    assert titles("015236016/2019-00011", agency=land) == []
    assert titles("015236016/2019-00011", year=2024) == ["关于转发的通知"]
    assert titles("015236016/2019-00011", agency=finance, year=2019) == ["2019年财政预算报告"]


def test_an_index_number_of_a_withdrawn_entry_finds_nothing_of_it(numbered):
    old, _new = numbered
    old.state = EntryState.WITHDRAWN
    old.save()
    assert titles("015236016/2019-00011") == ["关于转发的通知"]


def test_an_entry_whose_text_holds_its_own_index_number_is_listed_once(finance):
    entry = publish(finance, "自引的公告", index_no="015236016/2020-00001",
                    body="本文索引号015236016/2020-00001。")  # fmt: skip
    page = search("015236016/2020-00001")
    assert page.total == 1 and [r.entry.pk for r in page.results] == [entry.pk]


def test_pages_after_an_index_number_hit_follow_on(finance):
    target = publish(finance, "目标", index_no="015236016/2021-00001")
    for n in range(12):
        publish(finance, f"引用{n}", body="见015236016/2021-00001。",
                published_on=date(2022, 1, n + 1))  # fmt: skip
    pages = [search("015236016/2021-00001", page=p, per_page=5) for p in (1, 2, 3)]
    listed = [r.entry.pk for p in pages for r in p.results]
    assert pages[0].total == 13 and listed[0] == target.pk
    assert len(listed) == len(set(listed)) == 13


def test_the_page_and_the_api_find_an_entry_by_its_index_number(numbered, client):
    html = client.get("/catalog/", {"q": "015236016/2019-00011"}).content.decode()
    assert html.index("2019年财政预算报告") < html.index("关于转发的通知")
    body = client.get("/api/v1/catalog/search", {"q": "015236016 / 2019-00011"}).json()
    assert [hit["title"] for hit in body["results"]] == ["2019年财政预算报告", "关于转发的通知"]


# -- every filter together with the words --------------------------------------------------


@pytest.fixture
def filtered(county, finance, land, treasury):
    """Entries that differ in one filter each, all holding 低保 and 办法."""
    budget = SubjectCategory.objects.create(name="民政")
    notice = FormCategory.objects.create(name="办法")
    entries = {
        "item7": publish(finance, "低保办法 甲", article20_item=7),
        "item9": publish(land, "低保办法 乙", article20_item=9),
        "subject": publish(land, "低保办法 丙", subject=budget),
        "form": publish(land, "低保办法 丁", form=notice),
        "2019": publish(land, "低保办法 戊", published_on=date(2019, 5, 1)),
        "expired": publish(land, "低保办法 己", validity=Validity.EXPIRED),
        "treasury": publish(treasury, "低保办法 庚"),
    }
    return entries, budget, notice


def test_every_filter_applies_together_with_the_words(filtered, finance, county):
    _entries, budget, notice = filtered
    assert titles("低保 办法", item=7) == ["低保办法 甲"]
    assert titles("低保 办法", item=9) == ["低保办法 乙"]
    assert titles("低保 办法", subject=budget.pk) == ["低保办法 丙"]
    assert titles("低保 办法", form=notice.pk) == ["低保办法 丁"]
    assert titles("低保 办法", year=2019) == ["低保办法 戊"]
    assert titles("低保 办法", validity=Validity.EXPIRED) == ["低保办法 己"]
    assert titles("低保 办法", agency=finance) == ["低保办法 庚", "低保办法 甲"]
    assert len(titles("低保 办法", agency=county)) == 7
    assert titles("低保 办法", agency=finance, item=7, year=2024) == ["低保办法 甲"]
    assert titles("低保", item=9, subject=budget.pk) == []


def test_the_article_20_filter_follows_an_edited_entry(filtered):
    entries, *_ = filtered
    entry = entries["item9"]
    entry.article20_item = 7
    entry.save()
    assert titles("低保", item=7) == ["低保办法 乙", "低保办法 甲"]
    assert titles("低保", item=9) == []


def test_the_catalogue_page_applies_every_filter_with_the_words(filtered, client, finance):
    entries, budget, _notice = filtered

    def listed(**params) -> set[str]:
        html = client.get("/catalog/", {"q": "低保 办法", **params}).content.decode()
        return {key for key, entry in entries.items() if f"/catalog/entries/{entry.pk}/" in html}

    assert listed(item=7) == {"item7"}
    assert listed(subject=budget.pk) == {"subject"}
    assert listed(year=2019) == {"2019"}
    assert listed(validity="expired") == {"expired"}
    assert listed(agency=finance.code) == {"item7", "treasury"}
    assert listed(agency=finance.code, item=9) == set()
    assert listed(agency="NO-SUCH-CODE") == set()  # an unknown agency is no agency at all
    assert len(listed()) == 7


def test_the_api_applies_every_filter_with_the_words(filtered, client, finance):
    entries, budget, notice = filtered

    def found(**params) -> set[str]:
        body = client.get("/api/v1/catalog/search", {"q": "低保 办法", **params}).json()
        urls = {hit["url"] for hit in body["results"]}
        return {key for key, entry in entries.items() if f"/catalog/entries/{entry.pk}/" in urls}

    assert found(item=7) == {"item7"}
    assert found(form=notice.pk) == {"form"}
    assert found(subject=budget.pk, year=2024) == {"subject"}
    assert found(agency=finance.code, validity="有效") == {"item7", "treasury"}
    refused = client.get("/api/v1/catalog/search", {"q": "低保", "item": 0})
    assert refused.status_code == 422 or refused.status_code == 400


# -- the definition both databases agree with ----------------------------------------------

WORDS = "低保办法财政预算公开2019号 "


@SLOW
@given(st.lists(st.tuples(st.text(WORDS, max_size=12), st.text(WORDS, max_size=30)),
                min_size=1, max_size=5),
       st.lists(st.text(WORDS, min_size=1, max_size=10), min_size=1, max_size=4))  # fmt: skip
def test_several_words_find_exactly_the_entries_holding_each_of_them(finance, entries, queries):
    from gongkai.web.catalog.models.entries import Entry

    Entry.objects.all().delete()
    made = [publish(finance, title or "条目", body=body) for title, body in entries]
    for query in queries:
        page = search(query, per_page=100)
        expected = {e.pk for e in made if matches(query, e.title, e.body)}
        assert {r.entry.pk for r in page.results} == expected, query
        assert page.total == len(expected), query


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL splits long texts")
def test_words_in_different_rows_of_a_long_text_find_it_once(finance, monkeypatch):
    monkeypatch.setattr(postgresql_backend, "CHUNK", 8)
    monkeypatch.setattr(postgresql_query, "REACH", 4)
    long = publish(finance, "长文", body="低保" + "其他内容" * 10 + "办法" + "结尾" * 10)
    publish(finance, "短文", body="办法")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM catalog_search WHERE entry_id = %s", [long.pk])
        assert cursor.fetchone()[0] > 3  # split into rows
    page = search("低保 办法")
    assert page.total == 1 and [r.entry.pk for r in page.results] == [long.pk]
    assert search("办法 长文").total == 1 and search("低保 短文").total == 0
    assert search("其他内容其他内容 办法").total == 1  # a long word, checked against the text


@pytest.mark.django_db(transaction=True)
def test_migrating_gives_entries_indexed_before_their_article_20_and_chunked_tokens(
    finance, monkeypatch
):
    from django.db.migrations.executor import MigrationExecutor

    backend = {"sqlite": sqlite_backend, "postgresql": postgresql_backend}[connection.vendor]
    monkeypatch.setattr(postgresql_backend, "CHUNK", 8)
    monkeypatch.setattr(postgresql_query, "REACH", 4)
    with monkeypatch.context() as before:  # indexed as before 0013: no 第二十条 token
        before.setattr(backend, "facet_values",
                       lambda d: [v for v in facet_values(d) if not v.startswith("i")])  # fmt: skip
        publish(finance, "低保办法", article20_item=7)
        publish(finance, "长文", body="低保" + "其他内容" * 10 + "办法")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("UPDATE catalog_search SET grams = ts_delete(grams, '#chunked')")
    assert titles("低保", item=7) == []
    executor = MigrationExecutor(connection)
    executor.migrate([("catalog", "0012_sqlite_search_keyed_by_date")])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert titles("低保", item=7) == ["低保办法"]
    assert titles("低保 办法") == ["低保办法", "长文"]
