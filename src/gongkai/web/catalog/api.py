"""JSON API of the public catalogue, for an agency's existing 政府网站 to embed: full-text
search and one entry by its 索引号 (a query parameter, since 索引号 contain slashes).

What the public 目录 lists is visible: entries published for proactive disclosure whole, and
those disclosed on application (依申请公开) by their metadata only, never their text. Errors
come back per field, in Chinese; a query is never a syntax error (see search.py).
"""

from datetime import date

from django.urls import reverse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from gongkai.web.agencies.models import Agency
from gongkai.web.catalog import search as catalog_search
from gongkai.web.catalog.models.entries import Entry, Validity

router = Router(tags=["catalog"])

MAX_QUERY_LENGTH = 100


class Errors(Schema):
    errors: dict[str, list[str]]


class SearchIn(Schema):
    q: str = Field(
        "",
        description="检索词：词语、文号（如 〔2023〕5号）或索引号；以空格分隔的几个词须同时出现"
        "（最多 5 个）",
    )
    agency: str | None = Field(None, description="发布机构代码；包括其下级机构")
    subject: int | None = Field(None, description="主题分类 id")
    form: int | None = Field(None, description="体裁分类 id")
    item: int | None = Field(None, ge=1, le=99, description="条例第二十条所列事项的序号（1 起）")
    year: int | None = Field(None, ge=1949, le=2200, description="发布年份")
    validity: str | None = Field(
        None,
        description="有效性：valid/expired/repealed 或 有效/失效/废止",
    )
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=catalog_search.MAX_PER_PAGE)


class Hit(Schema):
    index_no: str | None = Field(description="索引号")
    title: str = Field(description="名称")
    title_html: str = Field(description="名称，HTML 转义，命中处以 <mark> 标出")
    agency: str = Field(description="发布机构")
    agency_code: str
    published_on: date | None = Field(description="发布日期")
    doc_no: str = Field(description="文号")
    snippet: str = Field(description="约 80 字的摘录，HTML 转义，命中处以 <mark> 标出")
    url: str


class SearchOut(Schema):
    query: str
    total: int = Field(description="命中总数")
    total_exact: bool = Field(
        description="命中总数是否精确；为 false 时是估计数（PostgreSQL 上命中极多的长检索词）"
    )
    page: int
    per_page: int
    pages: int
    results: list[Hit]


class AttachmentOut(Schema):
    name: str
    size: int
    content_type: str


class EntryOut(Schema):
    index_no: str | None = Field(description="索引号")
    title: str = Field(description="名称")
    agency: str = Field(description="发布机构")
    agency_code: str
    doc_no: str = Field(description="文号")
    generated_on: date = Field(description="生成日期")
    published_on: date | None = Field(description="发布日期")
    subject: str | None = Field(description="主题分类")
    form: str | None = Field(description="体裁分类")
    keywords: str
    validity: str = Field(description="有效性")
    effective_on: date | None
    summary: str
    disclosure: str = Field(description="公开方式：主动公开 或 依申请公开（正文和附件须申请获取）")
    body: str | None = Field(description="正文；依申请公开的信息为 null")
    url: str
    apply_url: str | None = Field(description="依申请公开的信息：在线申请的地址")
    attachments: list[AttachmentOut]


def failure(status: int, field: str, message: str) -> Status:
    return Status(status, {"errors": {field: [message]}})


def entry_url(entry: Entry) -> str:
    return reverse("catalog-entry", args=[entry.pk])


def validity_value(given: str | None) -> str | None:
    """The stored value for `valid` or `有效`; None if not given; KeyError if unknown."""
    if not given:
        return None
    by_label = {label: value for value, label in Validity.choices}
    return given if given in Validity.values else by_label[given]


@router.get("/search", response={200: SearchOut, 400: Errors}, auth=None,
            summary="Full-text search of the public catalogue")  # fmt: skip
def search(request, params: Query[SearchIn]):
    """检索公开目录：名称、文号、关键词、内容概述，以及主动公开信息的正文和附件全文。"""
    query = params.q.strip()
    if not query:
        return failure(400, "q", "请输入检索词。")
    if len(query) > MAX_QUERY_LENGTH:
        return failure(400, "q", f"检索词最多 {MAX_QUERY_LENGTH} 个字。")
    agency = None
    if params.agency:
        agency = Agency.objects.filter(code=params.agency.strip().upper()).first()
        if agency is None:
            return failure(400, "agency", f"没有代码为 {params.agency} 的机构。")
    try:
        validity = validity_value(params.validity)
    except KeyError:
        return failure(400, "validity", "有效性只能是 有效、失效 或 废止。")
    page = catalog_search.search(query, agency=agency, subject=params.subject, form=params.form,
                                 item=params.item, year=params.year, validity=validity,
                                 page=params.page, per_page=params.per_page)  # fmt: skip
    return {"query": query, "total": page.total, "total_exact": page.exact, "page": page.page,
            "per_page": page.per_page, "pages": page.pages,
            "results": [hit(result) for result in page.results]}  # fmt: skip


def hit(result: catalog_search.SearchResult) -> dict:
    entry = result.entry
    return {"index_no": entry.index_no, "title": entry.title, "title_html": result.title,
            "agency": entry.agency.name, "agency_code": entry.agency.code,
            "published_on": entry.published_on, "doc_no": entry.doc_no,
            "snippet": result.snippet, "url": entry_url(entry)}  # fmt: skip


@router.get("/entry", response={200: EntryOut, 404: Errors}, auth=None,
            summary="One public entry by its 索引号")  # fmt: skip
def entry(request, index_no: str):
    """公开目录中一条信息的元数据，主动公开的还有正文和附件。索引号含斜杠，故作为查询参数。"""
    found = (catalog_search.public_entries().select_related("agency", "subject", "form")
             .filter(index_no=index_no.strip()).first())  # fmt: skip
    if found is None:
        return failure(404, "index_no", f"没有索引号为 {index_no} 的公开信息。")
    whole = "body" in catalog_search.readable_fields(found.disclosure_mode)
    return {
        "index_no": found.index_no, "title": found.title, "agency": found.agency.name,
        "agency_code": found.agency.code, "doc_no": found.doc_no,
        "generated_on": found.generated_on, "published_on": found.published_on,
        "subject": found.subject.name if found.subject else None,
        "form": found.form.name if found.form else None, "keywords": found.keywords,
        "validity": found.get_validity_display(), "effective_on": found.effective_on,
        "summary": found.summary, "disclosure": found.get_disclosure_mode_display(),
        "body": found.body if whole else None, "url": entry_url(found),
        "apply_url": None if whole else reverse("application-apply", args=[found.agency.code]),
        "attachments": list(found.attachments.values("name", "size", "content_type"))
        if whole else [],
    }  # fmt: skip
