"""索引号 stay unique and gapless when many entries are published at the same moment."""

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from django.db import connection, connections
from django.utils import timezone

from gongkai.web.catalog.models.entries import ApprovalStep, Entry, EntryState
from gongkai.web.catalog.workflow import perform

ENTRIES = 24


@pytest.mark.django_db(transaction=True)
def test_concurrent_publications_get_unique_consecutive_index_numbers(finance, erin):
    ApprovalStep.objects.create(agency=finance, position=0, label="主要领导", role="head")
    pending = [
        Entry.objects.create(
            agency=finance,
            title=f"第{n}号通知",
            generated_on=date(2026, 11, 2),
            state=EntryState.IN_APPROVAL,
        )
        for n in range(ENTRIES)
    ]

    def approve(entry):
        try:
            return perform(entry, "approve", erin).index_no
        finally:
            connections.close_all()  # each worker thread has its own connection

    with ThreadPoolExecutor(8) as pool:
        numbers = list(pool.map(approve, pending))
    year = timezone.localdate().year
    assert sorted(numbers) == [f"{finance.code}/{year}-{n:05d}" for n in range(1, ENTRIES + 1)]
    assert connection.vendor in {"sqlite", "postgresql"}


@pytest.mark.django_db(transaction=True)
def test_search_counts_stay_exact_while_entries_are_published_and_withdrawn_at_once(
    finance, every_count_kept
):
    from gongkai.web.catalog.search import search

    published = date(2026, 11, 2)
    dates = {"generated_on": published, "published_on": published, "state": EntryState.PUBLISHED}
    existing = [Entry.objects.create(agency=finance, title=f"预算公开第{n}号", **dates)
                for n in range(10)]  # fmt: skip
    assert search("预算").total == 10

    def change(n: int) -> int:
        try:
            if n % 3 == 0:
                Entry.objects.filter(pk=existing[n // 3].pk).update(state=EntryState.WITHDRAWN)
            else:
                Entry.objects.create(agency=finance, title=f"部门预算第{n}号", **dates)
            return search("预算").total  # counted while others change the index
        finally:
            connections.close_all()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(change, range(24)))
    exact = Entry.objects.filter(state=EntryState.PUBLISHED, title__contains="预算").count()
    assert exact == 10 - 8 + 16
    assert search("预算").total == exact
