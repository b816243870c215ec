"""The catalogue's background work: counting the common words ahead, nightly; and the bulk
jobs that may be queued rather than run in a request or a terminal — rebuilding the search
index, importing an agency's old 目录."""

import uuid
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.tasks import task

from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.legacy_import import Defaults, LegacyImport, import_legacy_catalog
from gongkai.web.catalog.models.entries import Entry, FormCategory, SubjectCategory
from gongkai.web.catalog.search import rebuild_index, warm_counts
from gongkai.web.jobs.schedule import register

QUEUED_IMPORTS = "catalog/queued-imports"  # the files of queued imports, kept as their source


@task
def warm_search() -> int:
    """What `gongkai catalog warm-search` does: count the most common words ahead of their
    first search and keep the counts; returns how many. Idempotent: a second run counts
    the same words again and keeps the same counts."""
    return warm_counts()


@task
def reindex_catalogue() -> int:
    """What `gongkai catalog reindex` does; returns how many entries were indexed.
    Idempotent: the index is rebuilt in one transaction, so an interrupted run leaves the
    old index whole and the next run starts afresh."""
    with transaction.atomic():
        indexed = rebuild_index()
    warm_counts()
    return indexed


def queue_legacy_import(data: bytes, file_name: str, agency: Agency, defaults: Defaults) -> str:
    """Keep the file and queue its import; returns the task's id."""
    suffix = PurePath(file_name).suffix.lower()[:8]
    held = default_storage.save(f"{QUEUED_IMPORTS}/{uuid.uuid4().hex}{suffix}", ContentFile(data))
    subject, form = (getattr(term, "pk", None) for term in (defaults.subject, defaults.form))
    return str(import_legacy_catalogue.enqueue(held, file_name, agency.pk, subject, form).id)


@task
def import_legacy_catalogue(
    held: str, file_name: str, agency_id: int, subject_id: int | None, form_id: int | None
) -> dict:
    """Import a queued file of an agency's old 目录 (legacy_import.py): every row or none.

    Idempotent: the rows are saved in one transaction, so a run interrupted before the
    commit left nothing and the next one imports them all; a run that finds every row
    already imported (its worker died after the commit, before the task was marked done)
    imports nothing again and says so."""
    with default_storage.open(held) as source:
        data = source.read()
    defaults = Defaults(SubjectCategory.objects.filter(pk=subject_id).first(),
                        FormCategory.objects.filter(pk=form_id).first())  # fmt: skip
    agency = Agency.objects.get(pk=agency_id)
    result = import_legacy_catalog(data, file_name, agency, None, defaults)
    if not result.ok and already_imported(result):
        return {"file": file_name, "created": 0, "already_imported": len(result.entries)}
    return {"file": file_name, "created": result.created,
            "errors": [str(error) for error in result.errors]}  # fmt: skip


def already_imported(result: LegacyImport) -> bool:
    """Every checked row's 索引号 is held by an imported entry: this file went in before."""
    numbers = [row.entry.index_no for row in result.entries]
    if not numbers or len(numbers) != result.rows:
        return False
    held = set()
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        held |= set(Entry.objects.filter(index_no__in=chunk, index_imported=True)
                    .values_list("index_no", flat=True))  # fmt: skip
    return held == set(numbers)


register("catalog.warm-search", warm_search, daily_at="02:30")
