from django.urls import path

from gongkai.web.agencies import views

urlpatterns = [
    path("agency-choices/", views.public_choices, name="agency-choices"),
    path("work/agency-choices/", views.staff_choices, name="agency-choices-staff"),
]
