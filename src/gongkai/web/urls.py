from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_safe

from gongkai.web.api import api
from gongkai.web.core import display

urlpatterns = [
    path("", include("gongkai.web.portal.urls")),
    path("", include("gongkai.web.agencies.urls")),
    path("", include("gongkai.web.applications.urls")),
    path("", include("gongkai.web.catalog.urls")),
    path("", include("gongkai.web.appeals.urls")),
    path("", include("gongkai.web.annualreports.urls")),
    path("", include("gongkai.web.interpretations.urls")),
    path("", include("gongkai.web.intelligence.urls")),
    path("", include("gongkai.web.privacy.urls")),
    path("", include("gongkai.web.supervision.urls")),
    path("", include("gongkai.web.kiosk.urls")),
    path("", include("gongkai.web.mailbox.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("display/", display.toggle, name="display-toggle"),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico whatever the page says (downloads, the admin, old ones).
    path(
        "favicon.ico",
        require_safe(lambda request: redirect(static("gongkai/favicon.svg"))),
        name="favicon",
    ),
    path("api/", api.urls),
]
