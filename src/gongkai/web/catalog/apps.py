from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "gongkai.web.catalog"
    label = "catalog"
    verbose_name = _("Proactive disclosure")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from gongkai.web.catalog import (
            search,  # noqa: F401 (connects the index's signals)
            validity,  # noqa: F401 (entries follow the registry)
        )
        from gongkai.web.catalog.vocabularies import ensure_national_vocabularies

        post_migrate.connect(ensure_national_vocabularies, sender=self)
