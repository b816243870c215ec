from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntelligenceConfig(AppConfig):
    name = "gongkai.web.intelligence"
    label = "intelligence"
    verbose_name = _("Published reports")

    def ready(self) -> None:
        from gongkai.web.intelligence import tasks  # noqa: F401  (registers the import task)
