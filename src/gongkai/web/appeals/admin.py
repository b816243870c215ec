from django.contrib import admin

from gongkai.web.agencies.admin import ReadOnlyInline, ReadOnlyScopedAdmin
from gongkai.web.appeals.models import Appeal, AppealDocument, AppealEvent


class AppealEventInline(ReadOnlyInline):
    model = AppealEvent
    fields = ["at", "actor", "action", "changes", "note"]
    readonly_fields = fields


class AppealDocumentInline(ReadOnlyInline):
    model = AppealDocument
    fields = ["kind", "name", "size", "uploaded_at", "uploaded_by"]
    readonly_fields = fields


@admin.register(Appeal)
class AppealAdmin(ReadOnlyScopedAdmin):
    """Read-only: cases change only through the workflow, so that every change is recorded."""

    list_display = ["number", "agency", "kind", "appellant", "filed_on", "decided_on", "outcome"]
    list_filter = ["kind", "outcome"]
    search_fields = ["number", "appellant", "body", "body_case_no", "matter"]
    date_hierarchy = "filed_on"
    inlines = [AppealDocumentInline, AppealEventInline]
