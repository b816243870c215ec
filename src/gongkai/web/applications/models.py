import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.report.formats.common import APPLICANT_COLUMNS
from gongkai.statute.identity import SHAPES
from gongkai.statute.outcomes import GRANTED_KINDS, OUTCOMES
from gongkai.statute.receipt import RECEIPT_RULES, Channel
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import Role
from gongkai.web.applications.states import State

# The applicant columns of the annual report's section 三, in the same order, so that every
# application counts in exactly one column.
APPLICANT_TYPES = [(c.key, c.label) for c in APPLICANT_COLUMNS if c.key != "total"]
FORMS = [
    ("paper", "纸质"),
    ("email", "电子邮件"),
    ("disc", "光盘、U盘等电子数据"),
    ("inspection", "当场查阅、抄录"),
    ("other", "其他"),
]
DELIVERY = [
    ("post", "邮寄"),
    ("email", "电子邮件"),
    ("collect", "自行领取"),
    ("online", "网上获取"),
]
IDENTITY_TYPES = [(kind.value, shape.label) for kind, shape in SHAPES.items()]
CHANNELS = [(channel.value, RECEIPT_RULES[channel].label) for channel in Channel]
FEE_METHODS = [("per_item", "按件计收"), ("per_page", "按量计收")]
QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read over the phone
# Applications with a 信息处理费 notice or payment: the rows the fees index holds; a query
# that filters on it exactly can read its figures from that small index.
HAS_FEE = models.Q(fee_notice_on__isnull=False) | models.Q(fee_paid_on__isnull=False)


def new_query_code() -> str:
    characters = "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(12))
    return "-".join(characters[i : i + 4] for i in range(0, 12, 4))


class Application(models.Model):
    """A 政府信息公开申请 and where it stands. Every change goes through workflow.py, which
    records it in the append-only history."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="applications",
                               verbose_name=_("agency"))  # fmt: skip
    number = models.CharField(_("case number"), max_length=20)
    query_code = models.CharField(_("query code"), max_length=14, unique=True,
                                  default=new_query_code, editable=False)  # fmt: skip
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True,
                                        editable=False)  # fmt: skip

    applicant_type = models.CharField(_("applicant type"), max_length=12, choices=APPLICANT_TYPES)
    name = models.CharField(_("name of the applicant"), max_length=100)
    org_code = models.CharField(_("USCC of the organisation"), max_length=18, blank=True)
    representative = models.CharField(_("legal representative"), max_length=50, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=50, blank=True)
    identity_type = models.CharField(_("identity document"), max_length=24, blank=True,
                                     choices=IDENTITY_TYPES)  # fmt: skip
    identity_number = models.CharField(_("identity document number"), max_length=40, blank=True)
    phone = models.CharField(_("phone"), max_length=30)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("postal address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)

    channel = models.CharField(_("channel"), max_length=12,
                               choices=CHANNELS)  # fmt: skip
    received_on = models.DateField(_("receipt date"))
    first_received_on = models.DateField(_("first receipt date"))
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    description = models.TextField(_("information sought"))
    form_requested = models.CharField(_("form requested"), max_length=12, choices=FORMS)
    delivery = models.CharField(_("delivery"), max_length=12, choices=DELIVERY)

    # No index of its own: with one, SQLite (which has no statistics until ANALYZE runs)
    # sorts every closed case to show the newest 50; bench/bench_inbox.py.
    state = models.CharField(_("state"), max_length=24, choices=State.choices,
                             default=State.RECEIVED)  # fmt: skip
    extension_days = models.PositiveSmallIntegerField(_("extension (working days)"), default=0)
    due_on = models.DateField(_("answer due"), null=True, db_index=True)
    due_provisional = models.BooleanField(_("due date provisional"), default=False)
    outcome = models.CharField(_("outcome"), max_length=32, blank=True,
                               choices=[(k, o.label) for k, o in OUTCOMES.items()])  # fmt: skip
    granted_kind = models.CharField(_("kind of disclosure"), max_length=20, blank=True,
                                    choices=list(GRANTED_KINDS.items()))  # fmt: skip
    decision_reason = models.TextField(_("reasons given"), blank=True)
    decided_on = models.DateField(_("answered on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    on_the_spot = models.BooleanField(_("answered on the spot"), default=False)
    # What the case waits for has a time of its own (waiting.py): since when, and until when
    # (the 补正期限 the notice gave, the consulted party's 15 working days, the payment period).
    waiting_since = models.DateField(_("waiting since"), null=True, blank=True)
    waiting_until = models.DateField(_("waiting until"), null=True, blank=True)
    # The step of the sign-off chain the draft answer waits for (signoff.py), and the role that
    # takes it: what the inbox and the workbench show, and whom they show it to.
    sign_off_step = models.CharField(_("sign-off step"), max_length=40, blank=True)
    sign_off_role = models.CharField(_("sign-off role"), max_length=20, blank=True)

    fee_method = models.CharField(_("fee method"), max_length=10, blank=True,
                                  choices=FEE_METHODS)  # fmt: skip
    fee_quantity = models.PositiveIntegerField(_("fee quantity"), null=True, blank=True)
    fee_amount = models.PositiveIntegerField(_("fee (yuan)"), null=True, blank=True)
    fee_notice_on = models.DateField(_("fee notice sent on"), null=True, blank=True)
    fee_paid_on = models.DateField(_("fee paid on"), null=True, blank=True)

    class Meta:
        verbose_name = _("disclosure application")
        verbose_name_plural = _("disclosure applications")
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="one_number_per_agency")
        ]
        # One agency's inbox, and a whole subtree's (which filters agencies by a join): both
        # count and page through state and due date from the index alone. The annual report
        # counts an agency's year from the next two alone (bench/bench_annual.py): section 三's
        # windows and the answers' timeliness from every column they read, in order of first
        # receipt; the fees from the few rows that have one. `id` is what they count: PostgreSQL
        # needs it in the index to leave the table unread (a key column: SQLite has no INCLUDE,
        # and its indexes hold the rowid anyway).
        indexes = [
            models.Index(fields=["agency", "state", "due_on"]),
            models.Index(fields=["state", "due_on", "agency"]),
            models.Index(fields=["agency", "first_received_on", "decided_on", "closed_on",
                                 "applicant_type", "outcome", "due_on", "id"],
                         name="application_report_windows"),
            models.Index(fields=["agency", "fee_notice_on", "fee_paid_on", "fee_amount", "id"],
                         condition=HAS_FEE, name="application_fees"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.number} {self.name}"

    @property
    def is_organisation(self) -> bool:
        return self.applicant_type != "natural"

    @property
    def waiting_clock(self):
        """What the case waits for, since and until when (waiting.py); None if it does not."""
        from gongkai.web.applications.waiting import clock_of

        return clock_of(self)


class NumberCounter(models.Model):
    """The last case number given per agency and year; locked while a number is taken."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="one_counter")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}: {self.last}"


class ClockPause(models.Model):
    """Days that do not count towards the deadline (第三十三条第三款; the fee window)."""

    KINDS = [
        ("third_party", "征求第三方意见"),
        ("agency", "征求其他机关意见"),
        ("fee", "等待缴纳信息处理费"),
    ]
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="pauses")
    kind = models.CharField(max_length=12, choices=KINDS)
    first_day = models.DateField()
    last_day = models.DateField(null=True, blank=True)  # None: still running
    party = models.CharField(max_length=100, blank=True)  # who was consulted

    class Meta:
        ordering = ["first_day", "id"]

    def __str__(self) -> str:
        return f"{self.label} {self.first_day}—{self.last_day or ''}"

    @property
    def label(self) -> str:
        who = f"（{self.party}）" if self.party else ""
        return f"{self.get_kind_display()}{who}"


class Event(models.Model):
    """The append-only history of a case: who did what, when, and what changed."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT)  # fmt: skip
    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=24, blank=True)
    to_state = models.CharField(max_length=24, blank=True)
    changes = models.JSONField(default=dict)  # field -> [before, after]
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("history events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("history events cannot be deleted")

    @property
    def action_label(self) -> str:
        from gongkai.web.applications.states import EVENT_LABELS, TRANSITIONS

        transition = TRANSITIONS.get(self.action)
        return str(transition.label if transition else EVENT_LABELS.get(self.action, self.action))

    @property
    def state_change(self) -> str:
        if not self.from_state or self.from_state == self.to_state:
            return ""
        return f"{State(self.from_state).label} → {State(self.to_state).label}"


class Letter(models.Model):
    """A letter issued in a case (受理回执 … 答复书): what it says is fixed when it is issued
    (`snapshot`); the DOCX and PDF are rendered from that on first download and kept."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(max_length=32)
    title = models.CharField(max_length=60)
    number = models.CharField(_("letter number"), max_length=60)
    issued_on = models.DateField()
    snapshot = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT)  # fmt: skip
    # 签发人: who signed the answer (the last step of the agency's sign-off chain, or who
    # decided in one step). Other letters are not signed off.
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("signed by"))  # fmt: skip
    pdf = models.BinaryField(null=True, editable=False)
    docx = models.BinaryField(null=True, editable=False)

    class Meta:
        ordering = ["issued_on", "id"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class Attachment(models.Model):
    """A file the applicant or staff added to the application (identity proof, a letter)."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT,
                                    related_name="attachments")  # fmt: skip
    file = models.FileField(upload_to="applications/%Y/%m/")
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class DecisionStep(models.Model):
    """One step of an agency's sign-off chain for answers (审核 → 签发), like the catalogue's
    ApprovalStep. An agency without steps issues its answers in one step."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="decision_steps")
    position = models.PositiveSmallIntegerField()
    label = models.CharField(_("step"), max_length=40)
    role = models.CharField(_("role that takes it"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("sign-off step")
        verbose_name_plural = _("sign-off steps")
        ordering = ["agency", "position"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "position"], name="one_decision_step")
        ]

    def __str__(self) -> str:
        return f"{self.position + 1}. {self.label}"


class DecisionDraft(models.Model):
    """A drafted answer on its way through the sign-off chain: the decision and the texts of
    its letter as drafted (`params`, what the decision form took), the chain it follows (copied
    when drafted, so that changing the chain does not move a draft under way) and who signed
    each step. The letter is issued from it, numbered and dated on the day of issue."""

    class Status(models.TextChoices):
        IN_SIGN_OFF = "in_sign_off", _("In sign-off")
        SIGNED = "signed", _("Signed")
        RETURNED = "returned", _("Returned for revision")
        ISSUED = "issued", _("Issued")
        VOID = "void", _("Void: the case closed without it")

    application = models.ForeignKey(Application, on_delete=models.PROTECT,
                                    related_name="decision_drafts")  # fmt: skip
    outcome = models.CharField(_("decision"), max_length=32,
                               choices=[(k, o.label) for k, o in OUTCOMES.items()])  # fmt: skip
    params = models.JSONField(default=dict)
    steps = models.JSONField(default=list)  # [[label, role], ...]
    position = models.PositiveSmallIntegerField(default=0)  # the next step to take
    signatures = models.JSONField(default=list)  # [{"step", "user", "name", "on"}, ...]
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_SIGN_OFF)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")  # fmt: skip
    drafted_on = models.DateField()
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.application} {self.get_outcome_display()}"
