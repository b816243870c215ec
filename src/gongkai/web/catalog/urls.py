from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import path

from gongkai.web.catalog import public, staff
from gongkai.web.catalog.sitemaps import SITEMAPS

urlpatterns = [
    path("catalog/", public.catalog, name="catalog"),
    path("catalog/entries/<int:pk>/", public.entry_page, name="catalog-entry"),
    path("catalog/entries/<int:pk>/files/<int:attachment_id>/", public.attachment_file,
         name="catalog-attachment"),
    path("agencies/<str:code>/guide/", public.guide, name="catalog-guide"),
    path("agencies/<str:code>/article-20/", public.article_20, name="catalog-article20"),
    path("agencies/<str:code>/feed/", public.AgencyFeed(), name="catalog-feed"),
    path("annual-reports/", public.annual_reports, name="catalog-annual-reports"),
    path("agencies/<str:code>/annual-reports/", public.annual_reports,
         name="catalog-agency-annual-reports"),
    path("sitemap.xml", sitemap_index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap"},
         name="sitemap-index"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("work/catalog/", staff.dashboard, name="catalog-staff"),
    path("work/catalog/new/", staff.new_entry, name="catalog-staff-new"),
    path("work/catalog/figures/import/", staff.import_figures, name="catalog-import"),
    path("work/catalog/import/", staff.import_catalogue, name="catalog-staff-legacy-import"),
    path("work/catalog/<int:pk>/", staff.entry_page, name="catalog-staff-entry"),
    path("work/catalog/<int:pk>/edit/", staff.edit_entry, name="catalog-staff-edit"),
    path("work/catalog/<int:pk>/channels/", staff.add_channel, name="catalog-staff-channel"),
    path("work/catalog/<int:pk>/files/", staff.upload, name="catalog-staff-upload"),
    path("work/catalog/<int:pk>/<str:action>/", staff.perform_action,
         name="catalog-staff-action"),
]  # fmt: skip
