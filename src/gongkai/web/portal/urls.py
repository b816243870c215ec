from django.urls import path

from gongkai.web.portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("agencies/<str:code>/", views.agency_detail, name="agency"),
    path("work/", views.workbench, name="workbench"),
]
