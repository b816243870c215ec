from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "gongkai.web.portal"
    label = "portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        from gongkai.web.portal import checks  # noqa: F401 (registers the deploy check)
