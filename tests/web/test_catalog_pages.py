"""The public face of the catalogue: 目录, entry pages, 指南, 第二十条 items, feeds, sitemap."""

from datetime import date

import pytest
from django.core.cache import cache

from gongkai.statute.agency_codes import make_uscc
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.catalog.models.entries import Entry
from gongkai.web.catalog.public import FILTER_CHOICES_KEY


def entry(agency, title, state="published", **fields) -> Entry:
    serial = Entry.objects.count() + 1
    index_no = f"{agency.code}/2026-{serial:05d}" if state == "published" else None
    defaults = {"generated_on": date(2026, 11, 2), "published_on": date(2026, 11, 10),
                "index_no": index_no}  # fmt: skip
    return Entry.objects.create(agency=agency, title=title, state=state, **(defaults | fields))


@pytest.fixture
def entries(finance, land):
    return {
        "budget": entry(finance, "青山县2026年县级预算公开", article20_item=7,
                        doc_no="青财预〔2026〕5号", body="县级一般公共预算收入……"),
        "land": entry(land, "东岭乡土地征收补偿方案公告", article20_item=0),
        "draft": entry(finance, "尚未发布的草稿", state="draft"),
        "withheld": entry(finance, "不予公开的内部请示", disclosure_mode="withheld",
                          withheld_reason="属于内部事务信息"),
        "old": entry(finance, "已废止的收费文件", validity="repealed",
                     published_on=date(2025, 3, 1)),
    }  # fmt: skip


def test_the_catalogue_lists_published_entries_only(client, entries):
    html = client.get("/catalog/").content.decode()
    assert "青山县2026年县级预算公开" in html and "东岭乡土地征收补偿方案公告" in html
    assert "尚未发布的草稿" not in html and "不予公开的内部请示" not in html


def test_the_catalogue_filters_by_agency_item_year_and_validity(client, entries, finance):
    by_agency = client.get("/catalog/", {"agency": finance.code}).content.decode()
    assert "预算公开" in by_agency and "土地征收" not in by_agency
    by_item = client.get("/catalog/", {"item": 7}).content.decode()
    assert "预算公开" in by_item and "收费文件" not in by_item
    assert "收费文件" in client.get("/catalog/", {"year": 2025}).content.decode()
    assert "预算公开" not in client.get("/catalog/", {"validity": "repealed"}).content.decode()


def test_the_catalogue_escapes_what_staff_typed(client, finance, land):
    entry(finance, '关于<script>alert("x")</script>的通知', index_no="QS-<b>1</b>")
    land.name = "自然资源局 & <i>规划</i>"
    land.save()
    entry(land, "征收公告", validity="expired")
    html = client.get("/catalog/").content.decode()
    assert "<script>" not in html and "<b>1</b>" not in html and "<i>规划</i>" not in html
    assert "关于&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;的通知" in html
    assert "QS-&lt;b&gt;1&lt;/b&gt;" in html and "自然资源局 &amp; &lt;i&gt;规划&lt;/i&gt;" in html
    assert '征收公告</a> <span class="badge">失效</span>' in html


def test_an_entry_page_shows_the_national_metadata(client, entries):
    budget = entries["budget"]
    html = client.get(f"/catalog/entries/{budget.pk}/").content.decode()
    assert (
        budget.index_no in html and "青财预〔2026〕5号" in html and "县级一般公共预算收入" in html
    )


def test_unpublished_entries_are_not_found(client, entries):
    assert client.get(f"/catalog/entries/{entries['draft'].pk}/").status_code == 404
    assert client.get(f"/catalog/entries/{entries['withheld'].pk}/").status_code == 404


def test_the_agency_filter_is_kept_for_a_while_and_then_lists_a_new_agency(client, entries, county):
    assert "青山县财政局" in client.get("/catalog/").content.decode()
    Agency.objects.create(name="青山县审计局", code=make_uscc("1", "1", "360999", "01523688"),
                          level=AgencyLevel.COUNTY_DEPARTMENT, parent=county)  # fmt: skip
    assert "青山县审计局" not in client.get("/catalog/").content.decode()  # kept (30 s)
    cache.delete(FILTER_CHOICES_KEY)  # as when it expires
    assert "青山县审计局" in client.get("/catalog/").content.decode()


def test_the_guide_is_generated_from_the_agencys_contact_details(client, finance):
    finance.office_address, finance.office_hours = "青山县府前路18号", "工作日8:30—17:30"
    finance.save()
    html = client.get(f"/agencies/{finance.code}/guide/").content.decode()
    assert "青山县财政局政府信息公开指南" in html
    assert "青山县府前路18号" in html and "工作日8:30—17:30" in html and "0795-7220000" in html
    assert "20个工作日" in html and "青山县人民政府" in html  # the supervisor to complain to


def test_article_20_lists_entries_under_their_item(client, entries, finance):
    html = client.get(f"/agencies/{finance.code}/article-20/").content.decode()
    section = html.split("(七)财政预算、决算信息")[1].split("</section>")[0]
    assert "青山县2026年县级预算公开" in section


def test_the_atom_feed_lists_the_agencys_subtree(client, entries, county):
    feed = client.get(f"/agencies/{county.code}/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "青山县2026年县级预算公开" in body and "东岭乡土地征收补偿方案公告" in body
    assert "尚未发布的草稿" not in body


def test_an_entry_disclosed_on_application_shows_its_metadata_but_never_its_text(client, finance):
    held = entry(finance, "征地补偿档案", disclosure_mode="on_request",
                 body="档案正文载有被征收户的补偿金额。")  # fmt: skip
    page = client.get(f"/catalog/entries/{held.pk}/").content.decode()
    assert "征地补偿档案" in page and "补偿金额" not in page
    assert "/apply/" in page  # where to apply for it
    feed = client.get(f"/agencies/{finance.code}/feed/").content.decode()
    assert "征地补偿档案" in feed and "补偿金额" not in feed


def test_the_sitemap_lists_entries_and_guides(client, entries, finance):
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-entries.xml</loc>" in index and "/sitemap-guides.xml</loc>" in index
    body = client.get("/sitemap-entries.xml").content.decode()
    assert f"/catalog/entries/{entries['budget'].pk}/" in body
    assert f"/catalog/entries/{entries['draft'].pk}/" not in body
    assert f"/agencies/{finance.code}/guide/" in client.get("/sitemap-guides.xml").content.decode()


def test_the_entries_sitemap_is_paged_by_the_tally(client, entries, monkeypatch):
    from gongkai.web.catalog.sitemaps import EntrySitemap

    monkeypatch.setattr(EntrySitemap, "limit", 2)
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-entries.xml?p=2</loc>" in index and "?p=3" not in index  # 3 public
    second = client.get("/sitemap-entries.xml", {"p": 2}).content.decode()
    assert second.count("<url>") == 1


def test_large_text_and_high_contrast_are_remembered(client, db):
    client.post("/display/", {"mode": "large-text", "next": "/catalog/"})
    client.post("/display/", {"mode": "high-contrast", "next": "/"})
    html = client.get("/").content.decode()
    assert 'class="large-text high-contrast"' in html
    client.post("/display/", {"mode": "large-text", "next": "/"})
    assert 'class="high-contrast"' in client.get("/").content.decode()


def test_the_display_switch_does_not_redirect_elsewhere(client, db):
    response = client.post("/display/", {"mode": "large-text", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_searching_the_catalogue_finds_two_character_words_and_highlights_them(client, entries):
    html = client.get("/catalog/", {"q": "预算"}).content.decode()
    assert "共找到 1 条与“预算”相关的结果" in html
    assert "<mark>预算</mark>" in html
    assert "土地征收" not in html


def test_searching_by_document_number_finds_the_entry(client, entries):
    html = client.get("/catalog/", {"q": "〔2026〕5号"}).content.decode()
    assert "青山县2026年县级预算公开" in html
