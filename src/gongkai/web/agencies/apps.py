from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "gongkai.web.agencies"
    label = "agencies"
    verbose_name = _("Agencies and staff")

    def ready(self):
        from gongkai.web.agencies import login_throttle  # noqa: F401 — logs failed logins
