def test_the_home_page_is_in_chinese_whatever_the_browser_prefers(client, county, finance):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="zh-CN">' in html
    assert "政府信息公开" in html and "青山县财政局" in html


def test_a_visitor_can_switch_to_english(client, county):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Open Government Information" in html


def test_an_agency_page_shows_its_contact_details(client, county, finance):
    html = client.get(f"/agencies/{finance.code}/").content.decode()
    assert finance.code in html and "0795-7220000" in html
    assert "青山县人民政府" in html  # the breadcrumb names the parent


def test_an_unknown_agency_is_404(client, db):
    assert client.get("/agencies/000000000000000000/").status_code == 404


def test_a_staff_member_logs_in_and_sees_her_roles(client, alice, finance, password):
    response = client.post("/accounts/login/", {"username": "alice", "password": password})
    assert response.status_code == 302 and response["Location"] == "/work/"
    html = client.get("/work/").content.decode()
    assert "艾丽，您好" in html
    assert "青山县财政局" in html and "公开专员" in html


def test_a_wrong_password_is_refused_in_chinese(client, alice):
    html = client.post("/accounts/login/", {"username": "alice", "password": "x"}).content.decode()
    assert "用户名或密码错误" in html


def test_a_supervisor_sees_the_agencies_she_supervises(client, carol, finance, town):
    client.force_login(carol)
    html = client.get("/work/").content.decode()
    assert "青山县人民政府督导的机关" in html
    assert "青山县财政局" in html and "青山县青山镇人民政府" in html


def test_the_workbench_requires_login(client, db):
    response = client.get("/work/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_browsers_favicon_request_finds_the_platforms_icon(client, db):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0].endswith("gongkai/favicon.svg")
    assert b"<svg" in b"".join(response.streaming_content)
    assert 'rel="icon"' in client.get("/").content.decode()
