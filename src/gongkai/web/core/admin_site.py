"""The admin in the platform's look and language.

The site carries Gongkai's header and titles; templates/admin/base_site.html adds the brand
and the stylesheet gongkai/admin.css (the admin's own colours replaced by the platform's).
Django's 简体中文 JavaScript catalogue lacks some strings of the admin's scripts (the calendar's
one-letter weekdays, "Today (…)"): catalogue_gaps.py lists them in our catalogue, and the
admin's JavaScript catalogue is completed from there.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog

from gongkai.web.core.catalogue_gaps import javascript_translations


class CompletedJavaScriptCatalog(JavaScriptCatalog):
    """Django's catalogue of the admin's scripts, with what its 简体中文 lacks added."""

    def get_catalog(self):
        # Update, not setdefault: Django's catalogue holds these with the English source as
        # their value (from its fallback), and ours lists only what its 简体中文 lacks.
        return super().get_catalog() | javascript_translations(self._num_plurals)


class GongkaiAdminSite(admin.AdminSite):
    site_header = _("Gongkai administration")
    site_title = _("Gongkai")
    index_title = _("Administration")

    def i18n_javascript(self, request, extra_context=None):
        return CompletedJavaScriptCatalog.as_view(packages=["django.contrib.admin"])(request)
