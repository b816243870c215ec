"""Full-text search of the public catalogue: titles, 文号, keywords, summaries, text, attachments.

One normalisation serves both databases (`search_backends/tokens.py`): every CJK character
is a token, runs of other letters and digits are one token, punctuation only separates. A
query is cut into words at white space, and matches an entry when each word's tokens occur
consecutively in one of its fields (财政 预算: both words, anywhere) — so 2-, 3- and
4-character Chinese words and 文号 such as 〔2023〕5号 are found exactly, and no query can be
a syntax error. A query typed as a 索引号 also finds the entry that has it, first.

SQLite indexes the overlapping character pairs at each position in an FTS5 table and asks
for a phrase per word (best first by the fields it is in up to 1,000 hits, newest first beyond).
PostgreSQL indexes, at each position, the run of up to four tokens it starts, in a
GIN-indexed tsvector, and asks for each word as a prefix (newest first). On both, filters
are tokens of the same index, so a search never reads catalog_entry until the page of
results is known, and counts that are slow to take are kept and follow the index through a
log of its changes. The tables, indexes and the triggers that drop an entry from the index
when it stops being public are in migrations 0003 and 0004; the logs in 0009 and 0011.

The index follows the entries: `index_entry(entry)` after any change (saving an entry or an
attachment does it through signals, once this module is imported), `unindex_entry(entry)`;
`rebuild_index()` redoes all. The signals need this module imported at start-up
(CatalogConfig.ready); the triggers need nothing.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils.html import escape
from django.utils.safestring import SafeString

from gongkai.web.agencies.models import Agency
from gongkai.web.catalog import snippets
from gongkai.web.catalog.index_lookup import index_number_hit
from gongkai.web.catalog.models.entries import (
    DisclosureMode,
    Entry,
    EntryAttachment,
    EntryState,
)
from gongkai.web.catalog.search_backends import backend_for
from gongkai.web.catalog.search_backends.tokens import (  # noqa: F401 (the public names)
    CJK_START,
    MAX_WORDS,
    compact,
    contains,
    ignored_words,
    is_cjk,
    matches,
    query_words,
    spaced,
    tokens,
)

MAX_PER_PAGE = 100
TEXT_FIELDS = ("title", "doc_no", "keywords", "summary", "body")  # then attachments' text
ROW = ["pk", *TEXT_FIELDS, "agency__path", "subject_id", "form_id", "article20_item",
       "published_on", "validity", "disclosure_mode"]  # fmt: skip
# What the public may read of an entry published for disclosure on application: its
# metadata, as the 目录 shows it, never its text or attachments.
ON_REQUEST_FIELDS = ("title", "doc_no", "keywords", "summary")
INDEXED = (*TEXT_FIELDS, "attachments")  # the fields of document(): what a word is found in


# -- what is indexed ------------------------------------------------------------------------


def is_public(entry: Entry) -> bool:
    """Listed in the public 目录 (listing.public_entries), so found by search too."""
    return entry.state == EntryState.PUBLISHED and entry.disclosure_mode != DisclosureMode.WITHHELD


def public_entries():
    return Entry.objects.filter(state=EntryState.PUBLISHED).exclude(
        disclosure_mode=DisclosureMode.WITHHELD
    )


def readable_fields(disclosure_mode: str) -> tuple[str, ...]:
    return ON_REQUEST_FIELDS if disclosure_mode == DisclosureMode.ON_REQUEST else TEXT_FIELDS


def document(entry: Entry, attachment_texts: Iterable[str]) -> dict:
    """What the index holds of an entry: the text the public may read, and the values
    filters use."""
    return from_row(
        {name: getattr(entry, name) for name in ROW if "__" not in name}
        | {"agency__path": entry.agency.path},
        list(attachment_texts),
    )


def index_entry(entry: Entry) -> None:
    """Put the entry in the index as it is now, or take it out if it is not public."""
    if not is_public(entry):
        unindex_entry(entry)
        return
    texts = EntryAttachment.objects.filter(entry_id=entry.pk).values_list("text", flat=True)
    backend_for(connection).store(entry.pk, document(entry, texts))


def unindex_entry(entry: Entry) -> None:
    backend_for(connection).remove(entry.pk)


def rebuild_index(entries=None, batch: int = 2000) -> int:
    """Index every public entry afresh (or those of `entries`, a queryset, without clearing
    the others); returns how many. Batches keep memory flat at a million entries (only the
    ids and their order are held at once)."""
    backend, everything, count = backend_for(connection), entries is None, 0
    if everything:
        backend.clear()
    public = public_entries() if everything else entries & public_entries()
    keys = public.order_by().values_list("pk", "published_on", "agency__path")
    order = [pk for pk, *_ in sorted(keys, key=backend.write_order)]
    for start in range(0, len(order), batch):
        pks = order[start : start + batch]
        found = {row["pk"]: row for row in public.filter(pk__in=pks).values(*ROW)}
        rows = [found[pk] for pk in pks if pk in found]
        texts: dict[int, list[str]] = {}
        attachments = EntryAttachment.objects.filter(entry_id__in=[row["pk"] for row in rows])
        for entry_id, text in attachments.values_list("entry_id", "text"):
            texts.setdefault(entry_id, []).append(text)
        backend.store_many((row["pk"], from_row(row, texts.get(row["pk"], []))) for row in rows)
        count += len(rows)
    if everything:
        backend.optimise()
    return count


def warm_counts() -> int:
    """Count the most common words ahead of their first search and keep the counts; returns
    how many were counted. After a rebuild, and nightly."""
    return backend_for(connection).warm()


def from_row(row: dict, attachment_texts: list[str]) -> dict:
    readable = readable_fields(row["disclosure_mode"])
    if readable is ON_REQUEST_FIELDS:
        attachment_texts = []
    return {name: (row[name] or "") if name in readable else "" for name in TEXT_FIELDS} | {
        "attachments": "\n".join(attachment_texts), "agency_path": row["agency__path"],
        "subject_id": row["subject_id"], "form_id": row["form_id"],
        "article20_item": row["article20_item"], "published_on": row["published_on"],
        "validity": row["validity"]}  # fmt: skip


@receiver(post_save, sender=Entry, dispatch_uid="catalog-search-entry-saved")
def entry_saved(sender, instance: Entry, raw: bool = False, **kwargs) -> None:
    if not raw:
        index_entry(instance)


@receiver(post_save, sender=EntryAttachment, dispatch_uid="catalog-search-attachment-saved")
@receiver(post_delete, sender=EntryAttachment, dispatch_uid="catalog-search-attachment-gone")
def attachment_changed(sender, instance: EntryAttachment, raw: bool = False, **kwargs) -> None:
    entry = Entry.objects.filter(pk=instance.entry_id).first()
    if entry is not None and not raw:
        index_entry(entry)


@receiver(post_delete, sender=Entry, dispatch_uid="catalog-search-entry-deleted")
def entry_deleted(sender, instance: Entry, **kwargs) -> None:
    unindex_entry(instance)


@receiver(pre_save, sender=Agency, dispatch_uid="catalog-search-agency-moving")
def agency_moving(sender, instance: Agency, raw: bool = False, **kwargs) -> None:
    instance._search_old_parent = (
        Agency.objects.filter(pk=instance.pk).values_list("parent_id", flat=True).first()
    )


@receiver(post_save, sender=Agency, dispatch_uid="catalog-search-agency-moved")
def agency_moved(sender, instance: Agency, created: bool, raw: bool = False, **kwargs) -> None:
    """A moved agency takes its subtree's entries under other ancestors: their agency filter
    tokens are redone once the move (which rewrites the subtree's paths) is committed."""
    moved = getattr(instance, "_search_old_parent", instance.parent_id) != instance.parent_id
    if moved and not created and not raw:
        transaction.on_commit(lambda: reindex_subtree(instance))


@transaction.atomic
def reindex_subtree(agency: Agency) -> None:
    rebuild_index(Entry.objects.filter(agency__path__startswith=agency.path))


# -- searching ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    agency: Agency | None = None  # this agency and everything below it
    subject: int | None = None
    form: int | None = None
    item: int | None = None  # 条例第二十条 item
    year: int | None = None
    validity: str | None = None


@dataclass
class SearchResult:
    entry: Entry
    title: SafeString  # the title, escaped, hits in <mark>
    snippet: SafeString  # ~80 characters around the first hit in the text, escaped, <mark>


@dataclass
class SearchPage:
    query: str
    total: int
    page: int
    per_page: int
    results: list[SearchResult] = field(default_factory=list)
    exact: bool = True  # False: `total` is an estimate (a long query on PostgreSQL)
    ignored: list[str] = field(default_factory=list)  # words beyond tokens.MAX_WORDS

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def search(query: str, agency: Agency | None = None, subject: int | None = None,
           form: int | None = None, year: int | None = None, validity: str | None = None,
           page: int = 1, per_page: int = 20, item: int | None = None) -> SearchPage:  # fmt: skip
    """Public entries matching the query: the entry whose 索引号 it is first, then on SQLite
    best first (名称, 文号, 关键词, 内容概述 weighed in that order) up to 1,000 hits and newest
    first beyond; on PostgreSQL newest first. Every filter applies to both."""
    page, per_page = max(1, page), min(max(1, per_page), MAX_PER_PAGE)
    words = query_words(query)
    if not words:
        return SearchPage(query, 0, page, per_page)
    filters = Filters(narrowing(agency), subject, form, item, year, validity)
    backend = backend_for(connection)
    total, exact = backend.count(words, filters)
    numbered = index_number_hit(query, filters)
    if numbered is None:
        ids = backend.ids(words, filters, per_page, (page - 1) * per_page, total) if total else []
    else:
        total, ids = with_numbered(numbered, words, filters, total, page, per_page)
    return SearchPage(query, total, page, per_page, results_for(ids, words), exact,
                      ignored_words(query))  # fmt: skip


def with_numbered(numbered: int, words: list[list[str]], filters: Filters, total: int,
                  page: int, per_page: int) -> tuple[int, list[int]]:  # fmt: skip
    """The total and the page's ids when the entry `numbered` (found by its 索引号) comes
    first, before the full-text hits (`total` of them), which it may be among: it is not
    listed twice. (If it is, a later page may then repeat one hit of the one before.)"""
    backend = backend_for(connection)
    entry = Entry.objects.select_related("agency").get(pk=numbered)
    texts = EntryAttachment.objects.filter(entry_id=numbered).values_list("text", flat=True)
    indexed = document(entry, texts)
    among = all(any(contains(tokens(indexed[name]), word) for name in INDEXED) for word in words)
    first = [numbered] if page == 1 else []
    wanted = per_page - len(first)
    offset = max(0, (page - 1) * per_page - 1)
    found = backend.ids(words, filters, wanted + 1, offset, total) if total else []
    return total + (0 if among else 1), first + [pk for pk in found if pk != numbered][:wanted]


def narrowing(agency: Agency | None) -> Agency | None:
    """The agency filter, or None when the agency's subtree is every agency there is: the
    filter would then match every entry and only cost time."""
    if agency is None or agency.parent_id is not None:
        return agency
    return agency if Agency.objects.filter(parent=None).exclude(pk=agency.pk).exists() else None


def results_for(ids: list[int], words: list[list[str]]) -> list[SearchResult]:
    entries = Entry.objects.select_related("agency").in_bulk(ids)
    patterns = snippets.word_patterns(words)
    # Attachments are read only for entries whose other readable text lacks a word.
    missing = [pk for pk in ids if readable_fields(entries[pk].disclosure_mode) is TEXT_FIELDS
               and not all(any(p.search(t) for t in texts(entries[pk])) for p in patterns)
               ]  # fmt: skip
    attachments: dict[int, list[str]] = {}
    for entry_id, text in EntryAttachment.objects.filter(entry_id__in=missing).values_list(
        "entry_id", "text"
    ):
        attachments.setdefault(entry_id, []).append(text)
    marked = snippets.highlight_pattern(words)
    results = []
    for pk in ids:
        entry = entries[pk]
        snippet = snippets.snippet([*texts(entry), *attachments.get(pk, [])], words)
        title = snippets.excerpt(entry.title, marked, whole=True) or escape(entry.title)
        results.append(SearchResult(entry, title, snippet or escape(lead(entry))))
    return results


def texts(entry: Entry) -> list[str]:
    """Where a snippet may come from, most telling first: what the public may read."""
    readable = readable_fields(entry.disclosure_mode)
    order = ("summary", "body", "doc_no", "keywords", "title")
    return [getattr(entry, name) for name in order if name in readable]


def lead(entry: Entry, length: int = snippets.SNIPPET_LENGTH) -> str:
    """The opening of what the public may read of the entry: its summary, else its text."""
    body = entry.body if "body" in readable_fields(entry.disclosure_mode) else ""
    text = " ".join((entry.summary or body).split())
    return text[:length] + ("…" if len(text) > length else "")
