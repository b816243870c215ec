"""Every cell of a parsed report says how it was read (docs/REPORT-JSON.md `confidence`), and
the field travels through the JSON without disturbing readers that do not use it."""

import json
import random

from tests.report.parse.consistent_figures import (
    CAPTION,
    HEADER_LINES,
    cells_text,
    consistent_figures,
    matrix_lines,
    printed_rows,
    report_text,
)

from gongkai.report.model import AMBIGUOUS, INFERRED, PRINTED, Report
from gongkai.report.parse import parse_report
from gongkai.report.validation import validate


def test_a_parsed_report_gives_the_confidence_of_every_cell():
    values = consistent_figures("C", random.Random(11))
    report = parse_report(report_text("C", 2022, matrix_lines("C", values)).encode(), "r.txt")
    document = json.loads(report.to_json())
    assert set(document["confidence"]) == set(document["cells"])
    assert set(document["confidence"].values()) == {PRINTED}


def test_the_three_levels_come_back_from_the_json():
    values = consistent_figures("C", random.Random(12))
    rows = printed_rows("C", values)
    lines = [CAPTION, *HEADER_LINES, *(label for label, _ in rows)]
    lines += [cells_text(figures) for _, figures in rows]  # labels first, then figure rows
    lines += ["第二十条第（一）项", "规章3112"]  # glued with more than one cut
    report = parse_report(report_text("C", 2022, lines).encode(), "r.txt")
    again = Report.from_json(report.to_json())
    assert again.confidence_of("s3.new.total") == INFERRED
    assert again.confidence_of("s2.regulations.issued") == AMBIGUOUS
    assert again.cells["s2.regulations.issued"] is None
    assert again.confidence == report.confidence
    assert not [p for p in validate(json.loads(report.to_json())) if p.path == "confidence"]


def test_a_report_without_the_field_was_read_as_printed_and_stays_without_it():
    document = {
        "format": "gongkai.report/1",
        "generation": "C",
        "year": 2022,
        "cells": {"s3.new.total": 3, "s3.carried.total": None},
    }
    report = Report.from_dict(document)
    assert report.confidence_of("s3.new.total") == PRINTED
    assert "confidence" not in report.to_dict()
    assert validate(document) == []


def test_an_unknown_level_reads_as_unstated():
    document = {
        "format": "gongkai.report/1",
        "generation": "C",
        "year": 2022,
        "cells": {"s3.new.total": 3},
        "confidence": {"s3.new.total": "guessed"},
    }
    assert Report.from_dict(document).confidence_of("s3.new.total") == PRINTED
