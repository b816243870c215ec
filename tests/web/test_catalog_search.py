"""Full-text search of the public catalogue, on whichever database the tests run on."""

import sqlite3
import time
from datetime import date

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.web.catalog import search as catalog_search
from gongkai.web.catalog.models.entries import (
    DisclosureMode,
    Entry,
    EntryAttachment,
    EntryState,
    FormCategory,
    SubjectCategory,
    Validity,
)
from gongkai.web.catalog.search import index_entry, matches, rebuild_index, search
from gongkai.web.catalog.search_backends import postgresql as postgresql_backend
from gongkai.web.catalog.search_backends import (
    postgresql_counts,
    postgresql_pages,
    postgresql_query,
)
from gongkai.web.catalog.search_backends import sqlite as sqlite_backend


def publish(agency, title: str, **fields) -> Entry:
    defaults = {"generated_on": date(2024, 3, 1), "published_on": date(2024, 3, 5),
                "state": EntryState.PUBLISHED,
                "disclosure_mode": DisclosureMode.PROACTIVE}  # fmt: skip
    return Entry.objects.create(agency=agency, title=title, **(defaults | fields))


def found(query: str, **filters) -> list[str]:
    return sorted(result.entry.title for result in search(query, per_page=100, **filters).results)


@pytest.fixture
def shelf(finance, land):
    """A few published entries whose words overlap on purpose."""
    publish(finance, "2024年财政预算执行情况", doc_no="青财〔2024〕3号")
    publish(
        finance,
        "政府采购意向公开",
        summary="本年度政府采购预算已经批复。",
        doc_no="青财〔2023〕5号",
    )
    publish(finance, "预备役人员优待", doc_no="青财〔2023〕15号")
    publish(land, "国有建设用地使用权出让", body="出让地块位于青山镇，采购代理机构另行公告。",
            doc_no="青自然资〔2023〕50号")  # fmt: skip
    publish(land, "采购", doc_no="〔2022〕5号")


def test_a_two_character_word_finds_exactly_the_entries_that_contain_it(shelf):
    assert found("预算") == ["2024年财政预算执行情况", "政府采购意向公开"]
    assert found("采购") == ["国有建设用地使用权出让", "政府采购意向公开", "采购"]


def test_three_and_four_character_words_find_exactly_their_entries(shelf):
    assert found("使用权") == ["国有建设用地使用权出让"]
    assert found("政府采购") == ["政府采购意向公开"]
    assert found("采购预算") == ["政府采购意向公开"]
    assert found("预算执行情况") == ["2024年财政预算执行情况"]
    assert found("预备") == ["预备役人员优待"]
    assert found("预采") == []


def test_a_document_number_finds_only_that_number(shelf):
    assert found("〔2023〕5号") == ["政府采购意向公开"]
    assert found("青财〔2023〕15号") == ["预备役人员优待"]
    assert found("2023") == ["国有建设用地使用权出让", "政府采购意向公开", "预备役人员优待"]


def test_a_document_number_is_found_however_its_brackets_and_digits_are_typed(shelf):
    for typed in ["[2023]5号", "(2023)5号", "〔２０２３〕５号", "2023 5号", "2023〕5号"]:
        assert found(typed) == ["政府采购意向公开"], typed


def test_a_number_is_a_whole_token_so_5号_does_not_find_15号_or_50号(shelf):
    assert found("5号") == ["政府采购意向公开", "采购"]


def test_body_and_attachment_text_are_searched(shelf, finance):
    entry = publish(finance, "一份通知")
    EntryAttachment.objects.create(entry=entry, name="附件.pdf", size=10,
                                   content_type="application/pdf",
                                   text="附件中写明了防汛抗旱工作安排。")  # fmt: skip
    assert found("青山镇") == ["国有建设用地使用权出让"]
    assert found("防汛抗旱") == ["一份通知"]


def test_latin_words_are_found_whatever_their_case_or_width(finance):
    publish(finance, "PPP项目库信息", body="详见 Excel 表格。")
    assert found("ppp") == ["PPP项目库信息"]
    assert found("ＥＸＣＥＬ") == ["PPP项目库信息"]
    assert found("exc") == []


def test_entries_the_public_catalogue_does_not_list_are_never_found(finance):
    publish(finance, "公开的预算")
    publish(finance, "不予公开的预算", disclosure_mode=DisclosureMode.WITHHELD,
            withheld_reason="国家秘密")  # fmt: skip
    Entry.objects.create(agency=finance, title="草稿中的预算", generated_on=date(2024, 1, 1))
    publish(finance, "撤回的预算", state=EntryState.WITHDRAWN)
    assert found("预算") == ["公开的预算"]


@pytest.fixture
def on_request(finance):
    """Listed in the 目录 by its metadata; its text is given only on application."""
    entry = publish(finance, "征地补偿档案", disclosure_mode=DisclosureMode.ON_REQUEST,
                    summary="二〇二三年度征地补偿安置档案目录。", doc_no="青自然资〔2023〕9号",
                    body="档案正文载有被征收户的补偿金额。")  # fmt: skip
    EntryAttachment.objects.create(entry=entry, name="明细.pdf", size=10, text="户主身份证号码",
                                   content_type="application/pdf")  # fmt: skip
    return entry


def test_an_entry_disclosed_on_application_is_found_by_its_metadata(on_request):
    assert found("征地补偿") == ["征地补偿档案"]  # 名称
    assert found("安置档案") == ["征地补偿档案"]  # 内容概述
    assert found("〔2023〕9号") == ["征地补偿档案"]  # 文号


def test_the_text_and_attachments_of_an_entry_disclosed_on_application_are_not_searched(
    on_request,
):
    assert found("补偿金额") == []  # only in its text
    assert found("身份证号码") == []  # only in its attachment
    on_request.save()  # reindexing through the signal changes nothing
    assert found("补偿金额") == [] and found("身份证号码") == []
    rebuild_index()
    assert found("补偿金额") == [] and found("身份证号码") == []


def test_no_snippet_of_an_entry_disclosed_on_application_shows_its_text(on_request, finance):
    publish(finance, "征地补偿标准", body="补偿标准见附表。")
    without_summary = publish(finance, "征地补偿协议", disclosure_mode=DisclosureMode.ON_REQUEST,
                              body="协议约定补偿金额。")  # fmt: skip
    results = {r.entry.pk: r for r in search("征地补偿").results}
    assert "安置档案目录" in results[on_request.pk].snippet
    assert results[without_summary.pk].snippet == "<mark>征地补偿</mark>协议"  # its title
    for result in results.values():
        assert "金额" not in result.snippet and "身份证" not in result.snippet


def test_an_entry_whose_disclosure_changes_in_bulk_leaves_the_index_until_reindexed(on_request):
    publish(on_request.agency, "另一条征地补偿信息")
    Entry.objects.filter(pk=on_request.pk).update(disclosure_mode=DisclosureMode.PROACTIVE)
    assert found("征地补偿") == ["另一条征地补偿信息"]  # the trigger dropped it: nothing stale
    index_entry(Entry.objects.get(pk=on_request.pk))
    assert found("补偿金额") == ["征地补偿档案"]  # now proactive: its text is public


def test_a_withdrawn_entry_leaves_the_index_even_when_changed_in_bulk(finance):
    saved = publish(finance, "撤回的预算")
    bulk = publish(finance, "批量撤回的预算")
    saved.state = EntryState.WITHDRAWN
    saved.save()
    Entry.objects.filter(pk=bulk.pk).update(state=EntryState.WITHDRAWN)  # no signal: the trigger
    assert found("预算") == []
    assert backend_rows() == 0


def test_a_deleted_entry_leaves_the_index(finance):
    entry = publish(finance, "删除的预算")
    entry.delete()
    assert found("预算") == []
    assert backend_rows() == 0


def test_an_edited_entry_is_found_by_its_new_words_only(finance):
    entry = publish(finance, "旧标题")
    entry.title = "新标题：防汛通知"
    entry.save()
    assert found("旧标题") == []
    assert found("防汛") == ["新标题：防汛通知"]


def test_an_entry_published_later_is_indexed_when_published(finance):
    entry = Entry.objects.create(
        agency=finance, title="待发布的预算", generated_on=date(2024, 1, 1)
    )
    assert found("预算") == []
    entry.state = EntryState.PUBLISHED
    entry.save()
    assert found("预算") == ["待发布的预算"]


def test_rebuilding_the_index_finds_the_same_entries(shelf, finance):
    imported = Entry(agency=finance, title="批量导入的采购公告", generated_on=date(2024, 1, 1),
                     state=EntryState.PUBLISHED)  # fmt: skip
    Entry.objects.bulk_create([imported])
    assert "批量导入的采购公告" not in found("采购")  # bulk_create sends no signal
    assert rebuild_index() == 6
    assert found("采购") == [
        "国有建设用地使用权出让",
        "批量导入的采购公告",
        "政府采购意向公开",
        "采购",
    ]


def test_an_agency_filter_includes_everything_below_it(county, finance, land, treasury):
    publish(county, "县政府预算")
    publish(finance, "财政局预算")
    publish(treasury, "国库股预算")
    publish(land, "自然资源局预算")
    assert found("预算", agency=finance) == ["国库股预算", "财政局预算"]
    assert len(found("预算", agency=county)) == 4


def test_an_agency_moved_to_another_parent_is_searched_under_its_new_parent(
    county, finance, land, treasury, django_capture_on_commit_callbacks
):
    publish(treasury, "国库股预算")
    with django_capture_on_commit_callbacks(execute=True):
        treasury.parent = land
        treasury.save()
    assert found("预算", agency=land) == ["国库股预算"]
    assert found("预算", agency=finance) == []
    assert found("预算", agency=county) == ["国库股预算"]


def test_a_filter_follows_an_entry_whose_validity_changed(finance):
    entry = publish(finance, "废止的预算办法")
    entry.validity = Validity.REPEALED
    entry.save()
    assert found("预算", validity=Validity.VALID) == []
    assert found("预算", validity=Validity.REPEALED) == ["废止的预算办法"]


def test_category_year_and_validity_filters(finance):
    budget = SubjectCategory.objects.create(name="财政预决算")
    notice = FormCategory.objects.create(name="通知")
    publish(finance, "2023年预算", subject=budget, published_on=date(2023, 12, 31))
    publish(finance, "2024年预算通知", form=notice, validity=Validity.EXPIRED)
    assert found("预算", subject=budget.pk) == ["2023年预算"]
    assert found("预算", form=notice.pk) == ["2024年预算通知"]
    assert found("预算", year=2023) == ["2023年预算"]
    assert found("预算", validity=Validity.EXPIRED) == ["2024年预算通知"]
    assert found("预算", year=2022) == []


@pytest.mark.parametrize("query", ['"', '预算"', "AND", "预算 OR", "NEAR(预算", "预*", "(预算",
                                   "'; DROP TABLE x", "%", "_", "\\", "^预算", "预算:", "-预算",
                                   "", "   ", "。，、"])  # fmt: skip
def test_no_query_is_a_syntax_error(finance, query):
    publish(finance, "预算 and 决算")
    page = search(query)
    assert page.total == len(page.results)


def test_punctuation_alone_finds_nothing(finance):
    publish(finance, "预算")
    assert search("。，、").total == 0


def test_the_snippet_marks_the_hit_and_escapes_the_text(finance):
    body = "前言" * 30 + "<b>粗体</b>政府采购预算公开" + "后记" * 40
    publish(finance, "采购公告", body=body)
    result = search("采购预算").results[0]
    assert "<mark>采购预算</mark>" in result.snippet
    assert "&lt;b&gt;粗体&lt;/b&gt;政府" in result.snippet
    assert "<b>" not in result.snippet
    assert result.snippet.startswith("…") and result.snippet.endswith("…")
    assert 70 <= len(result.snippet.replace("<mark>", "").replace("</mark>", "")) <= 120


def test_the_snippet_marks_a_document_number_as_written(finance):
    publish(finance, "关于印发办法的通知", body="根据青财〔2023〕5号文件，现将有关事项通知如下。")
    result = search("2023〕5号").results[0]
    assert "<mark>2023〕5号</mark>" in result.snippet
    assert result.title == "关于印发办法的通知"


def test_a_number_is_marked_only_where_it_stands_whole(finance):
    publish(finance, "关于两份文件的说明", body="青财〔2023〕15号、１５号和〔2023〕5号文件。")
    snippet = search("5号").results[0].snippet
    assert snippet.count("<mark>") == 1 and "〕<mark>5号</mark>文件" in snippet


def test_the_title_is_highlighted_too(finance):
    publish(finance, "政府采购<公告>")
    assert search("采购").results[0].title == "政府<mark>采购</mark>&lt;公告&gt;"


def test_pages_of_results_and_the_total(finance):
    for n in range(25):
        publish(finance, f"第{n}号预算公告")
    first, last = search("预算", per_page=10), search("预算", page=3, per_page=10)
    assert (first.total, first.pages, len(first.results), len(last.results)) == (25, 3, 10, 5)
    everything = {
        r.entry.pk for p in (1, 2, 3) for r in search("预算", page=p, per_page=10).results
    }
    assert len(everything) == 25


sqlite_ranks = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite ranks hits")


@sqlite_ranks
def test_on_sqlite_a_hit_in_the_title_ranks_first(finance):
    publish(finance, "关于某事的通知", body="附带说明预算安排。" + "其他内容" * 50)
    publish(finance, "预算公开", published_on=date(2020, 1, 1))
    assert [r.entry.title for r in search("预算").results] == ["预算公开", "关于某事的通知"]


@sqlite_ranks
def test_on_sqlite_hits_rank_by_the_fields_they_are_in_then_newest_first(finance):
    body = publish(finance, "其一", body="见青财〔2024〕5号文件")
    summary = publish(finance, "其二", summary="依据青财〔2024〕5号")
    older_title = publish(finance, "青财〔2024〕5号通知")
    keywords = publish(finance, "其三", keywords="青财〔2024〕5号")
    doc_no = publish(finance, "其四", doc_no="青财〔2024〕5号")
    title_and_summary = publish(finance, "青财〔2024〕5号的解读", summary="青财〔2024〕5号")
    newer_title = publish(finance, "关于青财〔2024〕5号的说明")
    publish(finance, "其五", doc_no="青财〔2024〕15号")  # another number: no hit
    ranked = [title_and_summary, newer_title, older_title, doc_no, keywords, summary, body]
    pages = [search("青财〔2024〕5号", page=n, per_page=3) for n in (1, 2, 3)]
    assert [r.entry.pk for p in pages for r in p.results] == [e.pk for e in ranked]
    assert pages[0].total == 7


@sqlite_ranks
def test_on_sqlite_a_query_with_very_many_hits_lists_the_newest_first(finance, monkeypatch):
    monkeypatch.setattr(sqlite_backend, "RANK_LIMIT", 1)
    publish(finance, "预算公开")
    publish(finance, "关于某事的通知", body="附带说明预算安排。")
    assert [r.entry.title for r in search("预算").results] == ["关于某事的通知", "预算公开"]


@pytest.mark.parametrize("ranked", [True, False])
def test_newest_first_means_by_publication_date_not_by_creation(finance, monkeypatch, ranked):
    monkeypatch.setattr(sqlite_backend, "RANK_LIMIT", 1000 if ranked else 1)
    imported = publish(finance, "2019年预算公开", published_on=date(2019, 6, 1))  # an old catalogue
    recent = publish(finance, "2024年预算公开", published_on=date(2024, 6, 1))
    older = publish(finance, "2016年预算公开", published_on=date(2016, 6, 1))  # imported later
    assert [r.entry.pk for r in search("预算").results] == [recent.pk, imported.pk, older.pk]
    imported.published_on = date(2025, 1, 2)  # its date corrected: it moves, and only once
    imported.save()
    assert [r.entry.pk for r in search("预算").results] == [imported.pk, recent.pk, older.pk]
    assert backend_rows() == 3
    Entry.objects.filter(pk=imported.pk).update(state=EntryState.WITHDRAWN)  # the trigger
    assert [r.entry.pk for r in search("预算").results] == [recent.pk, older.pk]
    assert backend_rows() == 2


def test_with_many_hits_the_newest_entry_comes_first(finance, monkeypatch):
    monkeypatch.setattr(sqlite_backend, "RANK_LIMIT", 1)  # SQLite ranks the first 1,000
    publish(finance, "预算公开", published_on=date(2020, 1, 1))
    publish(finance, "关于某事的通知", body="附带说明预算安排。")
    assert [r.entry.title for r in search("预算").results] == ["关于某事的通知", "预算公开"]


def test_the_index_triggers_exist(db):
    # SQLite drops a table's triggers when a migration remakes the table: this would notice.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        names = {name for (name,) in cursor.fetchall()}
    assert {"catalog_search_unpublished", "catalog_search_deleted"} <= names or {
        "catalog_search_forget", "catalog_search_truncated"} <= names  # fmt: skip


def backend_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM catalog_search")
        return cursor.fetchone()[0]


# -- exactly the matching entries: the index agrees with a brute-force scan ----------------

CHINESE = "政府信息公开预算采购年度报告财政局县"
MIXED = CHINESE + "2035号〔〕，。 a"


def texts_and_queries(alphabet: str):
    text = st.text(alphabet, min_size=0, max_size=30)
    texts = st.lists(text, min_size=1, max_size=6)
    return texts.flatmap(lambda ts: st.tuples(st.just(ts), st.lists(
        st.one_of(st.text(alphabet, min_size=1, max_size=4),
                  st.sampled_from(ts).flatmap(lambda t: substrings(t))),
        min_size=1, max_size=4)))  # fmt: skip


def substrings(text: str):
    if not text:
        return st.just("信息")
    return st.integers(0, len(text) - 1).flatmap(
        lambda start: st.integers(start + 1, min(len(text), start + 5)).map(
            lambda end: text[start:end]
        )
    )


def indexed(finance, bodies: list[str]) -> dict[int, str]:
    Entry.objects.all().delete()
    entries = [publish(finance, "条目", body=body) for body in bodies]
    return {entry.pk: entry.body for entry in entries}


def hits(query: str) -> set[int]:
    page = search(query, per_page=100)
    assert page.total == len(page.results)
    return {result.entry.pk for result in page.results}


SLOW = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SLOW
@given(texts_and_queries(CHINESE))
def test_chinese_queries_find_exactly_the_texts_that_contain_them(finance, case):
    bodies, queries = case
    by_pk = indexed(finance, bodies)
    for query in queries:
        assert hits(query) == {pk for pk, body in by_pk.items() if query in body}, query


def assert_found_exactly(finance, bodies: list[str], queries: list[str]) -> None:
    """Each query finds exactly the texts the reference matcher says hold it."""
    by_pk = indexed(finance, bodies)
    for query in queries:
        expected = {pk for pk, body in by_pk.items() if matches(query, body)}
        assert hits(query) == expected, query


@SLOW
@given(texts_and_queries(MIXED))
def test_mixed_queries_find_exactly_the_texts_whose_tokens_contain_them(finance, case):
    assert_found_exactly(finance, *case)


def long_texts_and_queries(alphabet: str):
    """Texts up to 60 characters and queries up to 14: longer than one n-gram of the index."""
    texts = st.lists(st.text(alphabet, min_size=0, max_size=60), min_size=1, max_size=5)

    def cut(text: str):
        if len(text) < 2:
            return st.just(text or "预算")
        return st.integers(0, len(text) - 2).flatmap(lambda start: st.integers(
            start + 1, min(len(text), start + 14)).map(lambda end: text[start:end]))  # fmt: skip

    return texts.flatmap(lambda ts: st.tuples(st.just(ts), st.lists(
        st.sampled_from(ts).flatmap(cut), min_size=1, max_size=4)))  # fmt: skip


@SLOW
@given(long_texts_and_queries(MIXED))
def test_long_queries_find_exactly_the_texts_whose_tokens_contain_them(finance, case):
    assert_found_exactly(finance, *case)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL splits long texts")
@SLOW
@given(long_texts_and_queries(CHINESE + "2035号 "))
def test_texts_split_into_overlapping_rows_are_found_and_counted_once(finance, case):
    bodies, queries = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(postgresql_backend, "CHUNK", 7)
        patch.setattr(postgresql_query, "REACH", 5)
        by_pk = indexed(finance, bodies)
        for query in queries:
            expected = {pk for pk, body in by_pk.items() if matches(query, body)}
            assert hits(query) == expected, query


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL splits long texts")
def test_a_very_long_text_is_split_into_rows_below_the_tsvector_limit(finance):
    body = "".join(chr(0x4E00 + n % 20000) for n in range(70_000)) + "结尾预算〔2024〕9号"
    entry = publish(finance, "长文", body=body)
    with connection.cursor() as cursor:
        cursor.execute("SELECT part, chunked FROM catalog_search WHERE entry_id = %s "
                       "ORDER BY part", [entry.pk])  # fmt: skip
        assert cursor.fetchall() == [(0, True), (1, True), (2, True), (3, True)]
    assert hits("结尾预算") == {entry.pk}
    assert hits("〔2024〕9号") == {entry.pk}
    assert hits(body[19_990:20_010]) == {entry.pk}  # across the first rows' boundary


def test_the_reference_matcher_is_substring_search_for_chinese_text():
    assert matches("预算", "财政预算公开") and not matches("预公", "财政预算公开")
    assert matches("〔2023〕5号", "青财〔2023〕5号") and not matches("5号", "〔2023〕15号")
    assert catalog_search.spaced("青财〔2023〕5号") == "青 财 2023 5 号"


def test_an_index_entry_call_is_harmless_for_an_entry_that_is_not_public(finance):
    draft = Entry.objects.create(agency=finance, title="草稿", generated_on=date(2024, 1, 1))
    index_entry(draft)
    assert backend_rows() == 0


@pytest.fixture
def forty_years_of_budgets(finance):
    """40 hits published over ten years, newest first, among other entries."""
    entries = [publish(finance, f"预算公开第{n}号", published_on=date(2015 + n % 10, 1 + n % 12, 1))
               for n in range(40)]  # fmt: skip
    for n in range(20):
        publish(finance, f"无关条目{n}", published_on=date(2024, 6, 1))
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {'catalog_search' if connection.vendor == 'postgresql' else ''}")
    return [e.pk for e in sorted(entries, key=lambda e: (e.published_on, e.pk), reverse=True)]


def every_page(query: str, **filters) -> list[int]:
    pages = [search(query, page=n, per_page=3, **filters) for n in range(1, 16)]
    assert {p.total for p in pages} == {40}
    return [r.entry.pk for p in pages for r in p.results]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's paging")
@pytest.mark.parametrize("way", ["walked", "collected"])
def test_every_page_lists_the_hits_newest_first_walked_or_collected(
    forty_years_of_budgets, finance, monkeypatch, way
):
    taken = []
    for name in ("walk", "recent_years"):
        original = getattr(postgresql_pages, name)
        monkeypatch.setattr(postgresql_pages, name, lambda *a, name=name, original=original:
                            taken.append((name, result := original(*a))) or result)  # fmt: skip
    if way == "walked":  # walking always looks cheaper
        monkeypatch.setattr(postgresql_pages, "WALK_ROW_MS", 0)
    else:
        monkeypatch.setattr(postgresql_pages, "COLLECT_MS", -1)
    assert every_page("预算") == forty_years_of_budgets
    assert every_page("预算", agency=finance) == forty_years_of_budgets
    walked = [found for name, found in taken if name == "walk" and found is not None]
    years = [found for name, found in taken if name == "recent_years" and found]
    if way == "walked":
        assert len(walked) == 2 * 13  # all but the last, short, page of 40 hits
    else:
        assert not walked and years  # the recent years are asked first, then all


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's paging")
def test_a_walk_that_finds_the_hits_bunched_in_earlier_years_gives_way(finance, monkeypatch):
    old = [
        publish(finance, f"预算公开第{n}号", published_on=date(2015, 1, 1 + n)) for n in range(5)
    ]
    for n in range(200):
        publish(finance, f"无关条目{n}", published_on=date(2024, 6, 1))
    monkeypatch.setattr(postgresql_pages, "WALK_ROW_MS", 0)  # try the walk
    monkeypatch.setattr(postgresql_pages, "WALK_MARGIN", 10)  # which stops after ~20 rows
    walks = []
    walk = postgresql_pages.walk
    monkeypatch.setattr(postgresql_pages, "walk",
                        lambda *args: walks.append(found := walk(*args)) or found)  # fmt: skip
    assert [r.entry.pk for r in search("预算", per_page=2).results] == [old[4].pk, old[3].pk]
    assert walks == [None]


postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql",
                                     reason="PostgreSQL checks long queries' hits")  # fmt: skip


def kept_counts() -> list[tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT c.generation, c.total FROM catalog_search_counts c")
        return cursor.fetchall()


def generation() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT n FROM catalog_search_generation")
        return cursor.fetchone()[0]


def test_a_kept_count_follows_every_change_to_the_index(finance, every_count_kept):
    first = publish(finance, "预算公开")
    assert search("预算").total == 1
    assert kept_counts() == [(generation(), 1)]
    second = publish(finance, "部门预算", body="预算" * 40)
    publish(finance, "无关条目")
    assert search("预算").total == 2
    Entry.objects.filter(pk=first.pk).update(state=EntryState.WITHDRAWN)  # the trigger
    assert search("预算").total == 1
    second.body = "改为决算"
    second.save()  # still found, by its title
    assert search("预算").total == 1
    second.title = "部门决算"
    second.save()
    assert search("预算").total == 0
    assert kept_counts() == [(generation(), 0)]  # brought up to date, not counted afresh


def test_a_kept_count_of_a_long_query_follows_changes_checked_against_the_text(
    finance, every_count_kept
):
    publish(finance, "财政预算执行情况报告")
    assert search("财政预算执行情况").total == 1
    publish(finance, "财政预算和执行情况")  # every 4-gram window of the query, not the query
    publish(finance, "县财政预算执行情况")
    assert search("财政预算执行情况").total == 2


def test_a_kept_count_is_counted_afresh_after_a_change_too_large_to_log(finance, every_count_kept):
    publish(finance, "预算公开")
    assert search("预算").total == 1
    rebuild_index()  # a change of every row: logs nothing, forgets the counts
    assert kept_counts() == []
    publish(finance, "部门预算")
    assert search("预算").total == 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite logs whole entries")
def test_on_sqlite_an_entry_too_long_to_log_forgets_the_counts(finance, every_count_kept):
    publish(finance, "预算公开")
    assert search("预算").total == 1 and kept_counts()
    publish(finance, "部门预算", body="预算执行情况" * 20_000)  # 120,000 characters
    assert kept_counts() == []
    assert search("预算").total == 2


def test_a_count_kept_before_the_oldest_logged_change_is_counted_afresh(finance, every_count_kept):
    publish(finance, "预算公开")
    assert search("预算").total == 1
    with connection.cursor() as cursor:  # as if the log had been pruned since
        cursor.execute("UPDATE catalog_search_counts SET total = 99")
        cursor.execute("UPDATE catalog_search_generation SET floor = n + 1")
    publish(finance, "部门预算")
    assert search("预算").total == 2


def test_the_log_of_changes_is_pruned_to_its_last_generations(finance):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE catalog_search_generation SET n = 5000 - 3")
    for n in range(6):
        publish(finance, f"预算公开第{n}号")
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(generation), max(generation) FROM catalog_search_changes")
        oldest, newest = cursor.fetchone()
        cursor.execute("SELECT floor FROM catalog_search_generation")
        floor = cursor.fetchone()[0]
    assert newest == generation() > 5000 and floor == 5000 - 2000 and oldest > floor


def test_a_bulk_rebuild_updates_the_generation_once_per_batch(finance):
    for n in range(5):
        publish(finance, f"预算公开第{n}号")
    before = generation()
    rebuild_index()
    assert generation() - before <= 3  # truncate, then one insert (no delete: nothing there)


CHANGES = st.lists(st.tuples(st.sampled_from(["publish", "edit", "withdraw", "delete"]),
                             st.text(CHINESE + "2035号 ", max_size=16), st.integers(0, 20)),
                   min_size=1, max_size=10)  # fmt: skip
QUERIES = st.lists(st.text(CHINESE + "2035号 ", min_size=1, max_size=6), min_size=1, max_size=3)


@SLOW
@given(CHANGES, QUERIES)
def test_kept_counts_stay_exact_through_any_sequence_of_changes(
    finance, every_count_kept, changes, queries
):
    Entry.objects.all().delete()  # logged too: counts kept by earlier examples carry on
    live: list[Entry] = []
    for change, text, pick in changes:
        for query in queries:
            search(query)  # kept, then brought up to date at the next search
        if change == "publish" or not live:
            live.append(publish(finance, "条目", body=text))
            continue
        entry = live.pop(pick % len(live))
        if change == "edit":
            entry.body = text
            entry.save()
            live.append(entry)
        elif change == "withdraw":  # in bulk: the trigger drops it from the index
            Entry.objects.filter(pk=entry.pk).update(state=EntryState.WITHDRAWN)
        else:
            entry.delete()
    for query in queries:
        expected = sum(matches(query, e.title, e.body) for e in live)
        assert search(query).total == expected, query


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite has one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_a_search_does_not_wait_for_another_writer_to_keep_its_count(
    finance, every_count_kept
):
    publish(finance, "预算公开")
    with connection.cursor() as cursor:  # kept by earlier tests, and still true
        cursor.execute("DELETE FROM catalog_search_counts")
    other = sqlite3.connect(connection.settings_dict["NAME"])
    other.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        started = time.monotonic()
        assert search("预算").total == 1
        assert time.monotonic() - started < 5  # the busy timeout would be 20 s
        assert kept_counts() == []
    finally:
        other.rollback()
        other.close()
    assert search("预算").total == 1
    assert kept_counts() == [(generation(), 1)]


@postgresql_only
def test_a_long_query_with_very_many_candidates_is_counted_by_a_sample(
    finance, monkeypatch, client
):
    monkeypatch.setattr(postgresql_counts, "VERIFY_LIMIT", 5)  # fewer than the candidates
    monkeypatch.setattr(postgresql_counts, "SAMPLE", 12)  # all of them: the share is known
    for n in range(4):  # both of the query's four-token windows, not the query: candidates
        publish(finance, f"青山县人口与人民政府第{n}号", published_on=date(2020, 1, 1))
    held = [publish(finance, f"青山县人民政府通知第{n}号") for n in range(8)]
    page = search("青山县人民政府", per_page=100)
    assert not page.exact and page.total == 8  # 12 candidates × 8/12 held
    assert {r.entry.pk for r in page.results} == {e.pk for e in held}  # the hits are exact
    html = client.get("/catalog/", {"q": "青山县人民政府"}).content.decode()
    assert f"找到约 {page.total} 条" in html
    body = client.get("/api/v1/catalog/search", {"q": "青山县人民政府"}).json()
    assert body["total_exact"] is False and body["total"] == page.total


@postgresql_only
def test_a_long_query_whose_sample_holds_no_hit_is_counted_exactly(finance, monkeypatch):
    monkeypatch.setattr(postgresql_counts, "VERIFY_LIMIT", 5)
    monkeypatch.setattr(postgresql_counts, "SAMPLE", 4)
    for n in range(8):
        publish(finance, f"青山县人口与人民政府第{n}号")
    hit = publish(finance, "青山县人民政府通知")
    page = search("青山县人民政府")
    assert page.exact and page.total == 1 and [r.entry.pk for r in page.results] == [hit.pk]


def test_counts_are_exact_whenever_they_are_cheap(finance):
    publish(finance, "青山县人民政府通知")
    publish(finance, "青山县人口与人民政府")
    assert search("人民政府").exact and search("人民政府").total == 2
    assert search("青山县人民政府").exact and search("青山县人民政府").total == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's table order")
def test_a_rebuilt_index_lies_on_disk_by_year_then_agency_then_date(finance, land):
    scrambled = [(land, date(2024, 5, 1)), (finance, date(2023, 1, 9)), (finance, date(2024, 2, 1)),
                 (land, date(2023, 12, 1)), (finance, date(2024, 1, 1))]  # fmt: skip
    entries = [publish(agency, "预算", published_on=day) for agency, day in scrambled]
    rebuild_index()
    with connection.cursor() as cursor:
        cursor.execute("SELECT entry_id FROM catalog_search ORDER BY ctid")
        on_disk = [pk for (pk,) in cursor.fetchall()]
    by = {entry.pk: (entry.published_on.year, entry.agency.path, entry.published_on)
          for entry in entries}  # fmt: skip
    assert on_disk == sorted(by, key=by.get)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's index keyed by date")
@pytest.mark.django_db(transaction=True)
def test_migrating_to_keys_by_date_indexes_every_public_entry_afresh(finance):
    from django.db.migrations.executor import MigrationExecutor

    day = {"generated_on": date(2020, 1, 1), "state": EntryState.PUBLISHED}
    MigrationExecutor(connection).migrate([("catalog", "0011_sqlite_search_counts_follow_changes")])
    try:  # at 0011 the index had no keys; entries created without signals are not in it yet
        Entry.objects.bulk_create([
            Entry(agency=finance, title="2019年预算公开", published_on=date(2019, 1, 1), **day),
            Entry(agency=finance, title="2024年预算公开", published_on=date(2024, 1, 1), **day),
            Entry(agency=finance, title="2016年预算公开", published_on=date(2016, 1, 1), **day),
        ])  # fmt: skip
    finally:  # every app back to its latest migration: going back to 0011 unapplied those
        executor = MigrationExecutor(connection)  # that depend on 0012 (annualreports, …)
        executor.migrate(executor.loader.graph.leaf_nodes())
    titles = [r.entry.title for r in search("预算").results]
    assert titles == ["2024年预算公开", "2019年预算公开", "2016年预算公开"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite remakes its table to clear it")
def test_on_sqlite_a_rebuild_remakes_the_index_table_as_it_was(finance):
    publish(finance, "预算公开")
    definition = "SELECT sql FROM sqlite_master WHERE name = 'catalog_search'"
    with connection.cursor() as cursor:
        cursor.execute(definition)
        before = cursor.fetchone()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        usual = cursor.fetchone()
    rebuild_index()
    with connection.cursor() as cursor:
        cursor.execute(definition)
        assert cursor.fetchone() == before
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone() == usual  # lifted for the drop only
    assert search("预算").total == 1 and backend_rows() == 1
    Entry.objects.filter(title="预算公开").update(state=EntryState.WITHDRAWN)  # triggers still work
    assert search("预算").total == 0 and backend_rows() == 0
