"""Import of yearly section-二 figures from CSV or XLSX, all or nothing.

The file has one figure per row under the headers 机关代码 or 机关名称, 年度, 指标 (a canonical
key of spec/cells.csv or its Chinese label) and 数值. Every row is checked first; if any row
is wrong the result lists each problem with its row number and nothing is imported.
"""

import codecs
import csv
import io
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.report.aliases import normalise_label
from gongkai.report.arithmetic import yuan_to_wan
from gongkai.report.formats import GENERATIONS, Kind, generation_for_year
from gongkai.report.parse import limits
from gongkai.statute.agency_codes import normalize_code
from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import Action
from gongkai.web.catalog.models.registry import (
    FIRST_SECTION_TWO_YEAR,
    FigureSource,
    figure_problem,
    registry_key,
)
from gongkai.web.catalog.registry import Change, store_figure

# Column -> the headers that name it (compared after NFKC and without spaces).
HEADERS: dict[str, tuple[str, ...]] = {
    "agency_code": ("机关代码", "统一社会信用代码", "agency_code"),
    "agency_name": ("机关名称", "agency_name", "agency"),
    "year": ("年度", "year"),
    "key": ("指标", "key"),
    "value": ("数值", "value"),
}
# Columns that must be present; a tuple names alternatives, one of which must be.
REQUIRED = (("agency_code", "agency_name"), "year", "key", "value")
DECIMAL_PLACES = 4  # 万元 to the 元


@dataclass(frozen=True)
class RowError:
    row: int | None  # the row number as the spreadsheet shows it; None: the whole file
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ImportResult:
    file_name: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class FigureRow:
    number: int
    agency: Agency
    year: int
    key: str
    value: Decimal


class UnreadableFile(Exception):
    pass


def import_yearly_figures(file, user) -> ImportResult:
    """Import every row of `file` (CSV or XLSX) for `user`, or nothing if any row is wrong."""
    result = ImportResult(Path(getattr(file, "name", "") or "upload").name)
    try:
        header, rows = read_table(file.read())
        columns = header_columns(header, HEADERS, REQUIRED)
    except UnreadableFile as error:
        result.errors.append(RowError(None, str(error)))
        return result
    result.rows = len(rows)
    figures, result.errors = check_rows(rows, columns, user)
    if result.errors:
        return result
    changes = Counter()
    with transaction.atomic():
        for figure in figures:
            provenance = f"{result.file_name}:{figure.number}"
            changes[store_figure(figure.agency, figure.year, figure.key, figure.value, user,
                                 FigureSource.IMPORTED, provenance)] += 1  # fmt: skip
    result.created, result.updated = changes[Change.CREATED], changes[Change.UPDATED]
    result.unchanged = changes[Change.UNCHANGED]
    return result


def read_table(data: bytes) -> tuple[list, list[tuple[int, list]]]:
    """The header row and the non-blank data rows, each with its row number."""
    lines = read_xlsx(data) if data[:2] == b"PK" else read_csv(data)
    numbered = [(n, row) for n, row in enumerate(lines, start=1) if any(blank(c) is not None
                                                                         for c in row)]  # fmt: skip
    if not numbered:
        raise UnreadableFile(_("The file is empty."))
    return numbered[0][1], numbered[1:]


def read_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        limits.open_archive(data, "Excel")  # a zip bomb is refused before openpyxl inflates it
    except limits.TooCostly:
        raise UnreadableFile(
            _("The workbook would expand far beyond its size when opened (a possible zip bomb).")
        ) from None
    except limits.UnreadableSource as error:
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from error
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFile(_("The file is not a readable XLSX workbook.")) from error
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def read_csv(data: bytes) -> list[list]:
    # Excel in Chinese saves CSV as GB18030 (GBK), and "Unicode text" as UTF-16 with a
    # byte-order mark and tabs between the cells; everything else writes UTF-8.
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text)))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text)))
    raise UnreadableFile(_("The file is neither XLSX nor a CSV text in UTF-8 or GB18030."))


def delimiter_of(text: str) -> str:
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","


def blank(cell) -> object:
    """The cell, or None when it is empty."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    return cell


def compact(text) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


def header_columns(header: list, headers: dict, required: tuple) -> dict[str, int]:
    """Column -> its position, for the header row of a file (names as in `headers`)."""
    names = {compact(alias).lower(): column for column, aliases in headers.items()
             for alias in aliases}  # fmt: skip
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = names.get(compact(cell or "").lower())
        if column and column not in columns:
            columns[column] = index
    missing = []
    for wanted in required:
        alternatives = wanted if isinstance(wanted, tuple) else (wanted,)
        if not columns.keys() & set(alternatives):
            missing.append("/".join(headers[column][0] for column in alternatives))
    if missing:
        raise UnreadableFile(_("Columns missing: %(columns)s.") % {"columns": "、".join(missing)})
    return columns


def check_rows(rows, columns: dict[str, int], user) -> tuple[list[FigureRow], list[RowError]]:
    agencies = AgencyFinder(user)
    figures: list[FigureRow] = []
    errors: list[RowError] = []
    seen: dict[tuple, int] = {}
    for number, row in rows:
        cells = {name: cell_at(row, index) for name, index in columns.items()}
        figure, problems = check_row(number, cells, agencies)
        errors += [RowError(number, problem) for problem in problems]
        if figure is None:
            continue
        identity = (figure.agency.pk, figure.year, figure.key)
        if identity in seen:
            errors.append(RowError(number, _("Repeats row %(row)s.") % {"row": seen[identity]}))
        seen.setdefault(identity, number)
        figures.append(figure)
    return figures, errors


def cell_at(row: list, index: int):
    return blank(row[index]) if index < len(row) else None


def check_row(number: int, cells: dict, agencies: "AgencyFinder"):
    problems = []
    agency, problem = agencies.find(cells.get("agency_code"), cells.get("agency_name"))
    problems += [problem] if problem else []
    year, problem = parse_year(cells["year"])
    problems += [problem] if problem else []
    key, problem = resolve_key(cells["key"], year)
    problems += [problem] if problem else []
    if year is None or key is None:
        return None, problems
    problem = figure_problem(key, year)  # a key of the other generation
    if problem:
        return None, [*problems, problem]
    value, problem = parse_value(cells["value"], key, year)
    problems += [problem] if problem else []
    if problems:
        return None, problems
    return FigureRow(number, agency, year, key, value), []


class AgencyFinder:
    """Agencies the user may enter figures for (or `agencies`, if given), by code or by name.
    Others look unknown, as everywhere else: an import cannot be used to probe for agencies."""

    def __init__(self, user, agencies=None):
        found = permissions.agencies_for(user, Action.MANAGE) if agencies is None else agencies
        self.agencies = list(found)

    def find(self, code, name) -> tuple[Agency | None, str | None]:
        if code is not None:
            wanted = normalize_code(str(code))
            found = [a for a in self.agencies if a.code == wanted]
            text = str(code).strip()
        elif name is not None:
            text = compact(name)
            found = [a for a in self.agencies if text in (compact(a.name), compact(a.short_name))]
        else:
            return None, _("Give the agency's code or name.")
        if len(found) > 1:
            return None, _("Several agencies are called %(name)s: use the code.") % {"name": text}
        if not found:
            return None, _("Unknown agency %(agency)s, or one you may not enter figures for.") % {
                "agency": text
            }
        return found[0], None


def parse_year(cell) -> tuple[int | None, str | None]:
    text = compact(cell or "").removesuffix("年").removesuffix(".0")
    if not text.isdigit():
        return None, _("The year %(year)s is not a year.") % {"year": cell or ""}
    year = int(text)
    if year < FIRST_SECTION_TWO_YEAR:
        return None, _("The year must be between %(first)s and this year.") % {
            "first": FIRST_SECTION_TWO_YEAR
        }
    return year, None


def resolve_key(cell, year: int | None) -> tuple[str | None, str | None]:
    """The canonical key that the 指标 cell names, by key or by the cells.csv label."""
    text = compact(cell or "")
    if not text:
        return None, _("The figure (指标) is empty.")
    generations = [generation_for_year(year).code] if year else ["C", "B"]
    others = [code for code in "BC" if code not in generations]
    for code in [*generations, *others]:
        key = text if text in section_two_labels(code).values() else None
        key = key or section_two_labels(code).get(normalise_label(text))
        if key and registry_key(key):
            return None, _("%(key)s is counted from the registry of documents, not entered.") % {
                "key": key
            }
        if key:
            return key, None  # of the other generation: figure_problem() says so
    return None, _("Unknown figure (指标) %(figure)s.") % {"figure": cell}


@cache
def section_two_labels(generation: str) -> dict[str, str]:
    """Normalised label -> key of every section-二 cell: with and without the table caption."""
    labels = {}
    for key, spec in GENERATIONS[generation].cells.items():
        if key.startswith("s2."):
            labels[normalise_label(spec.label)] = key
            labels[normalise_label(" ".join(spec.path[1:]))] = key
    return labels


def parse_value(cell, key: str, year: int) -> tuple[Decimal | None, str | None]:
    kind = GENERATIONS[generation_for_year(year).code].cells[key].kind
    if cell is None:
        return None, _("The value (数值) is empty.")
    try:
        value = to_decimal(cell, kind)
        if not value.is_finite():
            raise ValueError(cell)
    except (InvalidOperation, ValueError):
        return None, _("The value %(value)s is not a number.") % {"value": cell}
    if -value.as_tuple().exponent > DECIMAL_PLACES:  # type: ignore[operator]
        return None, _("The value %(value)s has more than four decimal places.") % {"value": cell}
    problem = figure_problem(key, year, value)
    return (None, problem) if problem else (value, None)


def to_decimal(cell, kind: Kind) -> Decimal:
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int | float | Decimal):
        return Decimal(str(cell))
    text = compact(cell).replace(",", "")
    if kind is Kind.DECIMAL and text.endswith("万元"):
        return Decimal(text.removesuffix("万元"))
    if kind is Kind.DECIMAL and text.endswith("元"):
        return yuan_to_wan(Decimal(text.removesuffix("元")))
    return Decimal(text.removesuffix("件").removesuffix("项"))
