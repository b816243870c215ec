"""Common words are counted ahead of their first search (PostgreSQL), from a sample."""

from datetime import date

import pytest
from click.testing import CliRunner
from django.db import connection

from gongkai.cli import main
from gongkai.web.catalog.models.entries import Entry, EntryState
from gongkai.web.catalog.search import search
from gongkai.web.catalog.search_backends import postgresql_counts, postgresql_warmup
from gongkai.web.catalog.search_backends.postgresql_warmup import common_words


def publish(agency, title: str, body: str = "") -> Entry:
    dates = {"generated_on": date(2024, 3, 1), "published_on": date(2024, 3, 5)}
    return Entry.objects.create(agency=agency, title=title, body=body,
                                state=EntryState.PUBLISHED, **dates)  # fmt: skip


def test_common_words_are_the_runs_of_up_to_four_tokens_found_in_enough_texts():
    sample = [" 财政预算 \n 公开 ", " 财政 \n 预算公开 ", " 预算 2024 年 ", " 无关 "]
    words = common_words(sample, share=0.5 / 0.7)  # in at least half of the four texts
    assert {tuple(word) for word in words[:3]} == {("预",), ("算",), ("预", "算")}  # in three
    assert ["财", "政"] in words and ["公", "开"] in words
    assert ["预", "算", "公", "开"] not in words  # in one text only
    assert ["政", "预"] not in words  # 财政预算 is one line, but 政预 only in one text
    assert ["政", "公"] not in words  # across two lines of one text: never a run


def test_common_words_with_digits_are_whole_tokens():
    words = common_words([" 2024 年 ", " 2024 年 ", " 12024 "], share=0.6 / 0.7)
    assert ["2024", "年"] in words and ["2024"] in words and ["12024"] not in words


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL keeps counts")
def test_warming_keeps_the_counts_of_the_common_words(finance, monkeypatch):
    monkeypatch.setattr(postgresql_counts, "CACHE_FROM", 1)
    monkeypatch.setattr(postgresql_warmup, "WARM_FROM", 0.5)
    for n in range(6):
        publish(finance, f"预算公开第{n}号")
    publish(finance, "决算")
    result = CliRunner().invoke(main, ["catalog", "warm-search"])
    assert result.exit_code == 0 and "个常用词" in result.output, result.output
    with connection.cursor() as cursor:
        cursor.execute("SELECT query, total FROM catalog_search_counts")
        kept = dict(cursor.fetchall())
    assert kept["'预算':*\n"] == 6 and "'决算':*\n" not in kept  # one entry in seven
    assert search("预算").total == 6


def test_the_reindex_command_rebuilds_the_index(finance):
    publish(finance, "预算公开")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM catalog_search")
    assert search("预算").total == 0
    result = CliRunner().invoke(main, ["catalog", "reindex"])
    assert result.exit_code == 0 and "1 条" in result.output, result.output
    assert search("预算").total == 1
