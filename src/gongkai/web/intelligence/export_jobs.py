"""Large open-data files written on the task runner, as a bulk import is: the web export of
more than `DIRECT_ROWS` figures is not written while the browser waits, but queued; its page
shows how far the writing is and offers the file when it is written.

The same file is not written twice at the same time, nor again within the hour while no
report was imported, matched or corrected since (`stamp`): a second request for it is sent to
the page of the first. A worker stopped half way writes the file again when the task runs
again (the task runner's recovery queues it).
"""

import secrets
import tempfile
from collections.abc import Iterator
from dataclasses import asdict
from datetime import timedelta

from django.core.files import File
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from gongkai.web.intelligence.export import WRITERS, rows
from gongkai.web.intelligence.models import (
    Correction,
    Match,
    OpenDataExport,
    PublishedReport,
    RunState,
)
from gongkai.web.intelligence.selection import Selection

DIRECT_ROWS = 200_000  # figures written while the browser waits; more go to the task runner
PROGRESS_EVERY = 5000  # rows between two updates of the page's progress bar
REUSE_FOR = timedelta(hours=1)


def is_large(selection: Selection) -> bool:
    """More figures than the web writes at once (counted no further than that)."""
    return selection.figures()[: DIRECT_ROWS + 1].count() > DIRECT_ROWS


def stamp() -> str:
    """What the open data is made of now: the reports, the matches waiting, the corrections."""
    reports = PublishedReport.objects.aggregate(
        count=Count("pk"), last=Max("pk"), pending=Count("pk", filter=Q(match=Match.PENDING))
    )
    corrected = Correction.objects.aggregate(last=Max("pk"))["last"]
    return f"{reports['count']}.{reports['last']}.{reports['pending']}.{corrected}"


def requested(selection: Selection, fmt: str) -> OpenDataExport:
    """The file of these figures: one written or being written from the same data within
    the hour, or a new one queued on the task runner."""
    from gongkai.web.intelligence.tasks import write_export

    now, fields = stamp(), asdict(selection)
    recent = OpenDataExport.objects.filter(
        fmt=fmt, stamp=now, created_at__gte=timezone.now() - REUSE_FOR
    ).order_by("-created_at")
    for export in recent:
        if export.selection == fields:
            return export
    export = OpenDataExport.objects.create(
        token=secrets.token_urlsafe(32), fmt=fmt, selection=fields, stamp=now
    )
    transaction.on_commit(lambda: write_export.enqueue(export.pk))
    return export


def write_file(export_pk: int) -> int:
    """Write the export's file (again, if a worker stopped half way); returns its rows."""
    export = OpenDataExport.objects.get(pk=export_pk)
    if export.state == RunState.DONE:
        return export.rows_done
    selection = Selection(**export.selection)
    total = selection.figures().count()
    OpenDataExport.objects.filter(pk=export_pk).update(
        state=RunState.RUNNING, rows_total=total, rows_done=0
    )
    with tempfile.TemporaryFile() as output:
        count = WRITERS[export.fmt](counted(rows(selection), export_pk), output)
        output.seek(0)
        export.file.save(f"{export.token}.{export.fmt}", File(output), save=False)
    OpenDataExport.objects.filter(pk=export_pk).update(
        file=export.file.name, state=RunState.DONE, rows_done=count, finished_at=timezone.now()
    )
    return count


def counted(data: Iterator[tuple], export_pk: int) -> Iterator[tuple]:
    """The rows, the export's progress updated every PROGRESS_EVERY of them."""
    for done, row in enumerate(data, start=1):
        yield row
        if done % PROGRESS_EVERY == 0:
            OpenDataExport.objects.filter(pk=export_pk).update(rows_done=done)
