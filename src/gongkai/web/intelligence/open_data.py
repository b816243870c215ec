"""The open data on the web: the figures of every imported report as a file (the same
writer as `gongkai reports export`), and the data dictionary. Public, like the reports.
A file of more than export_jobs.DIRECT_ROWS figures is written on the task runner: the
request is sent to a page that shows its progress and offers it when written."""

import tempfile

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.report.formats import GENERATIONS
from gongkai.web.core import params
from gongkai.web.intelligence import export_jobs
from gongkai.web.intelligence.dictionary import dictionary_csv
from gongkai.web.intelligence.export import FORMATS, MEDIA_TYPES, write
from gongkai.web.intelligence.models import OpenDataExport, RunState
from gongkai.web.intelligence.selection import Selection

SPOOL_BYTES = 16 * 1024 * 1024  # beyond this the file being written goes to disk


def export(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    query = request.GET
    selection = Selection(
        agency=query.get("agency", "")[:100] or None,
        region=query.get("region", "")[:60] or None,
        level=query.get("level", "")[:30] or None,
        year=params.year(query.get("year")),
        generation=query.get("generation") if query.get("generation") in GENERATIONS else None,
    )
    if export_jobs.is_large(selection):
        return redirect(
            "published-reports-export-job", token=export_jobs.requested(selection, fmt).token
        )
    output = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (the response closes it)
    write(selection, fmt, output)
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        filename=f"published-reports.{fmt}",
        content_type=MEDIA_TYPES[fmt],
    )


def dictionary(request):
    response = HttpResponse(
        dictionary_csv().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="published-reports-dictionary.csv"'
    return response


def export_job(request, token: str):
    """A large file's page: how far its writing is, and the file once written."""
    job = get_object_or_404(OpenDataExport, token=token)
    context = {"job": job, "done": job.state == RunState.DONE,
               "filename": f"published-reports.{job.fmt}"}  # fmt: skip
    return render(request, "intelligence/export_job.html", context)


def export_job_file(request, token: str):
    job = get_object_or_404(OpenDataExport, token=token, state=RunState.DONE)
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=f"published-reports.{job.fmt}",
        content_type=MEDIA_TYPES[job.fmt],
    )
