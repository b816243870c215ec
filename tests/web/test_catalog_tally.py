"""The 目录's total and its list of years come from counts kept by database triggers: they
change the moment an entry is published, withdrawn or changed, and match the entries exactly
whatever changed them — without the 目录 counting a million rows on every request."""

import itertools
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gongkai.web.catalog import tally
from gongkai.web.catalog.listing import CatalogFilters, public_entries
from gongkai.web.catalog.models import Entry, EntryTally, SubjectCategory
from gongkai.web.catalog.services import create_draft, ensure_chain
from gongkai.web.catalog.workflow import perform


@pytest.fixture
def new_year(monkeypatch):
    pinned = date(2027, 1, 5)
    monkeypatch.setattr(timezone, "localdate", lambda *args: pinned)
    return pinned


def published(agency, title, on=date(2026, 11, 10), **fields) -> Entry:
    return Entry.objects.create(agency=agency, title=title, state="published",
                                generated_on=on, published_on=on, **fields)  # fmt: skip


def publish(agency, clerk, approver, title) -> Entry:
    """Through the whole chain: review, then every approval step (the superuser stands in)."""
    ensure_chain(agency)
    entry = create_draft(agency, clerk, title=title, generated_on=date(2026, 12, 28))
    perform(entry, "submit", clerk)
    perform(entry, "review", approver, passed=True, disclosure_mode="proactive")
    for _step in agency.approval_steps.all():
        entry = perform(entry, "approve", approver)
    return entry


def caption(client, **params) -> str:
    html = client.get("/catalog/", params).content.decode()
    return html.split("<caption>")[1].split("</caption>")[0]


def test_publishing_adds_the_year_and_the_entry_to_the_total_at_once(
    client, finance, alice, frank, new_year
):
    published(finance, "青山县2026年县级预算公开")
    assert (tally.years(), caption(client)) == ([2026], "共 1 条")

    entry = publish(finance, alice, frank, "青山县2027年县级预算公开")

    assert entry.state == "published" and entry.published_on == new_year
    assert tally.years() == [2027, 2026]
    assert caption(client) == "共 2 条" and caption(client, year=2027) == "共 1 条"
    assert (
        '<option value="2027" selected>2027</option>'
        in client.get("/catalog/", {"year": 2027}).content.decode()
    )


def test_withdrawing_takes_the_entry_and_its_year_out_at_once(
    client, finance, alice, frank, new_year
):
    published(finance, "青山县2026年县级预算公开")
    entry = publish(finance, alice, frank, "青山县2027年县级预算公开")

    perform(entry, "withdraw", frank, comment="数据有误，撤回")

    assert tally.years() == [2026]
    assert caption(client) == "共 1 条" and caption(client, year=2027) == "共 0 条"


def test_marking_an_entry_repealed_moves_it_between_the_validity_filters(client, finance, frank):
    entry = published(finance, "关于调整收费项目的通知")
    perform(entry, "change_validity", frank, validity="repealed", on=date(2026, 11, 20))
    assert caption(client, validity="valid") == "共 0 条"
    assert caption(client, validity="repealed") == "共 1 条"


def test_the_counts_match_the_entries_for_every_filter_whatever_changed_them(
    finance, land, treasury, county
):
    budget = SubjectCategory.objects.get(name="财政、金融、审计", agency=None)
    entries = [published(finance, f"通知{n}", on=date(2020 + n % 3, 5, 1), article20_item=n % 4,
                         subject=budget if n % 2 else None) for n in range(12)]  # fmt: skip
    published(land, "征收公告", disclosure_mode="withheld", withheld_reason="涉及个人隐私")
    Entry.objects.create(agency=land, title="草稿", generated_on=date(2026, 1, 1))
    Entry.objects.bulk_create([Entry(agency=treasury, title=f"国库{n}", state="published",
                                     generated_on=date(2021, 1, 1),
                                     published_on=date(2021, 1, 1)) for n in range(3)])  # fmt: skip
    entries[0].agency = land  # moved to another agency
    entries[0].save()
    entries[1].delete()
    Entry.objects.filter(pk=entries[2].pk).update(validity="expired")
    Entry.objects.filter(pk=entries[3].pk).update(disclosure_mode="withheld")
    Entry.objects.filter(pk=entries[4].pk).update(published_on=None)
    entries[5].title = "改了标题"  # nothing counted changes
    entries[5].save()

    for filters in every_filter(county, finance, land, treasury, budget):
        assert tally.count(filters) == filters.apply(public_entries()).count(), filters
    assert tally.years() == sorted(
        {d.year for d in public_entries().dates("published_on", "year")}, reverse=True
    )


def every_filter(*agencies_and_subject):
    *agencies, subject = agencies_and_subject
    for agency, subject_id, item, year, validity in itertools.product(
        [None, *agencies], [None, subject.pk], [None, 0, 1], [None, 2020, 2021, 2026],
        [None, "valid", "expired"],
    ):  # fmt: skip
        yield CatalogFilters(agency, subject_id, item, year, validity)


def test_recounting_gives_what_the_triggers_kept(finance, land):
    for n in range(5):
        published(finance if n % 2 else land, f"通知{n}", on=date(2024 + n % 2, 3, 1))
    kept = set(EntryTally.objects.filter(entries__gt=0).values_list(
        "agency", "year", "subject", "item", "validity", "entries"))  # fmt: skip
    assert tally.recount() == 5
    assert set(EntryTally.objects.values_list(
        "agency", "year", "subject", "item", "validity", "entries")) == kept  # fmt: skip


def test_the_catalogue_page_neither_counts_nor_scans_the_entries(client, finance, land):
    for n in range(30):
        published(finance if n % 3 else land, f"通知{n}", on=date(2020 + n % 7, 6, 1))
    for params in [{}, {"page": 2}, {"agency": finance.code}, {"year": 2023},
                   {"validity": "valid", "item": 0}]:  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/catalog/", params).status_code == 200
        on_entries = [q["sql"] for q in queries if 'FROM "catalog_entry"' in q["sql"]]
        assert len(on_entries) == 1 and " LIMIT " in on_entries[0], on_entries
        assert "COUNT(" not in on_entries[0] and "DISTINCT" not in on_entries[0]


def test_an_unknown_agency_or_subject_finds_nothing(client, finance):
    published(finance, "通知")
    assert caption(client, agency="nobody") == "共 0 条"
    assert caption(client, subject="x") == "共 0 条"


def test_the_counting_triggers_survive_every_migration(db):
    # A migration that rebuilds catalog_entry (SQLite remakes tables to alter a column) would
    # drop them silently, and the 目录's totals would stop following the entries.
    with connection.cursor() as cursor:
        cursor.execute(TRIGGERS_OF_ENTRY[connection.vendor])
        names = {name for (name,) in cursor.fetchall() if name.startswith("catalog_tally_")}
    if connection.vendor == "sqlite":
        assert names == {f"catalog_tally_{n}" for n in ("inserted", "deleted", "left", "joined")}
    else:
        assert names == {"catalog_tally_follow"}


TRIGGERS_OF_ENTRY = {
    "sqlite": "SELECT name FROM sqlite_master WHERE tbl_name = 'catalog_entry'",
    "postgresql": "SELECT tgname FROM pg_trigger WHERE tgrelid = 'catalog_entry'::regclass",
}


def test_the_command_recounts(finance):
    from click.testing import CliRunner

    from gongkai.cli import main

    published(finance, "通知")
    EntryTally.objects.all().delete()
    result = CliRunner().invoke(main, ["catalog", "recount"])
    assert result.exit_code == 0 and "共 1 条" in result.output
    assert tally.count(CatalogFilters()) == 1
