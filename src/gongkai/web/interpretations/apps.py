from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterpretationsConfig(AppConfig):
    name = "gongkai.web.interpretations"
    label = "interpretations"
    verbose_name = _("Policy interpretations and responses")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from gongkai.web.catalog.models.entries import Entry
        from gongkai.web.interpretations.workflow import publish_with_document

        post_save.connect(publish_with_document, sender=Entry,
                          dispatch_uid="interpretations-follow-their-document")  # fmt: skip
