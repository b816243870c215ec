"""The staff page that exports one applicant's data, as JSON or as a printable page."""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from gongkai.web.agencies import permissions
from gongkai.web.agencies.roles import Action
from gongkai.web.privacy.export import cases_of, export


@login_required
def applicant_data(request):
    if not permissions.agencies_for(request.user, Action.HANDLE).exists():
        raise PermissionDenied
    key = request.GET.get("key", "").strip()
    fmt = request.GET.get("format", "")
    if key and fmt == "json":
        data = export(request.user, key, "导出（JSON）")
        response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                                content_type="application/json; charset=utf-8")  # fmt: skip
        response["Content-Disposition"] = content_disposition_header(True, "申请人个人信息.json")
        return response
    if key and fmt == "html":
        data = export(request.user, key, "导出（网页）")
        return render(request, "privacy/applicant_data.html", {"data": data})
    cases = list(cases_of(request.user, key)) if key else []
    return render(request, "privacy/find_applicant.html", {"key": key, "cases": cases})
