"""The 使用手册 (docs/manual/), served to the people who use the platform.

The manual is Markdown in the repository, one chapter per role, illustrated by screenshots
that the browser tests take (tests/e2e/test_manual_screenshots.py), so text and pictures are
read in the repository and here alike. Chapters link to each other as `clerk.md` and show
pictures as `images/….png`, which work on a code host; here those links are rewritten to the
pages below. Raw HTML in the Markdown is not rendered (the manual is text and pictures).
"""

import re
from functools import cache
from pathlib import Path

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

import gongkai

MANUAL_DIR = Path(gongkai.__file__).resolve().parents[2] / "docs" / "manual"
# The chapters in reading order: the overview first, then one per role.
CHAPTERS = ["README", "citizen", "clerk", "reviewer", "head", "supervisor", "admin"]
IMAGE_NAME = re.compile(r"[a-z0-9-]+\.png")
CHAPTER_LINK = re.compile(r'href="([A-Za-z]+)\.md(#[^"]*)?"')


@cache
def renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def chapter_title(text: str) -> str:
    heading = re.search(r"^# (.+)$", text, re.M)
    return heading.group(1).strip() if heading else ""


def chapter_url(slug: str) -> str:
    return reverse("manual") if slug == "README" else reverse("manual-chapter", args=[slug])


def rendered(text: str) -> str:
    """The chapter as HTML, its links to chapters and pictures pointing at these pages."""
    html = renderer().render(text)
    images = reverse("manual-image", args=["x"]).removesuffix("x")
    html = html.replace('src="images/', f'src="{images}')

    def link(match: re.Match) -> str:
        slug, anchor = match.group(1), match.group(2) or ""
        return f'href="{chapter_url(slug)}{anchor}"' if slug in CHAPTERS else match.group(0)

    return CHAPTER_LINK.sub(link, html)


def chapter_text(slug: str) -> str:
    path = MANUAL_DIR / f"{slug}.md"
    if slug not in CHAPTERS or not path.is_file():
        raise Http404
    return path.read_text(encoding="utf-8")


def contents() -> list[tuple[str, str]]:
    """(url, title) of every chapter but the overview."""
    return [(reverse("manual-chapter", args=[slug]), chapter_title(chapter_text(slug)))
            for slug in CHAPTERS[1:] if (MANUAL_DIR / f"{slug}.md").is_file()]  # fmt: skip


def page(request, slug: str = "README"):
    if slug == "README" and request.resolver_match.url_name == "manual-chapter":
        raise Http404  # the overview has one address: /manual/
    text = chapter_text(slug)
    context = {"title": chapter_title(text), "body": mark_safe(rendered(text)),  # no raw HTML
               "contents": contents(), "current": slug}  # fmt: skip
    return render(request, "portal/manual.html", context)


def image(request, name: str):
    path = MANUAL_DIR / "images" / name
    if not IMAGE_NAME.fullmatch(name) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
