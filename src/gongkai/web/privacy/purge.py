"""The daily purge (个人信息保护法第十九条、第四十七条): what retention.py no longer allows to
keep is masked or deleted, and each case's history says what was done and by which rule.

Idempotent: a case already masked has its purge event and is not taken again; deleted
attachments are gone; a masked recipient is not masked again. Each case is done in its own
transaction, so an interrupted run leaves every case either done or untouched.
"""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from gongkai.web.appeals.models import Appeal, AppealEvent
from gongkai.web.applications.models import Application, Event, Letter
from gongkai.web.applications.states import State
from gongkai.web.jobs.models import Notification
from gongkai.web.privacy.masking import APPLICANT_FIELDS, LETTER_FIELDS, masked, person_name
from gongkai.web.privacy.retention import RULES, Rule, days_kept

MASKED_DETAILS = "purge_applicant_details"
DELETED_ATTACHMENTS = "purge_applicant_attachments"
MASKED_APPELLANT = "purge_appellant_name"


def purge(today: date | None = None) -> dict[str, int]:
    """Apply every rule; returns how many records each one changed."""
    today = today or timezone.localdate()
    return {rule.key: PURGES[rule.key](rule, today - timedelta(days=days_kept(rule)))
            for rule in RULES}  # fmt: skip


def note(rule: Rule, what: str) -> str:
    return f"{what}（个人信息保护法第四十七条；保存期限：{rule.counted_from}后{days_kept(rule)}天）"


def ended_by(cutoff: date) -> QuerySet:
    """Cases answered or closed by `cutoff`, with no 复议/诉讼 about them pending or decided
    after it."""
    open_appeals = Appeal.objects.filter(Q(decided_on__isnull=True) | Q(decided_on__gt=cutoff))
    return (
        Application.objects.filter(state__in=[State.DECIDED, State.CLOSED])
        .alias(ended=Coalesce("closed_on", "decided_on"))
        .filter(ended__lte=cutoff)
        .exclude(appeals__in=open_appeals)
    )


def mask_applicant_details(rule: Rule, cutoff: date) -> int:
    done = 0
    for pk in ended_by(cutoff).exclude(events__action=MASKED_DETAILS).values_list("pk", flat=True):
        with transaction.atomic():
            case = Application.objects.select_for_update().get(pk=pk)
            values = {name: getattr(case, name) for name in APPLICANT_FIELDS}
            changed = {k: v for k, v in masked(values, APPLICANT_FIELDS).items() if v != values[k]}
            Application.objects.filter(pk=pk).update(**changed)
            letters = mask_letters(case)
            said = f"已遮盖{rule.label}；{letters}份文书的收件信息已遮盖"
            Event.objects.create(application=case, action=MASKED_DETAILS, changes={
                "masked": [None, sorted(changed)], "letters": [None, letters]},
                note=note(rule, said))  # fmt: skip
        done += 1
    return done


def mask_letters(case: Application) -> int:
    """Mask the applicant's contact block in each letter's snapshot and drop its rendered
    files, which are made again from the masked snapshot on the next download. The letter's
    number, date, addressee and content stay as issued."""
    count = 0
    for letter in Letter.objects.filter(application=case):
        snapshot = dict(letter.snapshot)
        snapshot["applicant"] = masked(snapshot.get("applicant") or {}, LETTER_FIELDS)
        Letter.objects.filter(pk=letter.pk).update(snapshot=snapshot, pdf=None, docx=None)
        count += 1
    return count


def delete_applicant_attachments(rule: Rule, cutoff: date) -> int:
    done = 0
    for pk in (
        ended_by(cutoff).filter(attachments__isnull=False).distinct().values_list("pk", flat=True)
    ):
        with transaction.atomic():
            case = Application.objects.select_for_update().get(pk=pk)
            attachments = list(case.attachments.all())
            for attachment in attachments:
                transaction.on_commit(lambda file=attachment.file: file.delete(save=False))
                attachment.delete()
            size = sum(attachment.size for attachment in attachments)
            Event.objects.create(application=case, action=DELETED_ATTACHMENTS,
                                 changes={"attachments": [len(attachments), 0]},
                                 note=note(rule, f"已删除{rule.label}{len(attachments)}个，"
                                                 f"共{size}字节"))  # fmt: skip
        done += 1
    return done


def mask_appellant_names(rule: Rule, cutoff: date) -> int:
    pending = Appeal.objects.filter(Q(decided_on__isnull=True) | Q(decided_on__gt=cutoff))
    due = (Appeal.objects.filter(decided_on__lte=cutoff).exclude(lawsuits__in=pending)
           .exclude(events__action=MASKED_APPELLANT))  # fmt: skip
    done = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            appeal = Appeal.objects.select_for_update().get(pk=pk)
            Appeal.objects.filter(pk=pk).update(appellant=person_name(appeal.appellant))
            AppealEvent.objects.create(appeal=appeal, action=MASKED_APPELLANT,
                                       note=note(rule, f"已遮盖{rule.label}"))  # fmt: skip
        done += 1
    return done


def mask_notification_recipients(rule: Rule, cutoff: date) -> int:
    old = Notification.objects.filter(created_at__date__lte=cutoff).exclude(
        recipient__startswith="#"
    )
    done = 0
    for pk in old.values_list("pk", flat=True):
        # The (key, recipient) pair is unique: "#<id>" keeps it so.
        done += Notification.objects.filter(pk=pk).update(recipient=f"#{pk}", body="")
    return done


PURGES = {
    "applicant_details": mask_applicant_details,
    "applicant_attachments": delete_applicant_attachments,
    "appellant_names": mask_appellant_names,
    "notification_recipients": mask_notification_recipients,
}
assert set(PURGES) == {rule.key for rule in RULES}, "every rule needs its purge"
