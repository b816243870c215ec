"""政策解读 and 回应关切: interpretations of published policy documents, and responses to
public concerns that no document prompted.

One model serves both: an interpretation names the catalogue entry it explains; a response
(回应关切) names the concern instead. They share their kinds (a 新闻发布会 may do either),
their review, their history and the yearly counts of the old 统计表's 回应解读 block, which
counts both — so two models would only duplicate every field and query.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.models import Agency


class Kind(models.TextChoices):
    TEXT = "text", _("Written interpretation")
    GRAPHIC = "graphic", _("Illustrated interpretation")
    VIDEO = "video", _("Video")
    PRESS_CONFERENCE = "press_conference", _("Press conference")
    ONLINE_INTERVIEW = "online_interview", _("Online interview")


# Events are counted on the day they were held; pieces (稿件) on the day they were published.
EVENTS = frozenset({Kind.PRESS_CONFERENCE, Kind.ONLINE_INTERVIEW})
PIECES = frozenset({Kind.TEXT, Kind.GRAPHIC, Kind.VIDEO})


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    READY = "ready", _("Goes out with its document")  # reviewed; the document is not public yet
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Published in the year, withdrawn since or not: both were public, and both count.
COUNTED_STATES = (State.PUBLISHED, State.WITHDRAWN)


class Interpretation(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="interpretations",
                               verbose_name=_("agency"))  # fmt: skip
    entry = models.ForeignKey("catalog.Entry", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="interpretations",
                              verbose_name=_("policy document"))  # fmt: skip
    concern = models.CharField(_("public concern responded to"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    image = models.FileField(_("image"), upload_to="interpretations/%Y/%m/", blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    video_file = models.FileField(_("video file"), upload_to="interpretations/%Y/%m/",
                                  blank=True)  # fmt: skip
    held_on = models.DateField(_("held on"), null=True, blank=True)
    speakers = models.CharField(_("speakers"), max_length=200, blank=True)
    head_took_part = models.BooleanField(_("the agency's principal leader took part"),
                                         default=False)  # fmt: skip
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.DRAFT)  # fmt: skip
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    # Working days past the agency's promised time, fixed at publication (≤ 0: in time).
    late_working_days = models.IntegerField(_("working days later than promised"), null=True,
                                            blank=True)  # fmt: skip
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("drafted by"))  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("interpretation or response")
        verbose_name_plural = _("interpretations and responses")
        ordering = ["-published_on", "-id"]
        # The yearly counts read one agency's public records of a year (counting.py).
        indexes = [models.Index(fields=["agency", "state", "published_on"],
                                name="interpretation_agency_year")]  # fmt: skip

    def __str__(self) -> str:
        return self.title

    @property
    def is_response(self) -> bool:
        """回应关切: a response to a public concern, not the interpretation of a document."""
        return self.entry_id is None

    @property
    def is_event(self) -> bool:
        return self.kind in EVENTS

    def clean(self) -> None:
        errors = {}
        if self.entry_id is None and not self.concern.strip():
            errors["concern"] = _("Name the policy document or the public concern.")
        if self.entry_id and self.agency_id and not may_interpret(self.agency, self.entry):
            errors["entry"] = _("The document is of an agency that is not this one or above it.")
        errors |= self.media_errors()
        if errors:
            raise ValidationError(errors)

    def media_errors(self) -> dict:
        if self.kind == Kind.GRAPHIC and not self.image:
            return {"image": _("An illustrated interpretation needs its image.")}
        if self.kind == Kind.VIDEO and not (self.video_url or self.video_file):
            return {"video_url": _("Give the video's link or upload the file.")}
        if self.kind in EVENTS and not self.held_on:
            return {"held_on": _("Give the day it was held.")}
        if self.head_took_part and self.kind not in EVENTS:
            return {"head_took_part": _("Only a press conference or an interview has speakers.")}
        return {}


def may_interpret(agency: Agency, entry) -> bool:
    """谁起草谁解读: an agency explains its own documents, and those of the governments above
    it that it drafted (a 县政府 document drafted by its 财政局)."""
    return f"/{entry.agency_id}/" in agency.path


class InterpretationEvent(models.Model):
    """The history of an interpretation: who did what, when — append-only."""

    interpretation = models.ForeignKey(Interpretation, on_delete=models.PROTECT,
                                       related_name="events")  # fmt: skip
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    action = models.CharField(max_length=20)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


DEFAULT_WORKING_DAYS = 3


class InterpretationSetting(models.Model):
    """How many working days after a policy document an agency promises its interpretation
    (0: the same day, 同步发布). Without a setting, DEFAULT_WORKING_DAYS."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE,
                                  related_name="interpretation_setting",
                                  verbose_name=_("agency"))  # fmt: skip
    working_days = models.PositiveSmallIntegerField(
        _("promised time in working days"), default=DEFAULT_WORKING_DAYS,
        validators=[MaxValueValidator(60)],
        help_text=_("Working days after the document is published; 0: published with it."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("interpretation time limit")
        verbose_name_plural = _("interpretation time limits")

    def __str__(self) -> str:
        return f"{self.agency}: {self.working_days}"


def promised_working_days(agency: Agency) -> int:
    setting = InterpretationSetting.objects.filter(agency=agency).first()
    return setting.working_days if setting else DEFAULT_WORKING_DAYS
