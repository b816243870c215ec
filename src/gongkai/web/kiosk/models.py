"""查阅点 (条例第二十五条): the places where the public reads government information, each with a
touch-screen kiosk at its own address, and the kiosk's visits and searches counted by day."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.models import Agency

DEFAULT_IDLE_SECONDS = 120


class ReadingPoint(models.Model):
    """A 查阅点 of an agency: where it is, when it is open, and its kiosk's settings."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="reading_points",
                               verbose_name=_("agency"))  # fmt: skip
    code = models.CharField(
        _("kiosk code"), max_length=40, unique=True,
        validators=[RegexValidator(r"^[a-z0-9-]+$", _("Lower-case letters, digits and hyphens."))],
        help_text=_("Part of the kiosk's web address."),
    )  # fmt: skip
    name = models.CharField(_("name"), max_length=100)
    address = models.CharField(_("address"), max_length=200)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    idle_seconds = models.PositiveIntegerField(
        _("seconds of inactivity before the kiosk returns to its start"),
        default=DEFAULT_IDLE_SECONDS,
        validators=[MinValueValidator(30), MaxValueValidator(3600)],
    )
    active = models.BooleanField(_("kiosk in service"), default=True)

    class Meta:
        verbose_name = _("reading point (查阅点)")
        verbose_name_plural = _("reading points (查阅点)")
        ordering = ["agency__path", "name"]

    def __str__(self) -> str:
        return self.name


class ReadingPointDay(models.Model):
    """One day of a kiosk's use: sessions begun and searches made. Nothing about who."""

    point = models.ForeignKey(ReadingPoint, on_delete=models.CASCADE, related_name="days",
                              verbose_name=_("reading point"))  # fmt: skip
    day = models.DateField(_("day"))
    visits = models.PositiveIntegerField(_("visits"), default=0)
    searches = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("day at a reading point")
        verbose_name_plural = _("days at reading points")
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["point", "day"], name="one_row_per_day")]

    def __str__(self) -> str:
        return f"{self.point} {self.day}"
