"""The sitemap index (/sitemap.xml) and its sitemaps: public entries, 10,000 a page, and the
agencies' 指南."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.functional import cached_property

from gongkai.web.agencies.models import Agency
from gongkai.web.catalog import tally
from gongkai.web.catalog.listing import CatalogFilters, CountedPaginator, public_entries


class EntrySitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return public_entries().select_related(None).order_by("pk").only("pk", "updated_at")

    @cached_property
    def paginator(self):  # counted by the tally, not by reading a million rows
        return CountedPaginator(self._items(), self.limit, tally.count(CatalogFilters()))

    def location(self, entry):
        return reverse("catalog-entry", args=[entry.pk])

    def lastmod(self, entry):
        return entry.updated_at


class GuideSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Agency.objects.order_by("pk")

    def location(self, agency):
        return reverse("catalog-guide", args=[agency.code])


SITEMAPS = {"entries": EntrySitemap, "guides": GuideSitemap}
