"""The history of a reconsideration or lawsuit is append-only, in the database itself: not
even a bulk query can rewrite or remove it (SQLite and PostgreSQL triggers)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from gongkai.web.appeals import workflow
from gongkai.web.appeals.models import AppealEvent


@pytest.fixture
def case(finance, alice):
    fields = {"kind": "review", "appellant": "王小明", "filed_on": date(2025, 3, 3),
              "body": "青山县人民政府", "matter": "对答复不服"}  # fmt: skip
    return workflow.register(finance, fields, alice)


def test_the_history_cannot_be_changed_or_deleted_even_in_bulk(case):
    with pytest.raises(DatabaseError), transaction.atomic():
        AppealEvent.objects.all().update(note="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic():
        AppealEvent.objects.all().delete()
    assert case.events.get().note == ""


def test_an_event_refuses_to_be_saved_again_or_deleted(case):
    event = case.events.get()
    event.note = "rewritten"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    assert case.events.get().note == ""


@pytest.mark.django_db(transaction=True)
def test_the_history_of_a_transactional_test_is_emptied_afterwards(finance, alice):
    """The test harness lifts the SQLite DELETE trigger only to empty the tables."""
    fields = {"kind": "direct", "appellant": "王小明", "filed_on": date(2025, 3, 3),
              "body": "青山县人民法院", "matter": "请求判令公开"}  # fmt: skip
    workflow.register(finance, fields, alice)
    with pytest.raises(DatabaseError):
        AppealEvent.objects.all().delete()
    assert AppealEvent.objects.count() == 1
