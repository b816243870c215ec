from django.contrib import admin

from gongkai.web.agencies.admin import AgencyScopedAdmin
from gongkai.web.mailbox.models import MailboxPolicy


@admin.register(MailboxPolicy)
class MailboxPolicyAdmin(AgencyScopedAdmin):
    """Each agency's promised answer time, set by its administrator. A question keeps the
    promise made when it was asked (Question.answer_days)."""

    list_display = ["agency", "answer_days"]
