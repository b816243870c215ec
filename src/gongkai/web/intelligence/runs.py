"""Importing many published reports: from the command line (files, folders, zip archives,
read in `jobs` processes) or as a run on the task runner (files uploaded on the staff page).

A run's files are `ImportItem`s, each with its own state, kept in the file storage until the
run ends (a zip archive once, its report files as members); the task works through the items
still waiting, one transaction each, so a worker stopped half way — a restart, a crash — goes
on where it stopped when the task runs again, and a file stored twice is stored once.
"""

import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from hashlib import sha256
from itertools import batched
from pathlib import Path, PurePosixPath

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from gongkai.report.parse.limits import MAX_FILE_BYTES
from gongkai.web.intelligence.matching import AgencyIndex
from gongkai.web.intelligence.models import (
    ImportItem,
    ImportRun,
    ItemState,
    PublishedReport,
    RunState,
)
from gongkai.web.intelligence.reading import Read, read_file, read_files
from gongkai.web.intelligence.sources import (
    ARCHIVES,
    MAX_ARCHIVE_MEMBERS,
    Source,
    expand_paths,
    from_bytes,
    is_report_name,
)
from gongkai.web.intelligence.storing import store_read

QUEUED = "intelligence/queued"
ALREADY_IMPORTED = "already imported"
FILES_PER_TRANSACTION = 100  # a run cut off redoes at most this many files


@dataclass
class Tally:
    stored: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why)

    @property
    def total(self) -> int:
        return self.stored + self.unchanged + len(self.failed)


def import_paths(
    paths: Iterable[str],
    jobs: int = 1,
    actor=None,
    progress: Callable[[Read | Source], None] | None = None,
) -> Tally:
    """Import every report file of the paths (the command line)."""
    tally, index = Tally(), AgencyIndex()
    aside: list[Source] = []  # unreadable, or imported before: never parsed
    readable = new_files(expand_paths(paths), aside)
    for batch in batched(read_files(readable, jobs), FILES_PER_TRANSACTION):
        with transaction.atomic():  # a commit per file would cost more than its import
            for read in batch:
                count(tally, read, index, actor)
        for item in [*drain(aside), *batch]:
            set_aside(tally, item)
            progress and progress(item)
    for item in drain(aside):
        set_aside(tally, item)
        progress and progress(item)
    return tally


def new_files(sources: Iterable[Source], aside: list[Source]) -> Iterator[tuple]:
    """(name, bytes) of the files to parse; the others put aside: a file that cannot be
    read, or one the platform holds already (known by its hash, not parsed again)."""
    for source in sources:
        if source.data is None:
            aside.append(source)
        elif PublishedReport.objects.filter(sha256=sha256(source.data).hexdigest()).exists():
            aside.append(Source(source.name, None, ALREADY_IMPORTED))
        else:
            yield source.name, source.data


def set_aside(tally: Tally, item: Read | Source) -> None:
    if isinstance(item, Source) and item.error == ALREADY_IMPORTED:
        tally.unchanged += 1
    elif isinstance(item, Source):
        tally.failed.append((item.name, item.error))


def drain(items: list) -> list:
    taken = items[:]
    items.clear()
    return taken


def count(tally: Tally, read: Read, index: AgencyIndex, actor) -> None:
    if read.report is None:
        tally.failed.append((read.name, read.error))
    elif store_read(read, index, actor).created:
        tally.stored += 1
    else:
        tally.unchanged += 1


def count_files(paths: Iterable[str]) -> int:
    """How many files an import of the paths will look at (a progress bar's length)."""
    total = 0
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in ARCHIVES:
                total += len(archive_members(file))
            elif is_report_name(str(file)) or not path.is_dir():
                total += 1
    return total


def archive_members(file) -> list[str]:
    try:
        with zipfile.ZipFile(file) as archive:
            names = [m.filename for m in archive.infolist() if not m.is_dir()]
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return [""]  # one failure to report
    return sorted(name for name in names if is_report_name(name))[:MAX_ARCHIVE_MEMBERS] or [""]


# --- runs on the task runner ----------------------------------------------------------------


def start_run(uploads: Iterable, actor) -> ImportRun:
    """Keep the uploaded files and list their report files as the items of a new run; the
    caller queues `tasks.import_run` once this has committed."""
    with transaction.atomic():
        run = ImportRun.objects.create(started_by=actor)
        for upload in uploads:
            ImportItem.objects.bulk_create(items_of(run, upload), batch_size=500)
    return run


def items_of(run: ImportRun, upload) -> list[ImportItem]:
    suffix = PurePosixPath(upload.name).suffix.lower()[:8]
    held = default_storage.save(f"{QUEUED}/{run.pk}/file{suffix}", File(upload))
    if suffix not in ARCHIVES:
        return [ImportItem(run=run, name=upload.name[-255:], held=held)]
    with default_storage.open(held) as stored:
        members = archive_members(stored)
    if members == [""]:
        why = "压缩包已损坏或没有报告文件 / no report files in the archive"
        return [
            ImportItem(
                run=run, name=upload.name[-255:], held=held, state=ItemState.FAILED, error=why
            )
        ]
    return [
        ImportItem(run=run, name=f"{upload.name}/{member}"[-255:], held=held, member=member)
        for member in members
    ]


def process_run(run_id: int) -> dict:
    """Import the items of the run still waiting; safe to run again at any point."""
    run = ImportRun.objects.get(pk=run_id)
    ImportRun.objects.filter(pk=run_id).update(state=RunState.RUNNING)
    index = AgencyIndex()
    waiting = run.items.filter(state=ItemState.PENDING).order_by("id").iterator()
    for batch in batched(waiting, FILES_PER_TRANSACTION):
        with transaction.atomic():  # each item's state commits with its report
            for item in batch:
                process_item(item, index, run.started_by)
    finish(run)
    return progress_of(run)


def process_item(item: ImportItem, index: AgencyIndex, actor) -> None:
    try:
        data = held_bytes(item)
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as error:
        item.state, item.error = ItemState.FAILED, f"无法读取 / cannot be read: {error}"
        item.save(update_fields=["state", "error"])
        return
    if known := PublishedReport.objects.filter(sha256=sha256(data).hexdigest()).first():
        item.state, item.report = ItemState.UNCHANGED, known  # not parsed again
        item.save(update_fields=["state", "report"])
        return
    source = next(from_bytes(item.name, data), None) if not item.member else Source(item.name, data)
    read = read_file(source.name, source.data) if source and source.data is not None else None
    with transaction.atomic():
        if read is None or read.report is None:
            item.state = ItemState.FAILED
            item.error = (read.error if read else source.error if source else "")[:2000]
        else:
            imported = store_read(read, index, actor)
            item.state = ItemState.STORED if imported.created else ItemState.UNCHANGED
            item.report = imported.report
        item.save(update_fields=["state", "error", "report"])


def held_bytes(item: ImportItem) -> bytes:
    with default_storage.open(item.held) as held:
        if not item.member:
            return held.read()
        with zipfile.ZipFile(held) as archive:
            member = archive.getinfo(item.member)
            if member.file_size > MAX_FILE_BYTES:
                raise ValueError(f"超过 {MAX_FILE_BYTES // 2**20} MB / too large")
            return archive.read(member)


def finish(run: ImportRun) -> None:
    held = set(run.items.values_list("held", flat=True))
    ImportRun.objects.filter(pk=run.pk).update(state=RunState.DONE, finished_at=timezone.now())
    for path in filter(None, held):
        if default_storage.exists(path):
            default_storage.delete(path)


def progress_of(run: ImportRun) -> dict:
    counts = dict.fromkeys(ItemState.values, 0)
    for row in run.items.values("state").annotate(number=Count("id")).order_by():
        counts[row["state"]] = row["number"]
    return counts
