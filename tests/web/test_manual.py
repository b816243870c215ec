"""The 使用手册 (docs/manual/) is served to everyone, linked from the staff pages, its
chapters' links and pictures working here as they do in the repository."""

import re

from gongkai.web.portal.manual import CHAPTERS, MANUAL_DIR, rendered


def test_every_chapter_is_a_page_with_its_pictures(client, db):
    for slug in CHAPTERS:
        url = "/manual/" if slug == "README" else f"/manual/{slug}/"
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        heading = re.search(r"^# (.+)$", (MANUAL_DIR / f"{slug}.md").read_text("utf-8"), re.M)
        assert f"<h1>{heading.group(1)}</h1>" in page
        chapter = page[page.index("<main") : page.index("</main>")]  # not the footer's QR code
        pictures = re.findall(r'<img src="([^"]+)"', chapter)
        assert pictures, f"{slug} shows no picture"
        for src in pictures:
            assert src.startswith("/manual/images/")
            picture = client.get(src)
            assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
            assert b"".join(picture.streaming_content).startswith(b"\x89PNG")


def test_chapters_link_to_each_other_here(client, db):
    page = client.get("/manual/").content.decode()
    for slug in CHAPTERS[1:]:
        assert f'href="/manual/{slug}/"' in page
    assert ".md" not in " ".join(re.findall(r'href="([^"]+)"', page))


def test_only_the_manuals_chapters_and_pictures_are_served(client, db):
    for path in ["/manual/README/", "/manual/nothing/", "/manual/images/nothing.png",
                 "/manual/images/..%2Fclerk.md", "/manual/images/clerk.md"]:  # fmt: skip
        assert client.get(path).status_code == 404, path


def test_html_written_in_the_manual_is_shown_as_text():
    html = rendered("# 标题\n\n<script>alert(1)</script>\n\n![图](images/a.png) [章](clerk.md)")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'src="/manual/images/a.png"' in html and 'href="/manual/clerk/"' in html


def test_the_staff_pages_and_the_admin_link_to_the_manual(client, alice, dave):
    client.force_login(alice)
    assert 'href="/manual/"' in client.get("/work/").content.decode()
    client.force_login(dave)
    assert 'href="/manual/admin/"' in client.get("/admin/").content.decode()
