"""The site's routes and one that fails, for the 500 page (tests/web/test_error_pages.py)."""

from django.urls import path

from gongkai.web.urls import urlpatterns as site


def failing_view(request):
    raise RuntimeError("a fault in a view")


urlpatterns = [path("fails/", failing_view), *site]
