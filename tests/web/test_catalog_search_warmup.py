"""Common words are counted ahead of their first search, from a sample, on both databases."""

from datetime import date

import pytest
from click.testing import CliRunner
from django.db import connection

from gongkai.cli import main
from gongkai.web.catalog.models.entries import Entry, EntryState
from gongkai.web.catalog.search import search
from gongkai.web.catalog.search_backends import postgresql_warmup, warmup
from gongkai.web.catalog.search_backends import sqlite as sqlite_backend
from gongkai.web.catalog.search_backends.tokens import tokens
from gongkai.web.catalog.search_backends.warmup import common_words


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


def test_warming_keeps_the_counts_of_the_common_words(finance, monkeypatch):
    monkeypatch.setattr(warmup, "WARM_FROM", 0.5)  # in at least 0.35 of the entries
    monkeypatch.setattr(warmup, "SAMPLE", 10)  # the seven entries are enough of a sample
    for n in range(6):
        publish(finance, f"预算公开第{n}号")
    publish(finance, "决算")
    result = CliRunner().invoke(main, ["catalog", "warm-search"])
    assert result.exit_code == 0 and "个常用词" in result.output, result.output
    with connection.cursor() as cursor:
        cursor.execute("SELECT total FROM catalog_search_counts")
        kept = [total for (total,) in cursor.fetchall()]
        # 算 is in all seven, 预算公开 and 第 in six; 决算 and each number in one only
        assert sorted(set(kept)) == [6, 7] and len(kept) > 10
        cursor.execute("UPDATE catalog_search_counts SET total = total + 100")
    assert search("预算").total == 106  # the kept count is what a search reads


def test_a_catalogue_smaller_than_half_the_sample_warms_nothing(finance, monkeypatch):
    monkeypatch.setattr(warmup, "SAMPLE", 16)
    for n in range(7):
        publish(finance, f"预算公开第{n}号")
    assert warmed() == 0
    publish(finance, "预算公开第7号")  # eight: half the sample
    assert warmed() > 0


def warmed() -> int:
    output = CliRunner().invoke(main, ["catalog", "warm-search"]).output
    return int(output.removeprefix("已预先统计 ").split()[0])


def test_the_sample_reads_back_the_text_of_the_entries(finance):
    publish(finance, "关于2024年部门预算的通知", body="全文第一行\n第二行 PDF")
    sampler = {"sqlite": sqlite_backend, "postgresql": postgresql_warmup}[connection.vendor]
    (text,) = sampler.sample_texts()
    lines = [tokens(line) for line in text.split("\n")]
    assert tokens("关于2024年部门预算的通知") in lines
    assert tokens("全文第一行") in lines or tokens("全文第一行 第二行 PDF") in lines


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite draws entries by id")
def test_on_sqlite_the_sample_is_drawn_from_every_part_of_the_index(finance):
    for n in range(40):
        publish(finance, f"第{n}号通知")
    drawn = sqlite_backend.sample_texts(size=10)
    numbers = sorted(int("".join(t for t in tokens(text) if t.isdigit())) for text in drawn)
    assert len(drawn) == 10 and numbers[0] < 20 <= numbers[-1], numbers


def test_the_reindex_command_rebuilds_the_index(finance):
    publish(finance, "预算公开")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM catalog_search")
    assert search("预算").total == 0
    result = CliRunner().invoke(main, ["catalog", "reindex"])
    assert result.exit_code == 0 and "1 条" in result.output, result.output
    assert search("预算").total == 1
