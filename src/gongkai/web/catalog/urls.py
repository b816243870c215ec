from django.contrib.sitemaps.views import sitemap
from django.urls import path

from gongkai.web.catalog import public
from gongkai.web.catalog.sitemaps import SITEMAPS

urlpatterns = [
    path("catalog/", public.catalog, name="catalog"),
    path("catalog/entries/<int:pk>/", public.entry_page, name="catalog-entry"),
    path("agencies/<str:code>/guide/", public.guide, name="catalog-guide"),
    path("agencies/<str:code>/article-20/", public.article_20, name="catalog-article20"),
    path("agencies/<str:code>/feed/", public.AgencyFeed(), name="catalog-feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
