"""django.contrib.admin with Gongkai's admin site (admin_site.py) as `admin.site`; listed in
settings.INSTALLED_APPS in place of "django.contrib.admin". A module of its own: it is
imported while the apps load, before the admin's models may be."""

from django.apps import apps
from django.contrib.admin.apps import AdminConfig
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

# Third-party apps named by a plain English string in their AppConfig: the admin's index,
# titles and breadcrumbs show these names instead.
APP_NAMES = {
    "axes": _("Login lockouts"),
    "django_tasks_database": _("Task queue"),
}

BOOLEAN_ICONS = {True: ("yes", _("yes")), False: ("no", _("no")), None: ("unknown", _("unknown"))}


def boolean_icon(value: bool | None) -> str:
    """Django's yes/no icon, its text alternative in the reader's language (Django writes
    "True" / "False" there). The admin looks the function up in admin_list at each call."""
    icon, text = BOOLEAN_ICONS[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)


class GongkaiAdminConfig(AdminConfig):
    default_site = "gongkai.web.core.admin_site.GongkaiAdminSite"

    def ready(self):
        for label, name in APP_NAMES.items():
            if label in apps.app_configs:
                apps.get_app_config(label).verbose_name = name
        from django.contrib.admin.templatetags import admin_list  # needs the models loaded

        admin_list._boolean_icon = boolean_icon
        super().ready()  # discovers the admins
        from django.contrib import admin

        from gongkai.web.core import admin_tasks

        admin_tasks.register(admin.site)
