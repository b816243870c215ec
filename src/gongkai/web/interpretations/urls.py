from django.urls import path

from gongkai.web.interpretations import public, staff

urlpatterns = [
    path("interpretations/", public.index, name="interpretations"),
    path("interpretations/<int:pk>/", public.detail, name="interpretation"),
    path("interpretations/<int:pk>/<str:which>/", public.public_file,
         name="interpretation-file"),
    path("work/interpretations/", staff.dashboard, name="interpretation-staff"),
    path("work/interpretations/new/", staff.new, name="interpretation-staff-new"),
    path("work/interpretations/counts/", staff.counts, name="interpretation-staff-counts"),
    path("work/interpretations/<int:pk>/", staff.page, name="interpretation-staff-page"),
    path("work/interpretations/<int:pk>/edit/", staff.edit, name="interpretation-staff-edit"),
    path("work/interpretations/<int:pk>/files/<str:which>/", staff.staff_file,
         name="interpretation-staff-file"),
    path("work/interpretations/<int:pk>/<str:action>/", staff.take_action,
         name="interpretation-staff-action"),
]  # fmt: skip
