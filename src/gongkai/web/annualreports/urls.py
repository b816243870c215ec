from django.urls import path

from gongkai.web.annualreports import imports_views, public, staff

urlpatterns = [
    path("annual-reports/<str:code>/<int:year>/", public.published_report,
         name="annual-report-public"),
    path("annual-reports/<str:code>/<int:year>/v<int:number>/", public.published_report,
         name="annual-report-version"),
    path("work/annual-reports/", staff.index, name="annual-report-index"),
    path("work/annual-reports/<str:code>/<int:year>/", staff.report_page, name="annual-report"),
    path("work/annual-reports/<str:code>/<int:year>/start/", staff.start,
         name="annual-report-start"),
    path("work/annual-reports/<str:code>/<int:year>/draft.<str:fmt>", staff.draft_file,
         name="annual-report-draft"),
    path("work/annual-reports/<str:code>/<int:year>/cells/<str:key>/", staff.cell,
         name="annual-report-cell"),
    path("work/annual-reports/<str:code>/<int:year>/<str:action>/", staff.perform_action,
         name="annual-report-action"),
    path("work/annual-reports/<str:code>/import/", imports_views.upload,
         name="annual-report-import"),
    path("work/annual-reports/<str:code>/import/confirm/", imports_views.confirm,
         name="annual-report-import-confirm"),
    path("work/annual-reports/<str:code>/type/<int:year>/", imports_views.typed,
         name="annual-report-type"),
    path("work/annual-reports/<str:code>/type/<int:year>/check/", imports_views.typed_check,
         name="annual-report-type-check"),
]  # fmt: skip
