from django.urls import path

from gongkai.web.supervision import views

urlpatterns = [
    path("work/supervision/", views.overview, name="supervision"),
    path("work/supervision/<str:code>/remind/", views.remind, name="supervision-remind"),
]
