"""The 送达回证 of a letter sent to the applicant: the form that the person who serves it and
the applicant sign, the agency's proof of service. It is printed when the letter is served,
filled in by hand and filed with the case, so it is rendered from the letter's snapshot on
demand and not stored: it says what the letter says about who and where, and how the
applicant asked to receive it."""

from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from gongkai.letters import MEDIA_TYPES, SERVICE_PROOF, render_letter
from gongkai.web.applications.letters import APPLICANT_LETTERS, context_of
from gongkai.web.applications.models import Letter
from gongkai.web.applications.staff import case_for
from gongkai.web.privacy.access import record_view

FORMATS = ("pdf", "docx")
# How a letter reaches the applicant, from the way they asked to receive the information.
SERVICE_METHODS = {"post": "邮寄送达", "email": "电子邮件送达", "collect": "直接送达",
                   "online": "网上获取"}  # fmt: skip


def rendered_proof(letter: Letter, fmt: str) -> bytes:
    context = context_of(letter.snapshot, letter.kind)
    case = letter.application
    served = replace(context.case, served_title=letter.title, served_number=letter.number,
                     service_method=SERVICE_METHODS.get(case.delivery, case.delivery))  # fmt: skip
    return render_letter(SERVICE_PROOF.kind, replace(context, case=served), fmt)


@login_required
def service_proof(request, pk: int, letter_id: int, fmt: str):
    """The 送达回证 of one of the case's letters to the applicant (staff of the agency)."""
    case = case_for(request.user, pk)
    letter = get_object_or_404(case.letters, pk=letter_id, kind__in=APPLICANT_LETTERS)
    if fmt not in FORMATS:
        raise Http404
    record_view(case, request.user, f"送达回证 {letter.number}")
    response = HttpResponse(rendered_proof(letter, fmt), content_type=MEDIA_TYPES[fmt])
    filename = f"{letter.number}送达回证.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
