"""督办: a supervising office's reminder to an agency of its subtree, kept as sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.models import Agency


class Reminder(models.Model):
    """One 督办 sent: to which agency, by whom, when, what it said, and the figures the
    supervisor saw when sending it (so that a later reader sees what prompted it)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="reminders",
                               verbose_name=_("agency"))  # fmt: skip
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="+", verbose_name=_("sent by"))  # fmt: skip
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)
    figures = models.JSONField(_("figures"), default=dict)

    class Meta:
        verbose_name = _("reminder (督办)")
        verbose_name_plural = _("reminders (督办)")
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["agency", "-sent_at"])]

    def __str__(self) -> str:
        return f"{self.agency} {self.sent_at:%Y-%m-%d}"
