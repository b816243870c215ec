"""The open data: every figure of every imported report in long format, one row per figure —
the corrected value where a person corrected it — as CSV, XLSX, JSON Lines or Parquet.

Rows are read in chunks and written as they come, so memory stays flat over millions of
figures. Values are exact: integers for counts, decimals for amounts in 万元 (Parquet:
decimal128(18, 4), which DuckDB and pandas read as such).
"""

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, BinaryIO

from gongkai.report import jsonio
from gongkai.report.formats import GENERATIONS
from gongkai.web.intelligence.figures import as_number
from gongkai.web.intelligence.selection import Selection

COLUMNS = (
    "source",
    "agency",
    "region",
    "level",
    "year",
    "generation",
    "key",
    "label",
    "unit",
    "value",
    "confidence",
)
FORMATS = ("csv", "xlsx", "jsonl", "parquet")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}
CHUNK = 5000


def cell_label(generation: str, key: str) -> tuple[str, str]:
    """(label, unit) of a key: the report's own format, else generation A's prose topics."""
    spec = GENERATIONS[generation].cells.get(key) or GENERATIONS["A"].cells.get(key)
    return (spec.label, spec.unit or "") if spec else ("", "")


def rows(selection: Selection) -> Iterator[tuple]:
    figures = (
        selection.figures()
        .order_by("report_id", "id")
        .values_list(
            "report__source_name",
            "report__agency__name",
            "report__external__name",
            "report__agency_name",
            "report__region",
            "report__level",
            "year",
            "generation",
            "key",
            "value",
            "confidence",
        )
    )
    labels: dict[tuple[str, str], tuple[str, str]] = {}
    for (
        source,
        tree_name,
        external_name,
        printed,
        region,
        level,
        year,
        generation,
        key,
        value,
        confidence,
    ) in figures.iterator(chunk_size=CHUNK):
        if (generation, key) not in labels:
            labels[generation, key] = cell_label(generation, key)
        label, unit = labels[generation, key]
        agency = tree_name or external_name or printed
        yield (
            source,
            agency,
            region,
            level,
            year,
            generation,
            key,
            label,
            unit,
            as_number(value),
            confidence,
        )


def write(selection: Selection, fmt: str, output: BinaryIO) -> int:
    """Write the figures of the selection; returns how many rows."""
    return WRITERS[fmt](rows(selection), output)


def write_csv(data: Iterator[tuple], output: BinaryIO, columns: tuple = COLUMNS) -> int:
    text = io.TextIOWrapper(output, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(columns)
    count = 0
    for row in data:
        writer.writerow(["" if value is None else value for value in row])
        count += 1
    text.detach()
    return count


def write_jsonl(data: Iterator[tuple], output: BinaryIO) -> int:
    count = 0
    for row in data:
        count += 1
        output.write(
            (jsonio.dumps(dict(zip(COLUMNS, row, strict=True)), indent=None) + "\n").encode("utf-8")
        )
    return count


def write_xlsx(
    data: Iterator[tuple], output: BinaryIO, columns: tuple = COLUMNS, title: str = "figures"
) -> int:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(columns)
    count = 0
    for row in data:
        sheet.append(list(row))
        count += 1
    book.save(output)
    return count


def write_parquet(data: Iterator[tuple], output: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(pa)
    count = 0
    with pq.ParquetWriter(output, schema, compression="zstd") as writer:
        batch: list[tuple] = []
        for row in data:
            count += 1
            batch.append(row)
            if len(batch) == CHUNK:
                writer.write_table(parquet_table(pa, schema, batch))
                batch = []
        if batch or not count:
            writer.write_table(parquet_table(pa, schema, batch))
    return count


def parquet_schema(pa) -> Any:
    text = (
        "source",
        "agency",
        "region",
        "level",
        "generation",
        "key",
        "label",
        "unit",
        "confidence",
    )
    fields = [(name, pa.string()) for name in text]
    fields += [("year", pa.int16()), ("value", pa.decimal128(18, 4))]
    order = {name: index for index, name in enumerate(COLUMNS)}
    return pa.schema(sorted(fields, key=lambda field: order[field[0]]))


def parquet_table(pa, schema, batch: list[tuple]) -> Any:
    columns = list(zip(*batch, strict=True)) if batch else [[] for _ in COLUMNS]
    arrays = {name: list(values) for name, values in zip(COLUMNS, columns, strict=True)}
    arrays["value"] = [
        None if v is None else Decimal(v).quantize(Decimal("0.0001")) for v in arrays["value"]
    ]
    return pa.table(arrays, schema=schema)


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "jsonl": write_jsonl, "parquet": write_parquet}
