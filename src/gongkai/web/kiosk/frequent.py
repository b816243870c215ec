"""常用检索: the words a kiosk offers as one-touch searches, for visitors who would rather not
type. They are the common words (the keyboard's own word list) that the titles of the agency's
latest publications use most."""

import json
from collections import Counter
from functools import cache
from pathlib import Path

from django.core.cache import cache as django_cache

from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.listing import public_entries

PINYIN_TABLE = Path(__file__).parent / "static" / "gongkai" / "kiosk-pinyin.json"
TITLES_READ = 500
OFFERED = 12
CACHE_SECONDS = 3600
MOST_TITLES = 0.4  # a word in more of the titles than this is no search


@cache
def common_words() -> tuple[str, ...]:
    """The keyboard's words, longest first so that 政府信息 is counted before 政府."""
    words = [word for _, _, word in json.loads(PINYIN_TABLE.read_text("utf-8"))["words"]]
    return tuple(sorted(words, key=len, reverse=True))


def frequent_searches(agency: Agency) -> list[str]:
    key = f"kiosk:frequent:{agency.pk}"
    found = django_cache.get(key)
    if found is None:
        names = list(agency.subtree().values_list("name", flat=True))
        found = words_in_titles(latest_titles(agency), names)
        django_cache.set(key, found, CACHE_SECONDS)
    return found


def latest_titles(agency: Agency) -> list[str]:
    entries = public_entries().filter(agency__path__startswith=agency.path)
    newest = entries.order_by("-published_on", "-id")
    return list(newest.values_list("title", flat=True)[:TITLES_READ])


def words_in_titles(titles: list[str], agency_names: list[str] = ()) -> list[str]:
    """The words that most titles hold; a word inside a longer one counted (预算 of 预算公开)
    only where it stands apart from it. Words of the agencies' names (青山县, 财政局) and words
    in most titles (年度) find everything, so are left out."""
    counts: Counter[str] = Counter()
    for title in titles:
        seen: list[str] = []
        for word in common_words():
            if word in title and not any(word in longer for longer in seen):
                seen.append(word)
        counts.update(seen)
    common = len(titles) * MOST_TITLES
    return [
        word
        for word, n in counts.most_common()
        if 1 < n <= common and not any(word in name for name in agency_names)
    ][:OFFERED]
