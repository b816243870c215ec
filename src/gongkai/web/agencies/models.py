from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from gongkai.statute.agency_codes import normalize_code
from gongkai.web.agencies.roles import AgencyLevel, Role
from gongkai.web.agencies.validators import validate_code


class User(AbstractUser):
    """A staff account. Members of the public never need one: applicants track their cases
    with a query code."""

    full_name = models.CharField(_("full name"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("staff account")
        verbose_name_plural = _("staff accounts")

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name() or self.username

    def get_short_name(self) -> str:
        return self.get_full_name()  # Chinese names are not split into first and last

    def __str__(self) -> str:
        return f"{self.full_name}（{self.username}）" if self.full_name else self.username


class Agency(models.Model):
    """A node of the agency tree: a government or department that does OGI work.

    `path` lists the primary keys from the root down ("/1/4/"), so a whole subtree is one
    indexed prefix query on either database; it is maintained by save().
    """

    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    code = models.CharField(
        _("USCC or organisation code"),
        max_length=18,
        unique=True,
        validators=[validate_code],
        help_text=_("18-character 统一社会信用代码, or a legacy 9-character 组织机构代码."),
    )
    level = models.CharField(_("level"), max_length=30, choices=AgencyLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    # 机关代字: the abbreviation that opens the agency's letter numbers (青财依申复〔2026〕12号).
    letter_code = models.CharField(
        _("letter code"),
        max_length=20,
        blank=True,
        help_text=_(
            "The abbreviation that begins the agency's letter numbers, e.g. 青财 in "
            "青财依申复〔2026〕12号. Empty: the short name is used."
        ),
    )

    office_address = models.CharField(_("office address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # 政府信息公开工作机构 (条例第四条): the unit that handles applications, named in letters.
    ogi_office = models.CharField(
        _("OGI office"),
        max_length=60,
        blank=True,
        help_text=_("The unit that does the OGI work, e.g. 办公室 or 政务公开科."),
    )
    ogi_office_phone = models.CharField(
        _("OGI office phone"),
        max_length=60,
        blank=True,
        help_text=_("Empty: the agency's phone is given."),
    )

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.code = normalize_code(self.code)
        with transaction.atomic():
            old_path = self.path
            super().save(*args, **kwargs)
            new_path = (self.parent.path if self.parent_id else "/") + f"{self.pk}/"
            if new_path != old_path:
                self._move_subtree(old_path, new_path)

    def clean(self) -> None:
        self.code = normalize_code(self.code)
        if self.parent_id and self.pk and f"/{self.pk}/" in self.parent.path:
            raise ValidationError(
                {"parent": _("An agency cannot be placed under itself or one of its own units.")}
            )

    def _move_subtree(self, old_path: str, new_path: str) -> None:
        Agency.objects.filter(pk=self.pk).update(path=new_path)
        self.path = new_path
        if not old_path:
            return
        for descendant in Agency.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
            descendant.path = new_path + descendant.path.removeprefix(old_path)
            Agency.objects.filter(pk=descendant.pk).update(path=descendant.path)

    def subtree(self) -> models.QuerySet["Agency"]:
        """This agency and every agency below it."""
        return Agency.objects.filter(path__startswith=self.path)

    def ancestors(self) -> models.QuerySet["Agency"]:
        ids = [int(part) for part in self.path.strip("/").split("/") if part]
        return Agency.objects.filter(pk__in=ids[:-1])

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2


class Membership(models.Model):
    """A staff member's role at one agency. A person may hold several roles and agencies."""

    user = models.ForeignKey(
        User, verbose_name=_("staff member"), on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="one_role_once")
        ]
        ordering = ["agency__path", "role"]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency} · {self.get_role_display()}"
