"""The admin's change lists with their counts shown (?_facets=True, the "显示计数" link).

Django counts each choice of a list filter by running the filter with the choice's own value,
which is the value `lookups()` returned, not the string a query string carries; a filter
that reads its value as text failed there with a server error.
"""

from datetime import date

import pytest
from django.contrib import admin
from django.urls import reverse
from tests.web.test_catalog_registry import issue


def change_lists() -> list[str]:
    return [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["dave", "frank"])
def test_every_change_list_shows_its_counts(client, request, finance, who):
    issue(finance, date(2023, 2, 1))
    client.force_login(request.getfixturevalue(who))

    failed = {}
    for url in change_lists():
        response = client.get(url + "?_facets=True")
        if response.status_code not in (200, 302, 403):
            failed[url] = response.status_code
    assert failed == {}


def test_the_document_list_counts_the_documents_of_each_agency(client, finance, dave):
    issue(finance, date(2023, 2, 1))
    issue(finance, date(2023, 3, 1))
    client.force_login(dave)

    response = client.get("/admin/catalog/normativedocument/?_facets=True")

    assert response.status_code == 200
    assert f"{finance.name} (2)" in response.content.decode()
