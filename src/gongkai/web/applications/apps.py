from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gongkai.web.applications"
    label = "applications"
    verbose_name = _("Disclosure applications")

    def ready(self) -> None:
        from gongkai.web.applications import (  # noqa: F401  connects the receivers
            applicant_mail,
            signals,
        )
