from django.urls import path

from gongkai.web.portal import directory, manual, qr_codes, views

urlpatterns = [
    path("", views.home, name="home"),
    path("agencies/", directory.choose, {"purpose": "agency-directory"}, name="agency-directory"),
    path("guide/", directory.choose, {"purpose": "portal-guide"}, name="portal-guide"),
    path("apply/", directory.choose, {"purpose": "portal-apply"}, name="portal-apply"),
    path("agencies/<str:code>/", views.agency_detail, name="agency"),
    path("work/", views.workbench, name="workbench"),
    path("qr.png", qr_codes.image, name="qr-code"),
    path("manual/", manual.page, name="manual"),
    path("manual/images/<str:name>", manual.image, name="manual-image"),
    path("manual/<slug:slug>/", manual.page, name="manual-chapter"),
]
