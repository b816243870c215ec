def test_the_openapi_document_describes_the_agency_endpoints(client, db):
    document = client.get("/api/openapi.json").json()
    assert document["info"]["title"] == "Gongkai API"
    assert {"/api/health", "/api/agencies", "/api/agencies/{code}"} <= set(document["paths"])


def test_the_api_docs_are_served_without_any_cdn(client, db):
    html = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


def test_health_reports_the_database(client, db):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["database"] in {"sqlite", "postgresql"}


def test_agencies_are_listed_with_parent_codes(client, county, finance):
    rows = {row["name"]: row for row in client.get("/api/agencies").json()}
    assert rows["青山县财政局"]["parent_code"] == county.code
    assert rows["青山县人民政府"]["parent_code"] is None
    assert rows["青山县财政局"]["level_label"] == "县级部门"


def test_one_agency_by_code_or_404(client, finance):
    assert client.get(f"/api/agencies/{finance.code}").json()["name"] == "青山县财政局"
    assert client.get("/api/agencies/nope").status_code == 404
