"""Every response carries the security headers; cookies are HttpOnly, SameSite=Lax, and
Secure once SECURE_COOKIES is on; HSTS is sent behind TLS when SECURE_HSTS_SECONDS is set."""

import pytest

PAGES = ["/", "/catalog/", "/track/", "/accounts/login/", "/api/health", "/api/docs",
         "/no-such-page/"]  # fmt: skip


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.mark.parametrize("path", PAGES)
def test_every_response_has_the_security_headers(client, db, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]


def test_the_policy_allows_no_inline_script_anywhere(settings):
    for sources in settings.SECURE_CSP.values():
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources


def test_the_session_and_csrf_cookies_are_httponly_and_lax(client, alice, password):
    page = client.get("/accounts/login/")
    csrf = page.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Lax" and not csrf["secure"]
    client.post("/accounts/login/", {"username": "alice", "password": password})
    session = client.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_with_secure_cookies_every_cookie_is_secure(client, alice, password, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.LANGUAGE_COOKIE_SECURE = True
    assert client.get("/accounts/login/").cookies["csrftoken"]["secure"]
    client.post("/accounts/login/", {"username": "alice", "password": password}, secure=True)
    assert client.cookies["sessionid"]["secure"]
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert switched.cookies["django_language"]["secure"]
    assert switched.cookies["django_language"]["httponly"]
    shown = client.post("/display/", {"mode": "large-text", "next": "/"})
    cookie = shown.cookies["gongkai_large_text"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_hsts_is_sent_over_https_when_configured(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    assert "Strict-Transport-Security" not in client.get("/")
    assert client.get("/", secure=True)["Strict-Transport-Security"] == "max-age=31536000"


def test_behind_a_trusted_proxy_a_forwarded_https_request_gets_hsts(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 600
    settings.GONGKAI_TRUSTED_PROXIES = ["127.0.0.1"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"] == "max-age=600"


def test_trusting_proxies_turns_on_the_forwarded_https_header(monkeypatch):
    import importlib

    from gongkai.web import settings as module

    monkeypatch.setenv("GONGKAI_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2")
    try:
        reloaded = importlib.reload(module)
        assert reloaded.GONGKAI_TRUSTED_PROXIES == ["10.0.0.1", "10.0.0.2"]
        assert reloaded.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    finally:
        monkeypatch.delenv("GONGKAI_TRUSTED_PROXIES")
        importlib.reload(module)


# --- the responses with a policy of their own (core/csp.py) ----------------------------------


def test_a_published_report_may_use_its_own_style_element_and_no_other(
    client, finance, alice, erin, publish_report
):
    import base64
    import hashlib
    import re

    publish_report(finance, 2025, alice, erin)
    response = client.get(f"/annual-reports/{finance.code}/2025/")
    html = response.content.decode()
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    policy = directives(response["Content-Security-Policy"])
    assert policy["style-src-elem"] == ["'self'", f"'sha256-{digest}'"]
    assert policy["style-src-attr"] == ["'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"] and "report-versions.css" in html
    assert 'class="report-versions"' in html and 'report-versions" style=' not in html


def test_the_staff_report_page_has_no_style_attribute(client, finance, alice, password):
    client.force_login(alice)
    client.post(f"/work/annual-reports/{finance.code}/2025/start/")
    html = client.get(f"/work/annual-reports/{finance.code}/2025/").content.decode()
    assert "<col data-width=" in html and "style=" not in html


def test_an_uploaded_file_runs_no_script(client, finance):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from tests.web.test_catalog_pages import entry

    from gongkai.web.catalog.models.entries import EntryAttachment

    published = entry(finance, "一份网页")
    upload = SimpleUploadedFile("page.html", b"<script>alert(1)</script>", "text/html")
    attachment = EntryAttachment.objects.create(entry=published, file=upload, name="page.html",
                                                size=25, content_type="text/html")  # fmt: skip
    response = client.get(f"/catalog/entries/{published.pk}/files/{attachment.pk}/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"] and "script-src" not in policy
