from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.statute.vocabularies import CHANNELS, article_20_items
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import Role


class SubjectCategory(models.Model):
    """主题分类: the national list is seeded; an agency may add its own terms."""

    name = models.CharField(_("name"), max_length=60)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("subject category")
        verbose_name_plural = _("subject categories")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class FormCategory(models.Model):
    """体裁分类: the kind of document (通知, 意见, 规章 …)."""

    name = models.CharField(_("name"), max_length=40)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("form category")
        verbose_name_plural = _("form categories")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class EntryState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Confidentiality review")
    IN_APPROVAL = "in_approval", _("Awaiting approval")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SUPERSEDED = "superseded", _("Superseded")


class Validity(models.TextChoices):
    VALID = "valid", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


# The interface's words for each validity (the labels above are the statutory terms, kept as
# data): the 目录's badges and filter read in the reader's language.
VALIDITY_WORDS = {
    Validity.VALID: pgettext_lazy("validity", "in force"),
    Validity.EXPIRED: pgettext_lazy("validity", "expired"),
    Validity.REPEALED: pgettext_lazy("validity", "repealed"),
}


class DisclosureMode(models.TextChoices):
    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    WITHHELD = "withheld", "不予公开"


ARTICLE_20_CHOICES = [(0, "—"), *article_20_items()]


class Entry(models.Model):
    """A catalogue entry (目录条目) with the metadata of the national scheme (spec §6)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="entries",
                               verbose_name=_("publishing agency"))  # fmt: skip
    index_no = models.CharField(_("index number"), max_length=60, unique=True, null=True,
                                blank=True)  # fmt: skip
    index_imported = models.BooleanField(default=False)  # kept as the old system wrote it
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    generated_on = models.DateField(_("date formed or changed"))
    published_on = models.DateField(_("publication date"), null=True, blank=True, db_index=True)
    doc_no = models.CharField(_("document number"), max_length=100, blank=True)
    subject = models.ForeignKey(SubjectCategory, null=True, blank=True, on_delete=models.SET_NULL,
                                verbose_name=_("subject category"))  # fmt: skip
    form = models.ForeignKey(FormCategory, null=True, blank=True, on_delete=models.SET_NULL,
                             verbose_name=_("form category"))  # fmt: skip
    article20_item = models.PositiveSmallIntegerField(_("Article 20 item"), default=0,
                                                      choices=ARTICLE_20_CHOICES)  # fmt: skip
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    validity = models.CharField(_("validity"), max_length=10, choices=Validity.choices,
                                default=Validity.VALID)  # fmt: skip
    effective_on = models.DateField(_("effective from"), null=True, blank=True)
    validity_changed_on = models.DateField(_("validity changed on"), null=True, blank=True)
    disclosure_mode = models.CharField(_("disclosure"), max_length=12,
                                       choices=DisclosureMode.choices,
                                       default=DisclosureMode.PROACTIVE)  # fmt: skip
    withheld_reason = models.CharField(_("reason not disclosed"), max_length=200, blank=True)
    body = models.TextField(_("text"), blank=True)

    state = models.CharField(_("state"), max_length=12, choices=EntryState.choices,
                             default=EntryState.DRAFT)  # fmt: skip
    approval_position = models.PositiveSmallIntegerField(default=0)  # next step of the chain
    late_working_days = models.IntegerField(null=True, blank=True)  # 第二十六条, at publication
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="supersedes")  # fmt: skip
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("catalogue entry")
        verbose_name_plural = _("catalogue entries")
        ordering = ["-published_on", "-id"]
        # The 目录's order (newest first, ties by id) read straight off an index: for all
        # entries, and for one agency, subject, 第二十条 item or validity (listing.NewestFirst).
        # disclosure_mode, last, lets the database skip the rows before a later page without
        # reading them (migration 0007).
        indexes = [
            models.Index(fields=[*prefix, "state", "published_on", "id", "disclosure_mode"],
                         name=f"catalog_entry_{name}")
            for prefix, name in [((), "by_date"), (("agency",), "agency"),
                                 (("subject",), "subject"), (("article20_item",), "item"),
                                 (("validity",), "validity")]
        ]  # fmt: skip

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.disclosure_mode == DisclosureMode.WITHHELD and not self.withheld_reason:
            raise ValidationError({"withheld_reason": _("Say why it is not disclosed.")})


class IndexCounter(models.Model):
    """The last 索引号 serial given per agency and year, locked while one is taken."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="one_index_counter")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}: {self.last}"


class ApprovalStep(models.Model):
    """One step of an agency's approval chain (科室负责人 → 分管领导 → 主要领导)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="approval_steps")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(_("step"), max_length=40)
    role = models.CharField(_("role that approves"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        ordering = ["agency", "position"]
        constraints = [models.UniqueConstraint(fields=["agency", "position"], name="one_step")]

    def __str__(self) -> str:
        return f"{self.position}. {self.label}"


class Review(models.Model):
    """保密审查 (第十七条): the reviewer's findings before anything is published."""

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    involves_secrets = models.BooleanField(_("involves state secrets"))
    involves_third_party = models.BooleanField(_("involves third-party rights"))
    disclosure_mode = models.CharField(_("disclosure"), max_length=12,
                                       choices=DisclosureMode.choices)  # fmt: skip
    passed = models.BooleanField()
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.entry} {'通过' if self.passed else '退回'}"


class ChannelPublication(models.Model):
    """Where else the information went out (公报, 微信, 微博 …): makes channel counts real."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="channels")
    channel = models.CharField(_("channel"), max_length=16, choices=CHANNELS)
    published_on = models.DateField(_("published on"))
    reference = models.CharField(_("issue, link or reference"), max_length=200, blank=True)

    class Meta:
        ordering = ["published_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.published_on}"


class EntryAttachment(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="catalog/%Y/%m/")
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)
    text = models.TextField(blank=True)  # extracted for full-text search

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class EntryEvent(models.Model):
    """The history of an entry: every step with who, when, before and after."""

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    action = models.CharField(max_length=30)
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12, blank=True)
    changes = models.JSONField(default=dict)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    @property
    def action_label(self) -> str:
        from gongkai.web.catalog.states import EVENT_LABELS, TRANSITIONS

        transition = TRANSITIONS.get(self.action)
        return str(transition.label if transition else EVENT_LABELS.get(self.action, self.action))
