"""What a case waits for while no answer period runs, since when and until when.

- 补正 (条例第三十条): the applicant corrects by the date the notice gives. The answer period
  starts again from the receipt of the corrected application, so meanwhile the case has no
  answer deadline and cannot be overdue. Not corrected in time without good reason: the
  application is treated as abandoned (视为放弃, report row other.no_correction).
- 征求意见 (第三十二条、第三十四条): the consulted third party or agency answers within 15 working
  days of receiving the letter; the time is not counted in the answer period (第三十三条第三款).
  Counted from the day the letter went out, the one day the platform knows.
- 缴费 (《政府信息公开信息处理费管理办法》): the applicant pays within 20 working days of receiving
  the notice; the time is not counted either. Not paid in time: treated as abandoned.

When a waiting time has passed, the daily job (tasks.py) flags the case — one history event,
one e-mail to the agency's clerks — and does not close it: whether the applicant had good
reason (a correction sent in time and still in the post, a notice received late) is for a
person to judge, and closing is a decision that the annual report counts. The case page
then offers the closing step.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.statute.calendar import WorkingCalendar
from gongkai.statute.clock import consultation_reply_due, count_working_days, fee_payment_due
from gongkai.web.agencies.models import User
from gongkai.web.agencies.roles import Role
from gongkai.web.applications.errors import WorkflowError
from gongkai.web.applications.models import Application, Event
from gongkai.web.applications.states import WAITING_STATES, State
from gongkai.web.jobs.notify import notify
from gongkai.web.workcalendar.calendar import current_calendar

# The 条例 sets no time for a correction; the notice names a date. Unless staff choose one,
# the platform gives 15 working days, the period most agencies' notices give.
CORRECTION_DAYS = 15


def correction_due(notice_on: date, calendar: WorkingCalendar) -> date:
    return count_working_days(notice_on, CORRECTION_DAYS, calendar)[0]


@dataclass(frozen=True)
class Wait:
    awaited: Promise  # what the case waits for
    basis: str  # where its time limit comes from
    when_passed: Promise  # what the agency may do once it has passed
    then: str  # the step offered once it has passed
    period_end: Callable[[date, WorkingCalendar], date]  # the last day, from the first
    given_by_notice: bool = False  # the notice named the last day: it is stored, not counted


WAITS = {
    State.AWAITING_CORRECTION: Wait(
        gettext_lazy("the corrected application"), "条例第三十条",
        gettext_lazy("Not corrected in time: unless the applicant had good reason, the "
                     "application is treated as abandoned and closed."),
        "abandon_correction", correction_due, given_by_notice=True),
    State.CONSULTING: Wait(
        gettext_lazy("the opinion of the party consulted"), "条例第三十二条、第三十四条",
        gettext_lazy("No opinion in time: end the consultation and decide. A third party's "
                     "silence is not consent (Article 32); another agency's counts as "
                     "consent (Article 34)."),
        "end_consultation", consultation_reply_due),
    State.AWAITING_PAYMENT: Wait(
        gettext_lazy("payment of the processing fee"), "《政府信息公开信息处理费管理办法》",
        gettext_lazy("Not paid in time: the application is treated as abandoned and closed."),
        "abandon_payment", fee_payment_due),
}  # fmt: skip
assert set(WAITS) == WAITING_STATES, "every waiting state needs its clock"
ABANDONING = frozenset({"abandon_correction", "abandon_payment"})  # 视为放弃


@dataclass(frozen=True)
class WaitingClock:
    """A waiting case's own clock: what is awaited, since when, until when."""

    wait: Wait
    since: date
    until: date
    today: date
    days_left: int  # working days after today up to `until`; 0 once it has passed

    @property
    def passed(self) -> bool:
        return self.today > self.until


def period_end(case: Application, calendar: WorkingCalendar) -> date | None:
    """The last day of the case's waiting time: as the notice gave it, or counted."""
    wait = WAITS.get(case.state)
    if wait is None or case.waiting_since is None:
        return None
    if wait.given_by_notice and case.waiting_until:
        return case.waiting_until
    return wait.period_end(case.waiting_since, calendar)


def clock_of(case: Application, today: date | None = None, calendar=None) -> WaitingClock | None:
    wait = WAITS.get(case.state)
    if wait is None or case.waiting_since is None or case.waiting_until is None:
        return None
    today = today or timezone.localdate()
    left = 0
    if today < case.waiting_until:
        calendar = calendar or current_calendar()
        left = calendar.working_days_between(today + timedelta(days=1), case.waiting_until)
    return WaitingClock(wait, case.waiting_since, case.waiting_until, today, left)


def offered(case: Application, action: str, today: date) -> bool:
    """The case page offers 视为放弃 only once the applicant's time has passed."""
    if action not in ABANDONING:
        return True
    return case.waiting_until is not None and today > case.waiting_until


def refuse_closing_early(case: Application, today: date) -> None:
    """视为放弃 only once the time has passed (第三十条: 逾期不补正; the fee rules: 逾期未缴纳)."""
    if case.waiting_until is not None and today <= case.waiting_until:
        raise WorkflowError(
            _("The applicant has until %(until)s: only after that day can the application be "
              "treated as abandoned.") % {"until": date_format(case.waiting_until)}
        )  # fmt: skip


def flag_passed(today: date) -> int:
    """Flag every case whose waiting time has passed, once per waiting time, and tell its
    clerks; returns how many cases were flagged now. Idempotent."""
    flagged = 0
    passed = Application.objects.filter(state__in=WAITING_STATES, waiting_until__lt=today)
    for case in passed.select_related("agency").order_by("waiting_until", "id"):
        with translation.override(settings.LANGUAGE_CODE):
            flagged += flag(case, today)
            subject, body = message(case)
        notify(clerks_of(case), subject, body, key=notice_key(case), about=case)
    return flagged


def flag(case: Application, today: date) -> bool:
    """One history event per waiting time: the first event since the case began to wait."""
    with transaction.atomic():
        case = Application.objects.select_for_update().get(pk=case.pk)
        if case.state not in WAITING_STATES or not case.waiting_until < today:
            return False
        began = case.events.filter(to_state=case.state).exclude(from_state=case.state)
        start = began.order_by("-pk").values_list("pk", flat=True).first() or 0
        if case.events.filter(action="waiting_passed", pk__gt=start).exists():
            return False
        Event.objects.create(application=case, action="waiting_passed", from_state=case.state,
                             to_state=case.state, note=passed_note(case))  # fmt: skip
    return True


def passed_note(case: Application) -> str:
    wait = WAITS[case.state]
    return _("Nothing recorded of %(awaited)s by %(until)s. %(then)s") % {
        "awaited": wait.awaited, "until": date_format(case.waiting_until),
        "then": wait.when_passed}  # fmt: skip


def clerks_of(case: Application):
    return User.objects.filter(is_active=True, memberships__agency=case.agency_id,
                               memberships__role=Role.CLERK).distinct()  # fmt: skip


def notice_key(case: Application) -> str:
    return f"applications.waiting:{case.pk}:{case.state}:{case.waiting_since}:{case.waiting_until}"


def message(case: Application) -> tuple[str, str]:
    subject = _("Waiting time passed: application %(number)s") % {"number": case.number}
    url = settings.GONGKAI_SITE_URL + reverse("application-case", args=[case.pk])
    lines = [
        _("Agency: %(agency)s") % {"agency": case.agency.name},
        _("Case number: %(number)s") % {"number": case.number},
        passed_note(case), _("Open the case: %(url)s") % {"url": url},
    ]  # fmt: skip
    return subject, "\n".join(lines)


def explanation(case: Application, clock: WaitingClock, counted_before: int, allowed: int):
    """The waiting clock in sentences, for the case page. `counted_before`: working days of
    the answer period counted before the wait; `allowed`: the period with any extension."""
    values = {"awaited": clock.wait.awaited, "since": date_format(clock.since),
              "until": date_format(clock.until), "basis": clock.wait.basis,
              "days": clock.days_left, "counted": counted_before,
              "left": max(allowed - counted_before, 0)}  # fmt: skip
    lines = [_("Waiting for %(awaited)s since %(since)s (%(basis)s).") % values]
    if clock.passed:
        lines.append(
            _("The time allowed ended on %(until)s.") % values + str(clock.wait.when_passed)
        )
    else:
        lines.append(_("Time allowed: until %(until)s; working days left, today not counted: "
                       "%(days)s.") % values)  # fmt: skip
    if case.state == State.AWAITING_CORRECTION:
        lines.append(_("No answer deadline meanwhile: the answer period starts again from the "
                       "receipt of the corrected application (Article 30)."))  # fmt: skip
    else:
        lines.append(_("This time is not counted in the answer period (Article 33(3)): "
                       "%(counted)s working days were counted before it, %(left)s remain once "
                       "it ends.") % values)  # fmt: skip
    return lines
