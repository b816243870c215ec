"""Every key of spec/cells.csv is defined with the same generation, label meaning, unit and
kind, and the formats define no other canonical key."""

import csv
import re
from pathlib import Path

import pytest

from gongkai.report import GENERATIONS
from gongkai.report.aliases import bare_label, row_labels

CELLS_CSV = Path(__file__).resolve().parents[1] / "fixtures" / "shared" / "spec" / "cells.csv"
ROWS = list(csv.DictReader(CELLS_CSV.open(encoding="utf-8")))


def csv_keys(generation: str) -> set[str]:
    return {row["key"] for row in ROWS if row["generation"] == generation}


@pytest.mark.parametrize("generation", ["A", "B", "C"])
def test_the_generation_defines_exactly_the_csv_keys(generation):
    assert set(GENERATIONS[generation].cells) == csv_keys(generation)


def test_the_csv_has_the_expected_number_of_cells():
    assert [len(csv_keys(g)) for g in "ABC"] == [72, 198, 200]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['generation']}:{row['key']}")
def test_each_cell_has_the_csv_unit_and_kind(row):
    spec = GENERATIONS[row["generation"]].cells[row["key"]]
    assert (spec.unit, str(spec.kind)) == (row["unit"], row["kind"])


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _label_texts(spec) -> list[str]:
    """The cell's label path, and the same path with each known alias of its rows."""
    ancestors = next(a for row, a in spec.table.walk() if row is spec.row)
    rows = (*ancestors, spec.row)
    aliases = [alias for row in rows for alias in row_labels(spec.table, row)[1:]]
    path = _compact(spec.label)
    return [path, *(path + _compact(alias) for alias in aliases)]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row['generation']}:{row['key']}")
def test_each_cell_label_says_what_the_csv_label_says(row):
    # The CSV writes labels as "row | column" or "caption row column"; each part, less a
    # trailing explanatory gloss, must appear in the format's label path or a row alias.
    spec = GENERATIONS[row["generation"]].cells[row["key"]]
    texts = _label_texts(spec)
    parts = [p for p in re.split(r"\s+\|\s+|\s+/\s+|\s+", row["label"]) if p]
    for part in parts:
        assert any(
            _compact(part) in text or _compact(bare_label(part)) in text for text in texts
        ), part
