from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.admin import AgencyScopedAdmin
from gongkai.web.kiosk.models import ReadingPoint


@admin.register(ReadingPoint)
class ReadingPointAdmin(AgencyScopedAdmin):
    list_display = ["name", "agency", "kiosk_code", "address", "opening_hours", "idle_seconds",
                    "active"]  # fmt: skip
    list_filter = ["active"]
    search_fields = ["name", "address", "code"]

    @admin.display(description=_("kiosk code"), ordering="code")
    def kiosk_code(self, point: ReadingPoint) -> str:
        return format_html("<code>{}</code>", point.code)  # a code, not words to translate
