from pathlib import PurePath

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.admin import AgencyScopedAdmin, ReadOnlyInline, ReadOnlyScopedAdmin
from gongkai.web.interpretations.models import (
    Interpretation,
    InterpretationEvent,
    InterpretationSetting,
)
from gongkai.web.interpretations.workflow import EVENT_LABELS


class InterpretationEventInline(ReadOnlyInline):
    model = InterpretationEvent
    fields = ["at", "actor", "step", "note"]
    readonly_fields = fields

    @admin.display(description=_("Step taken"))
    def step(self, event: InterpretationEvent) -> str:
        return str(EVENT_LABELS.get(event.action, event.action))


@admin.register(Interpretation)
class InterpretationAdmin(ReadOnlyScopedAdmin):
    """Read-only: interpretations change through their workflow, which keeps the history."""

    list_display = ["title", "agency", "kind", "entry", "state", "published_on", "held_on"]
    list_filter = ["kind", "state", "head_took_part"]
    search_fields = ["title", "concern", "entry__title"]
    date_hierarchy = "published_on"
    raw_id_fields = ["entry"]
    inlines = [InterpretationEventInline]
    # The uploads are private files: a plain file field would link to MEDIA_URL, which is
    # served by nothing (a dead link); these link to the staff view that serves them.
    exclude = ["image", "video_file"]
    readonly_fields = ["image_link", "video_link"]

    @admin.display(description=_("image"))
    def image_link(self, interpretation: Interpretation) -> str:
        return file_link(interpretation, "image", interpretation.image)

    @admin.display(description=_("video file"))
    def video_link(self, interpretation: Interpretation) -> str:
        return file_link(interpretation, "video", interpretation.video_file)


def file_link(interpretation: Interpretation, which: str, stored) -> str:
    if not stored:
        return "-"
    url = reverse("interpretation-staff-file", args=[interpretation.pk, which])
    return format_html('<a href="{}">{}</a>', url, PurePath(stored.name).name)


@admin.register(InterpretationSetting)
class InterpretationSettingAdmin(AgencyScopedAdmin):
    """Each agency's promised time, set by its administrator."""

    list_display = ["agency", "working_days"]
