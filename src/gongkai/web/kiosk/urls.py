from django.urls import path

from gongkai.web.kiosk import staff, views

urlpatterns = [
    path("kiosk/<slug:code>/", views.start, name="kiosk"),
    path("kiosk/<slug:code>/search/", views.keyboard, name="kiosk-keyboard"),
    path("kiosk/<slug:code>/catalog/", views.catalog, name="kiosk-catalog"),
    path("kiosk/<slug:code>/entries/<int:pk>/", views.entry, name="kiosk-entry"),
    path("kiosk/<slug:code>/guide/", views.guide, name="kiosk-guide"),
    path("kiosk/<slug:code>/reset/", views.reset, name="kiosk-reset"),
    path("work/reading-points/", staff.reading_points, name="kiosk-staff"),
]
