"""The data dictionary of the open data, generated from the formats' data (report/formats):
what each column of the export means, and every key of every generation with its label,
unit and kind — so the dictionary cannot drift from what the parser reads."""

import csv
import io
from collections.abc import Iterator

from gongkai.report.formats import GENERATIONS

COLUMN_MEANINGS = (
    ("source", "导入的文件名 / the file the figure was read from"),
    ("agency", "机关名称（平台上的机关或外部机关）/ the agency"),
    ("region", "地区（由机关名称读出）/ the region, as its name begins"),
    ("level", "机关层级 / the agency's level"),
    ("year", "报告年度 / the year reported on"),
    ("generation", "报告格式：A（2014年格式）、B（2019年格式）、C（2021年格式）/ the format"),
    ("key", "单元格编码（见下表，spec/cells.csv）/ the cell's canonical key"),
    ("label", "表格中的名称 / the row and column as printed in the official table"),
    ("unit", "单位 / unit"),
    ("value", "数值；空白为未填写或无法识别；人工更正后为更正值 / the figure (corrected)"),
    (
        "confidence",
        "printed 按原文读取、inferred 推断、ambiguous 有歧义、corrected 人工更正、"
        "confirmed 人工确认 / how sure the reading is",
    ),
)
KEY_COLUMNS = ("generation", "key", "label", "unit", "kind", "table")


def key_rows() -> Iterator[tuple[str, ...]]:
    for code, generation in sorted(GENERATIONS.items()):
        for key, spec in generation.cells.items():
            yield code, key, spec.label, spec.unit or "", str(spec.kind), spec.table.title


def dictionary_csv() -> str:
    """Two parts in one CSV: the export's columns, then every key."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(("column", "meaning"))
    writer.writerows(COLUMN_MEANINGS)
    writer.writerow(())
    writer.writerow(KEY_COLUMNS)
    writer.writerows(key_rows())
    return buffer.getvalue()
