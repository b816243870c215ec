from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KioskConfig(AppConfig):
    name = "gongkai.web.kiosk"
    label = "kiosk"
    verbose_name = _("Reading points (查阅点)")
