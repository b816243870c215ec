from django.contrib import admin

from gongkai.web.agencies.admin import ReadOnlyInline, ReadOnlyScopedAdmin
from gongkai.web.annualreports.models import AnnualReport, ReportEvent, ReportVersion


class ReportVersionInline(ReadOnlyInline):
    model = ReportVersion
    fields = ["number", "published_on", "published_by", "reason", "entry", "source_name"]
    readonly_fields = fields


class ReportEventInline(ReadOnlyInline):
    model = ReportEvent
    fields = ["at", "actor", "action", "from_state", "to_state", "note"]
    readonly_fields = fields


@admin.register(AnnualReport)
class AnnualReportAdmin(ReadOnlyScopedAdmin):
    """Read-only: reports change only through their workflow (the report pages)."""

    list_display = ["agency", "year", "generation", "origin", "state", "compiled_at"]
    list_filter = ["year", "state", "origin"]
    search_fields = ["agency__name"]
    fields = ["agency", "year", "generation", "origin", "state", "compiled_at", "correction_reason"]
    inlines = [ReportVersionInline, ReportEventInline]
