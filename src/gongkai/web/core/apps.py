from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gongkai.web.core"
    label = "core"

    def ready(self) -> None:
        from django.db.models.signals import pre_save

        from gongkai.web.core import checks  # noqa: F401  registers the system checks
        from gongkai.web.core.input import clean_fields

        pre_save.connect(clean_fields, dispatch_uid="gongkai-clean-fields")
