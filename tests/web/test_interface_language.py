"""Every page reads in Chinese: no English left in the interface, no raw keys of the report's
cells (s2.fees.amount) where a label belongs.

The catalogue test (test_translations.py) proves that every string marked for translation is
translated; this one reads what people actually see, so it also catches strings that were
never marked, Django's and the third-party apps' own (core/catalogue_gaps.py), and data shown
where a label belongs. The whole demo is loaded and crawled, from the home page and the
workbench, as the public and as each demo role (clerk, reviewer, head, supervisor, agency
administrator, superuser) — the admin included — a few pages of each kind. The demo's
published annual reports are left out (compiling them takes a minute; their pages are the
same templates as a draft's, which are read). What counts as English is in
page_language.py (data such as codes, file names and usernames is not).
"""

import re
from collections import Counter, defaultdict
from html import unescape
from urllib.parse import urlsplit

from django.test import Client
from django.urls import Resolver404, resolve
from tests.full_demo import load_demo_without_reports
from tests.web.page_language import cell_keys, english_fragments

from gongkai.web.agencies.models import User

ROLES = {"public": None, "clerk": "zhangwei", "reviewer": "wangfang", "head": "liuyang",
         "supervisor": "lina", "agency admin": "chenjing", "superuser": "admin"}  # fmt: skip
SEEDS = ["/", "/catalog/", "/annual-reports/", "/track/", "/catalog/?validity=repealed"]
STAFF_SEEDS = ["/work/", "/admin/"]
# Pages that are not read: they change state, download files or answer in other formats.
NOT_PAGES = {"logout", "set_language", "display-toggle", "admin:logout", "admin:jsi18n",
             "admin:view_on_site", "catalog-feed", "sitemap", "sitemap-index"}  # fmt: skip
PAGES_PER_KIND = 2  # pages read of each named route (each case page, each change form …)
LINK = re.compile(r'href="(/[^"#]*)"')


def page_kind(path: str) -> str | None:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return ":".join(filter(None, [match.namespace, match.url_name])) or match.route


def crawl(client: Client, seeds: list[str]) -> dict[str, str]:
    """HTML pages reachable from the seeds, at most PAGES_PER_KIND of each kind -> page."""
    queue, seen, read, pages = list(seeds), set(), Counter(), {}
    while queue:
        path = queue.pop(0)
        kind = page_kind(path)
        if path in seen or kind is None or kind in NOT_PAGES or path.startswith("/api/"):
            continue
        seen.add(path)
        if read[kind] >= PAGES_PER_KIND:
            continue
        read[kind] += 1
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages[path] = page = response.content.decode()
        queue += [unescape(link) for link in LINK.findall(page) if not link.startswith("//")]
    return pages


def test_every_page_reads_in_chinese_for_the_public_and_every_role(db):
    load_demo_without_reports()
    usernames = frozenset(User.objects.values_list("username", flat=True))
    english, keys, read = defaultdict(set), defaultdict(set), {}
    for role, username in ROLES.items():
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        pages = crawl(client, SEEDS + (STAFF_SEEDS if username else []))
        read[role] = len(pages)
        for path, page in pages.items():
            for fragment in english_fragments(page, usernames):
                english[fragment].add(f"{role} {path}")
            for key in cell_keys(page):
                keys[key].add(f"{role} {path}")
    assert read["public"] >= 20 and read["superuser"] >= 100, read  # the crawl went far
    assert {fragment: sorted(where)[:3] for fragment, where in english.items()} == {}
    assert {key: sorted(where)[:3] for key, where in keys.items()} == {}


def test_the_reading_finds_english_and_raw_keys():
    page = (
        "<html><body><h1>年度数据</h1><p>Typed value</p><td>s2.fees.amount</td>"
        '<img alt="True"><code>ignored code</code><p translate="no">Zhang Wei</p>'
        "<p>索引号 015236016/2019-00011，代码11360999015236454M，文件 报告.docx</p></body></html>"
    )
    assert english_fragments(page) == ["Typed value", "True"]
    assert cell_keys(page) == ["s2.fees.amount"]
