"""The demo 督办: 政务公开办 (lina) reminds 县自然资源局 of the correction whose time has passed."""

from django.utils import timezone

from gongkai.web.agencies.models import Agency, User
from gongkai.web.supervision.figures import subtree_figures
from gongkai.web.supervision.models import Reminder

NOTE = "你局有依申请公开案件补正期限已过，请及时依法处理，并于本周内报告办理情况。"


def load_demo_reminder() -> int:
    """Record the demo 督办 once (no e-mail: the demo sends none); returns how many exist."""
    agency = Agency.objects.get(short_name="县自然资源局")
    if not Reminder.objects.filter(agency=agency, note=NOTE).exists():
        rows, _totals = subtree_figures(Agency.objects.filter(pk=agency.pk), timezone.localdate())
        Reminder.objects.create(agency=agency, sent_by=User.objects.get(username="lina"),
                                note=NOTE, figures=rows[0].figures)  # fmt: skip
    return Reminder.objects.count()
