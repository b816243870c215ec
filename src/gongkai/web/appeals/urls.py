from django.urls import path

from gongkai.web.appeals import staff

urlpatterns = [
    path("work/appeals/", staff.docket, name="appeal-docket"),
    path("work/appeals/new/", staff.new_appeal, name="appeal-new"),
    path("work/appeals/<int:pk>/", staff.case_page, name="appeal-case"),
    path("work/appeals/<int:pk>/edit/", staff.edit_appeal, name="appeal-edit"),
    path("work/appeals/<int:pk>/documents/<int:document_id>/", staff.document_file,
         name="appeal-document"),
    path("work/appeals/<int:pk>/<str:action>/", staff.take_step, name="appeal-step"),
]  # fmt: skip
