from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterpretationsConfig(AppConfig):
    name = "gongkai.web.interpretations"
    label = "interpretations"
    verbose_name = _("Policy interpretations and responses")
