"""Validation gives precise problems instead of exceptions; only input that is no report at
all is refused, with a one-line reason."""

import pytest

from gongkai.report import ReportError, load_report, validate
from gongkai.report.model import Report


def document(generation="C", year=2022, **cells):
    return {"format": "gongkai.report/1", "generation": generation, "year": year, "cells": cells}


def codes(problems):
    return [(p.code, p.path) for p in problems]


def test_a_valid_document_has_no_problems():
    assert validate(document(**{"s3.new.natural": 3, "s2.fees.amount": 0.5})) == []


def test_it_names_a_key_that_belongs_to_another_generation():
    (problem,) = validate(document(**{"s2.procurement.amount": 1}))
    assert (problem.code, problem.path) == ("unknown_key", "cells.s2.procurement.amount")
    assert problem.message_en == (
        "generation C has no cell s2.procurement.amount; it belongs to generation B"
    )
    assert not problem.fatal


def test_it_reports_a_made_up_key():
    (problem,) = validate(document(**{"s3.new.aliens": 1}))
    assert problem.message_en == "generation C has no cell s3.new.aliens"


def test_it_reports_values_of_the_wrong_kind():
    problems = validate(
        document(**{"s3.new.natural": "12", "s3.new.legal": 1.5, "s3.new.other": True})
    )
    assert codes(problems) == [
        ("unreadable", "cells.s3.new.natural"),
        ("wrong_kind", "cells.s3.new.legal"),
        ("unreadable", "cells.s3.new.other"),
    ]


def test_it_reports_a_negative_count_but_accepts_a_negative_change():
    assert codes(validate(document("B", 2020, **{"s2.licensing.change": -3}))) == []
    assert codes(validate(document("B", 2020, **{"s2.licensing.prev_items": -3}))) == [
        ("negative", "cells.s2.licensing.prev_items")
    ]


def test_narrative_figures_may_use_generation_a_topic_keys():
    data = document() | {"narrative": {"requests.received": 5, "s3.new.total": 5}}
    assert validate(data) == []
    data["narrative"]["made.up"] = 1
    assert codes(validate(data)) == [("unknown_key", "narrative.made.up")]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"format": "gongkai.report/2"}, "bad_format"),
        ({"generation": "D"}, "bad_generation"),
        ({"year": "2022"}, "bad_year"),
        ({"year": 2005}, "bad_year"),
    ],
)
def test_a_document_that_is_no_report_is_refused(changes, code):
    data = document() | changes
    assert [p.code for p in validate(data) if p.fatal] == [code]
    with pytest.raises(ReportError, match=code.removeprefix("bad_")):
        load_report(data)


def test_a_list_is_not_a_report():
    (problem,) = validate([1, 2])
    assert problem.fatal and problem.code == "not_an_object"


def test_malformed_fields_are_named():
    data = document() | {
        "published_on": "2023-1-20",
        "extra": [{"value": 3}],
        "findings": [{"rule": "B3-1", "severity": "fatal"}],
        "sections": [],
        "colour": "red",
    }
    assert sorted(codes(validate(data))) == [
        ("bad_extra", "extra[0]"),
        ("bad_field", "published_on"),
        ("bad_field", "sections"),
        ("bad_finding", "findings[0]"),
        ("unknown_field", "colour"),
    ]


def test_loading_keeps_the_problems_and_blanks_the_unreadable_value():
    report = load_report(document(**{"s3.new.natural": "十二"}))
    assert report.is_blank("s3.new.natural")
    assert [p.code for p in report.problems] == ["unreadable"]


def test_text_that_is_not_json_is_refused_with_its_position():
    with pytest.raises(ReportError, match=r"not valid JSON: .*line 1 column"):
        Report.from_json("{not json")


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(ReportError, match="cannot read"):
        load_report(tmp_path / "missing.json")
