"""The JSON API (Django Ninja): typed schemas, and an OpenAPI document generated from them.

Served at /api/; the OpenAPI document at /api/openapi.json, readable docs at /api/docs.
"""

from django.db import connection
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema

from gongkai import __version__
from gongkai.web.agencies.models import Agency
from gongkai.web.api_errors import document_errors, install_error_handlers
from gongkai.web.applications.api import router as applications_router
from gongkai.web.catalog.api import router as catalog_router
from gongkai.web.core.input import CleanJSONParser


class GongkaiAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        return document_errors(super().get_openapi_schema(**kwargs))


api = GongkaiAPI(
    title="Gongkai API",
    version=__version__,
    description="政府信息公开平台接口 / Open government information platform API.",
    urls_namespace="api",
    parser=CleanJSONParser(),
)
install_error_handlers(api)


class Health(Schema):
    status: str
    version: str
    database: str


class AgencyOut(Schema):
    code: str
    name: str
    short_name: str
    level: str
    level_label: str
    parent_code: str | None
    office_address: str
    postal_code: str
    office_hours: str
    phone: str
    fax: str
    email: str
    website: str

    @staticmethod
    def resolve_level_label(agency: Agency) -> str:
        return agency.get_level_display()

    @staticmethod
    def resolve_parent_code(agency: Agency) -> str | None:
        return agency.parent.code if agency.parent_id else None


@api.get("/health", response=Health, tags=["platform"], summary="Is the platform up?")
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"status": "ok", "version": __version__, "database": connection.vendor}


@api.get("/agencies", response=list[AgencyOut], tags=["agencies"], summary="All agencies")
def list_agencies(request):
    """Every agency on the platform, parents before children. Public information."""
    return Agency.objects.select_related("parent")


@api.get("/agencies/{code}", response=AgencyOut, tags=["agencies"], summary="One agency")
def get_agency(request, code: str):
    return get_object_or_404(Agency.objects.select_related("parent"), code=code)


api.add_router("/v1/applications", applications_router)
api.add_router("/v1/appeals", "gongkai.web.appeals.api.router")
api.add_router("/v1/catalog", catalog_router)
api.add_router("/v1/annual-reports", "gongkai.web.annualreports.api.router")
api.add_router("/v1/reports", "gongkai.web.intelligence.api.router")
