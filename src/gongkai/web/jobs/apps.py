from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "gongkai.web.jobs"
    label = "jobs"
    verbose_name = _("Background work")

    def ready(self) -> None:
        # Each app's tasks.py defines its tasks and registers its periodic jobs
        # (schedule.register); importing them all here fills the schedule in every process.
        autodiscover_modules("tasks")
