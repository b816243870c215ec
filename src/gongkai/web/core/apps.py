from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gongkai.web.core"
    label = "core"

    def ready(self) -> None:
        from gongkai.web.core import checks  # noqa: F401  registers the system checks
