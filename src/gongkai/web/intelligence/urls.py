from django.urls import path

from gongkai.web.intelligence import (
    audit_views,
    chart_views,
    compare_views,
    open_data,
    review_views,
    views,
)

urlpatterns = [
    path("published-reports/data.<str:fmt>", open_data.export, name="published-reports-export"),
    path(
        "published-reports/exports/<str:token>/",
        open_data.export_job,
        name="published-reports-export-job",
    ),
    path(
        "published-reports/exports/<str:token>/file",
        open_data.export_job_file,
        name="published-reports-export-file",
    ),
    path(
        "published-reports/dictionary.csv",
        open_data.dictionary,
        name="published-reports-dictionary",
    ),
    # comparisons of published reports: public, like the figures (compare_views.py)
    path("published-reports/compare/", compare_views.agencies, name="published-reports-compared"),
    path(
        "published-reports/compare/<int:before>/<int:after>/",
        compare_views.pair,
        name="published-reports-compare",
    ),
    path("published-reports/<int:pk>/peers/", compare_views.peers, name="published-reports-peers"),
    path(
        "published-reports/agencies/<str:code>/",
        compare_views.tree_agency,
        name="published-reports-agency",
    ),
    path(
        "published-reports/agencies/<str:code>/<str:year>/",
        compare_views.previous_year,
        name="published-reports-previous-year",
    ),
    path(
        "published-reports/external/<int:pk>/",
        compare_views.external_agency,
        name="published-reports-external",
    ),
    # public charts of the published reports (chart_views.py)
    path("published-reports/charts/", chart_views.index, name="published-report-charts"),
    path(
        "published-reports/charts/<str:slug>/",
        chart_views.chart,
        name="published-report-chart",
    ),
    path(
        "published-reports/charts/<str:slug>.<str:fmt>",
        chart_views.chart_export,
        name="published-report-chart-export",
    ),
    path("work/published-reports/", views.index, name="published-reports"),
    path("work/published-reports/import/", views.import_reports, name="published-reports-import"),
    path(
        "work/published-reports/import/<int:pk>/", views.run_progress, name="published-reports-run"
    ),
    path("work/published-reports/matches/", views.matches, name="published-reports-matches"),
    path(
        "work/published-reports/<int:pk>/match/",
        views.confirm_match,
        name="published-reports-match",
    ),
    path("work/published-reports/review/", review_views.queue, name="published-reports-queue"),
    path("work/published-reports/<int:pk>/", review_views.review, name="published-reports-review"),
    path(
        "work/published-reports/<int:pk>/figures/<str:key>/",
        review_views.correct_figure,
        name="published-reports-correct",
    ),
    # the supervising office's audit of a year's reports (audit_views.py)
    path("work/audits/", audit_views.offices, name="report-audits"),
    path("work/audits/<str:code>/<str:year>/", audit_views.table, name="report-audit"),
    path(
        "work/audits/<str:code>/<str:year>/audit.xlsx",
        audit_views.table_xlsx,
        name="report-audit-xlsx",
    ),
    path(
        "work/audits/<str:code>/<str:year>/<str:unit>/",
        audit_views.agency_findings,
        name="report-audit-agency",
    ),
    path(
        "work/audits/<str:code>/<str:year>/<str:unit>/opinion.<str:fmt>",
        audit_views.opinion,
        name="report-audit-opinion",
    ),
]
