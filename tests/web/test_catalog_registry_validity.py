"""A catalogue entry's 有效性 follows the registry: when the 规范性文件 it published is repealed
or lapses, the entry becomes 废止 / 失效 on that date, recorded in its history; when that event
is removed, it gets back what it had."""

from datetime import date

import pytest
from django.utils import translation

from gongkai.web.catalog import search, tally
from gongkai.web.catalog.listing import CatalogFilters
from gongkai.web.catalog.models import (
    DocumentKind,
    Entry,
    EventKind,
    NormativeDocument,
    NormativeEvent,
)
from gongkai.web.catalog.validity import acting_as
from gongkai.web.catalog.workflow import perform


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def entry(finance) -> Entry:
    return Entry.objects.create(
        agency=finance, title="关于印发《青山县政府采购内部控制管理办法》的通知", state="published",
        doc_no="青财发〔2021〕3号", generated_on=date(2021, 2, 26), published_on=date(2021, 3, 1),
        index_no="QS-CZJ-2021-003", body="为加强政府采购活动内部控制管理……",
    )  # fmt: skip


@pytest.fixture
def document(entry) -> NormativeDocument:
    return NormativeDocument.objects.create(
        agency=entry.agency, kind=DocumentKind.NORMATIVE, title=entry.title, entry=entry,
        doc_no=entry.doc_no, issued_on=date(2021, 2, 26), published_on=date(2021, 3, 1),
    )  # fmt: skip


def happen(document, kind, on, **fields) -> NormativeEvent:
    return NormativeEvent.objects.create(document=document, kind=kind, on=on, **fields)


def validity_of(entry) -> tuple:
    entry.refresh_from_db()
    return entry.validity, entry.validity_changed_on


def registry_steps(entry) -> list[tuple]:
    return list(entry.events.filter(action__startswith="registry").values_list(
        "action", "comment", "actor__username"))  # fmt: skip


def test_repealing_the_document_repeals_its_entry_from_that_day(entry, document, dave):
    with acting_as(dave):
        happen(document, EventKind.REPEALED, date(2025, 3, 1), doc_no="青财发〔2025〕2号")

    assert validity_of(entry) == ("repealed", date(2025, 3, 1))
    assert registry_steps(entry) == [(
        "registry_ended",
        "《关于印发《青山县政府采购内部控制管理办法》的通知》（青财发〔2021〕3号）"
        "于2025-03-01废止，依据青财发〔2025〕2号",
        "dave",
    )]  # fmt: skip
    step = entry.events.get(action="registry_ended")
    assert step.action_label == "有效性变更：文件已废止或失效"
    assert step.changes == {"validity": ["valid", "repealed"],
                            "validity_changed_on": [None, "2025-03-01"]}  # fmt: skip


def test_the_catalogue_and_search_see_the_new_validity(entry, document):
    happen(document, EventKind.LAPSED, date(2024, 2, 26))

    assert validity_of(entry) == ("expired", date(2024, 2, 26))
    assert tally.count(CatalogFilters(validity="expired")) == 1
    assert tally.count(CatalogFilters(validity="valid")) == 0
    assert [r.entry for r in search.search("内部控制", validity="expired").results] == [entry]
    assert search.search("内部控制", validity="valid").total == 0


def test_removing_the_event_restores_the_entry(entry, document):
    repeal = happen(document, EventKind.REPEALED, date(2025, 3, 1))
    repeal.delete()

    assert validity_of(entry) == ("valid", None)
    assert [step[0] for step in registry_steps(entry)] == ["registry_ended", "registry_restored"]
    assert entry.events.get(action="registry_restored").action_label == (
        "有效性恢复：登记中已无废止或失效记录"
    )


def test_correcting_the_date_moves_it_and_removal_still_restores_the_original(entry, document):
    repeal = happen(document, EventKind.REPEALED, date(2025, 3, 1))
    repeal.on = date(2025, 4, 1)
    repeal.save()
    assert validity_of(entry) == ("repealed", date(2025, 4, 1))

    repeal.delete()
    assert validity_of(entry) == ("valid", None)


def test_an_amendment_leaves_the_validity_alone(entry, document):
    happen(document, EventKind.AMENDED, date(2023, 6, 1))
    assert validity_of(entry) == ("valid", None) and registry_steps(entry) == []


def test_an_entry_marked_by_hand_gets_its_own_marking_back(entry, document, frank):
    perform(entry, "change_validity", frank, validity="expired", on=date(2024, 12, 31))
    repeal = happen(document, EventKind.REPEALED, date(2025, 3, 1))
    assert validity_of(entry) == ("repealed", date(2025, 3, 1))

    repeal.delete()
    assert validity_of(entry) == ("expired", date(2024, 12, 31))


def test_a_change_made_since_is_not_undone(entry, document, frank):
    repeal = happen(document, EventKind.REPEALED, date(2025, 3, 1))
    perform(entry, "change_validity", frank, validity="expired", on=date(2025, 5, 1))

    repeal.delete()
    assert validity_of(entry) == ("expired", date(2025, 5, 1))


def test_linking_an_ended_document_changes_the_entry_and_unlinking_restores_it(entry, finance):
    document = NormativeDocument.objects.create(
        agency=finance, kind=DocumentKind.NORMATIVE, title="采购内控办法",
        issued_on=date(2021, 2, 26),
    )  # fmt: skip
    happen(document, EventKind.LAPSED, date(2024, 2, 26))
    assert validity_of(entry) == ("valid", None)

    document.entry = entry
    document.save()
    assert validity_of(entry) == ("expired", date(2024, 2, 26))

    document.entry = None
    document.save()
    assert validity_of(entry) == ("valid", None)


def test_deleting_the_document_restores_the_entry(entry, document):
    happen(document, EventKind.REPEALED, date(2025, 3, 1))
    document.delete()
    assert validity_of(entry) == ("valid", None)


def test_a_repeal_recorded_in_the_admin_names_who_recorded_it(client, entry, document, dave):
    client.force_login(dave)
    page = f"/admin/catalog/normativedocument/{document.pk}/change/"
    form = {
        "agency": document.agency_id, "kind": document.kind, "title": document.title,
        "doc_no": document.doc_no, "issued_on": "2021-02-26", "published_on": "2021-03-01",
        "effective_on": "", "entry": entry.pk,
        "events-TOTAL_FORMS": "1", "events-INITIAL_FORMS": "0",
        "events-MIN_NUM_FORMS": "0", "events-MAX_NUM_FORMS": "1000",
        "events-0-kind": "repealed", "events-0-on": "2025-03-01",
        "events-0-doc_no": "青财发〔2025〕2号", "events-0-note": "",
    }  # fmt: skip
    response = client.post(page, form)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert validity_of(entry) == ("repealed", date(2025, 3, 1))
    assert registry_steps(entry)[0][2] == "dave"
