"""No broken link on the public site: the whole demo (`gongkai demo`) is loaded, every public
page is read (found as tests/web/test_public_pages_personal_data.py finds them), and every
link and every file it names (href, src) — pages, 目录 filters and pages, entry pages and
their published attachments, feeds, reports and their files, style sheets and scripts —
answers 200."""

import re
from html import unescape
from urllib.parse import urlsplit

from tests.full_demo import load_full_demo
from tests.web.test_public_pages_personal_data import seeds

from gongkai.web.catalog.models.entries import EntryAttachment

LINK = re.compile(r'(?:href|src)="([^"#]*)')
NOT_CRAWLED = ("/work/", "/admin/", "/accounts/", "/static/", "/i18n/", "/api/")
MOST_PAGES = 3000


def links_on(body: str) -> list[str]:
    """The site's own paths that a page links to."""
    found = []
    for link in LINK.findall(body):
        parts = urlsplit(unescape(link))
        if not parts.scheme and not parts.netloc and parts.path.startswith("/"):
            found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def crawl(client) -> tuple[dict[str, int], dict[str, str]]:
    """Every path reached from the public pages that a visitor may open without a link (the
    home page, tracking and receipts by query code, every agency's pages, every published
    report and entry, the public API) -> its status; and each -> a page linking to it."""
    queue = list(dict.fromkeys(seeds()))
    statuses, linked_from = {}, dict.fromkeys(queue, "(start)")
    while queue and len(statuses) < MOST_PAGES:
        path = queue.pop(0)
        response = client.get(path)
        statuses[path] = response.status_code
        media = response.get("Content-Type", "")
        if response.status_code != 200 or path.startswith(NOT_CRAWLED) or "html" not in media:
            continue
        for link in links_on(response.content.decode("utf-8", "replace")):
            if link not in linked_from:
                linked_from[link] = path
                queue.append(link)
    assert len(statuses) < MOST_PAGES, "the crawl did not finish: raise MOST_PAGES"
    return statuses, linked_from


def test_every_link_on_every_public_page_of_the_demo_answers_200(client, db):
    load_full_demo()
    statuses, linked_from = crawl(client)
    broken = [f"{path} answered {status} (linked from {linked_from[path]})"
              for path, status in statuses.items() if status != 200]  # fmt: skip
    assert broken == []
    assert len(statuses) >= 200 and any(path.startswith("/static/") for path in statuses)
    # It reached what was broken before: the published attachments, served by a view.
    published = EntryAttachment.objects.filter(entry__state="published")
    assert published.count() >= 10
    for attachment in published:
        assert statuses[f"/catalog/entries/{attachment.entry_id}/files/{attachment.pk}/"] == 200
