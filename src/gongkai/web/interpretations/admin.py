from django.contrib import admin
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


@admin.register(InterpretationSetting)
class InterpretationSettingAdmin(AgencyScopedAdmin):
    """Each agency's promised time, set by its administrator."""

    list_display = ["agency", "working_days"]
