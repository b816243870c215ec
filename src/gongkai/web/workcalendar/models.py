from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.statute.calendar import YearSchedule


class OfficialSchedule(models.Model):
    """A year's 部分节假日安排 entered after the seeded data ends (or correcting it)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    holidays = models.JSONField(_("holidays"), default=dict, help_text=_("date → holiday name"))
    makeup_workdays = models.JSONField(
        _("make-up workdays"), default=dict, help_text=_("date → what it makes up for")
    )
    source = models.CharField(_("source document"), max_length=200)
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("official holiday schedule")
        verbose_name_plural = _("official holiday schedules")
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.year}（{self.source}）"

    def as_schedule(self) -> YearSchedule:
        def dates(mapping: dict) -> dict[date, str]:
            return {date.fromisoformat(day): name for day, name in mapping.items()}

        return YearSchedule(
            self.year, dates(self.holidays), dates(self.makeup_workdays), self.source
        )

    def clean(self) -> None:
        try:
            self.as_schedule()
        except (ValueError, TypeError, AttributeError) as error:
            raise ValidationError(str(error)) from None
