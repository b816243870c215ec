from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailboxConfig(AppConfig):
    name = "gongkai.web.mailbox"
    label = "mailbox"
    verbose_name = _("Public mailbox")

    def ready(self) -> None:
        from gongkai.web.mailbox import (  # noqa: F401  the daily reminders, the recount
            recount,
            tasks,
        )
