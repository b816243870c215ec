from django.urls import path

from gongkai.web.privacy import views

urlpatterns = [
    path("work/applications/personal-data/", views.applicant_data, name="privacy-applicant-data"),
]
