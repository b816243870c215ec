"""Every page reads in Chinese: no English left in the interface, no raw keys of the report's
cells (s2.fees.amount) where a label belongs.

The catalogue test (test_translations.py) proves that every string marked for translation is
translated; this one reads what people actually see, so it also catches strings that were
never marked, Django's and the third-party apps' own (core/catalogue_gaps.py), and data shown
where a label belongs. The demo is loaded and crawled from the home page and the workbench,
as the public (two pages of each kind) and as each demo role (one of each kind), the admin
included: the clerk, supervisor, agency administrator and superuser everywhere they can go;
the reviewer and the head, whose pages are the clerk's with other buttons, the pages one
step from their workbench. The superuser reads the admin's lists and forms; the pages of
single records are read as the agency administrator (the superuser's also show recorded
histories as stored). The demo's published annual reports are left out (compiling them
takes a minute; their pages are the templates of a draft, which are read). What counts as
English is in page_language.py (data such as codes, file names and usernames is not).
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

from axes.models import AccessLog
from django.test import Client
from django.urls import Resolver404, resolve
from django_tasks_db.models import DBTaskResult
from tests.full_demo import load_demo_without_reports
from tests.web.page_language import cell_keys, english_fragments
from tests.web.test_catalog_pages import entry

from gongkai.web.agencies.models import User


@dataclass(frozen=True)
class Reader:
    username: str | None  # None: the public
    pages_per_kind: int = 1  # pages read of each named route (each case page, change form …)
    depth: int = 99  # how many links away from the seeds
    skip: re.Pattern = re.compile("$^")  # kinds of page not read


# The superuser's pages of single records are read as the agency administrator. The groups'
# form lists every model's permissions, and models of several apps have no Chinese name yet
# (verbose_name: applications' Event, Letter …, catalogue's EntryEvent …, appeals' records):
# giving them one needs a migration in each of those apps.
SUPERUSER_SKIPS = re.compile(r"admin:(.*_(change|delete|history)|auth_group_add)$")

READERS = {
    "public": Reader(None, pages_per_kind=2),
    "clerk": Reader("zhangwei"),
    "reviewer": Reader("wangfang", depth=1),
    "head": Reader("liuyang", depth=1),
    "supervisor": Reader("lina"),
    "agency admin": Reader("chenjing"),
    "superuser": Reader("admin", skip=SUPERUSER_SKIPS),
}
SEEDS = ["/", "/catalog/", "/annual-reports/", "/track/", "/catalog/?validity=repealed",
         "/kiosk/qingshan-czj/"]  # fmt: skip
STAFF_SEEDS = ["/work/", "/admin/"]
# Pages that are not read: they change state, download files or answer in other formats.
NOT_PAGES = {"logout", "set_language", "display-toggle", "admin:logout", "admin:jsi18n",
             "admin:view_on_site", "catalog-feed", "sitemap", "sitemap-index"}  # fmt: skip
LINK = re.compile(r'href="(/[^"#]*)"')


def page_kind(path: str) -> str | None:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return ":".join(filter(None, [match.namespace, match.url_name])) or match.route


def crawl(client: Client, seeds: list[str], reader: Reader) -> dict[str, str]:
    """HTML pages reachable from the seeds, as far and as many of each kind as the reader
    reads -> page."""
    queue, seen, read, pages = [(path, 0) for path in seeds], set(), Counter(), {}
    while queue:
        path, depth = queue.pop(0)
        kind = page_kind(path)
        if path in seen or kind is None or kind in NOT_PAGES or path.startswith("/api/"):
            continue
        seen.add(path)
        if read[kind] >= reader.pages_per_kind or reader.skip.match(kind):
            continue
        read[kind] += 1
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages[path] = page = response.content.decode()
        if depth < reader.depth:
            links = [unescape(link) for link in LINK.findall(page) if not link.startswith("//")]
            queue += [(link, depth + 1) for link in links]
    return pages


def shown_data() -> frozenset[str]:
    """Words of the database that pages show as they are: usernames, what the login log
    recorded of a browser, the task queues' names."""
    words = set(User.objects.values_list("username", flat=True))
    for log in AccessLog.objects.all():
        recorded = f"{log.user_agent} {log.http_accept} {log.path_info}"
        words |= set(re.findall(r"[A-Za-z]+", recorded))
    words |= set(DBTaskResult.objects.values_list("queue_name", flat=True))
    return frozenset(words)


def test_every_page_reads_in_chinese_for_the_public_and_every_role(db):
    load_demo_without_reports()
    pages = {}
    for role, reader in READERS.items():
        client = Client()
        if reader.username:
            client.force_login(User.objects.get(username=reader.username))
            pages[role] = crawl(client, STAFF_SEEDS + SEEDS, reader)
        else:
            pages[role] = crawl(client, SEEDS, reader)
    read = {role: len(read) for role, read in pages.items()}
    assert read["public"] >= 20 and read["superuser"] >= 40 and read["head"] >= 10, read
    data_words = shown_data()  # after the logins, which the login log records
    english, keys = defaultdict(set), defaultdict(set)
    for role, read_pages in pages.items():
        for path, page in read_pages.items():
            for fragment in english_fragments(page, data_words):
                english[fragment].add(f"{role} {path}")
            for key in cell_keys(page):
                keys[key].add(f"{role} {path}")
    assert not english, "\n".join(f"{f!r} on {sorted(w)[:3]}" for f, w in english.items())
    assert not keys, "\n".join(f"{key} on {sorted(where)[:3]}" for key, where in keys.items())


def test_the_reading_finds_english_and_raw_keys():
    page = (
        "<html><body><h1>年度数据</h1><p>Typed value</p><td>s2.fees.amount</td>"
        '<img alt="True"><code>ignored code</code><p translate="no">Zhang Wei</p>'
        "<p>索引号 015236016/2019-00011，代码11360999015236454M，文件 报告.docx</p></body></html>"
    )
    assert english_fragments(page) == ["Typed value", "True"]
    assert cell_keys(page) == ["s2.fees.amount"]


def test_in_english_the_catalogues_badges_and_filter_read_in_english(client, finance, settings):
    entry(finance, "已废止的收费文件", validity="repealed")
    entry(finance, "已失效的办法", validity="expired")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/catalog/").content.decode()
    badges = re.findall(r'<span class="badge">([^<]*)</span>', page)
    assert sorted(badges) == ["expired", "repealed"]
    validity = page[page.index('name="validity"') :].split("</select>")[0]
    assert ">in force<" in validity and "失效" not in validity and "废止" not in validity

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    page = client.get("/catalog/").content.decode()
    assert sorted(re.findall(r'<span class="badge">([^<]*)</span>', page)) == ["失效", "废止"]
