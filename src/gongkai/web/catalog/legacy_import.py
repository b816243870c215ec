"""Import of an agency's existing 目录, exported from its old 政府网站 CMS as CSV or XLSX.

Each row becomes a published catalogue entry that keeps its old 索引号 exactly as written
(`11320100014142345W/2019-00012`, `000014349/2020-00045`, `QX-CZJ-2018-001`): the number
only has to be non-empty, printable, at most 50 characters and unique. 主题分类 and 体裁分类
are matched by name to the vocabularies; a name they do not have is an error unless the import
names a default for it. Every row is checked first; if any is wrong, nothing is imported.

Imported entries are indexed for search like any other (the save signals) and counted in the
目录 (the tally triggers). Whether they met 第二十六条 is not judged: they were published by
the old system. An imported number in the national scheme with the agency's own code moves
the agency's 索引号 counter past it, so that new numbers continue the old series.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.statute.index_numbers import parse_index_number
from gongkai.web.agencies import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import Action
from gongkai.web.catalog.imports import (
    AgencyFinder,
    ImportResult,
    RowError,
    UnreadableFile,
    cell_at,
    compact,
    header_columns,
    read_table,
)
from gongkai.web.catalog.models.entries import (
    DisclosureMode,
    Entry,
    EntryState,
    FormCategory,
    IndexCounter,
    SubjectCategory,
    Validity,
)
from gongkai.web.catalog.workflow import record

HEADERS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "index_no"),
    "title": ("名称", "标题", "信息名称", "title"),
    "published_on": ("发布日期", "公开日期", "published_on"),
    "generated_on": ("生成日期", "成文日期", "形成日期", "generated_on"),
    "doc_no": ("文号", "发文字号", "doc_no"),
    "subject": ("主题分类", "subject"),
    "form": ("体裁分类", "体裁", "form"),
    "validity": ("有效性", "validity"),
    "validity_changed_on": ("失效日期", "废止日期", "有效性变更日期", "validity_changed_on"),
    "keywords": ("关键词", "主题词", "keywords"),
    "summary": ("内容概述", "摘要", "summary"),
    "body": ("正文", "内容", "body"),
    "agency_code": ("发布机构代码", "机关代码", "agency_code"),
    "agency_name": ("发布机构", "机关名称", "agency_name"),
}
REQUIRED = ("index_no", "title", "published_on")
MAX_INDEX_NO = 50
LENGTHS = {"title": 300, "doc_no": 100, "keywords": 200}
# 有效性 as old systems write it; the first word found decides (现行有效 is 有效).
VALIDITY_WORDS = (("废止", Validity.REPEALED), ("失效", Validity.EXPIRED),
                  ("有效", Validity.VALID))  # fmt: skip
DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$")


@dataclass(frozen=True)
class Defaults:
    """What an unknown or empty 主题分类 / 体裁分类 becomes (None: unknown is an error)."""

    subject: SubjectCategory | None = None
    form: FormCategory | None = None


@dataclass(frozen=True)
class LegacyRow:
    number: int  # the row number as the spreadsheet shows it
    entry: Entry  # checked, not yet saved


@dataclass
class LegacyImport(ImportResult):
    entries: list[LegacyRow] = field(default_factory=list)


def check_legacy_catalog(data: bytes, file_name: str, agency: Agency, user=None,
                         defaults: Defaults = Defaults()) -> LegacyImport:  # fmt: skip
    """Read and check every row; the entries come back unsaved."""
    if user is not None:
        permissions.require(user, Action.MANAGE, agency)
    result = LegacyImport(Path(file_name or "upload").name)
    try:
        header, rows = read_table(data)
        columns = header_columns(header, HEADERS, REQUIRED)
    except UnreadableFile as error:
        result.errors.append(RowError(None, str(error)))
        return result
    result.rows = len(rows)
    checker = RowChecker(agency, user, defaults)
    for number, row in rows:
        cells = {name: cell_at(row, index) for name, index in columns.items()}
        entry, problems = checker.check(number, cells)
        result.errors += [RowError(number, problem) for problem in problems]
        if entry is not None:
            result.entries.append(LegacyRow(number, entry))
    result.errors += taken_numbers(result.entries)
    result.errors.sort(key=lambda error: error.row or 0)
    return result


def import_legacy_catalog(data: bytes, file_name: str, agency: Agency, user=None,
                          defaults: Defaults = Defaults()) -> LegacyImport:  # fmt: skip
    """Check every row, then import them all as published entries — or none."""
    result = check_legacy_catalog(data, file_name, agency, user, defaults)
    if not result.ok:
        return result
    try:
        with transaction.atomic():
            for row in result.entries:
                save_imported(row.entry, user, f"{result.file_name} 第{row.number}行")
            continue_counters([row.entry for row in result.entries])
    except IntegrityError:  # someone used one of the numbers meanwhile
        result.errors = taken_numbers(result.entries)
        result.errors = result.errors or [RowError(None, _("The import failed; try again."))]
        return result
    result.created = len(result.entries)
    return result


class RowChecker:
    def __init__(self, agency: Agency, user, defaults: Defaults):
        subtree = Agency.objects.filter(path__startswith=agency.path)
        allowed = subtree if user is None else permissions.agencies_for(user, Action.MANAGE)
        self.agency, self.defaults = agency, defaults
        self.finder = AgencyFinder(user, agencies=allowed.filter(path__startswith=agency.path))
        self.rows_of: dict[str, int] = {}  # 索引号 -> the first row that has it
        self.vocabularies: dict[tuple, dict[str, object]] = {}

    def check(self, number: int, cells: dict) -> tuple[Entry | None, list[str]]:
        problems: list[str] = []
        agency = self.agency
        if cells.get("agency_code") is not None or cells.get("agency_name") is not None:
            agency, problem = self.finder.find(cells.get("agency_code"), cells.get("agency_name"))
            problems += [problem] if problem else []
        index_no, problem = self.index_number(number, cells["index_no"])
        problems += [problem] if problem else []
        fields, more = entry_fields(cells)
        problems += more
        for name, model in (("subject", SubjectCategory), ("form", FormCategory)):
            if agency is not None:
                fields[name], problem = self.term(model, agency, cells.get(name), name)
                problems += [problem] if problem else []
        if problems:
            return None, problems
        entry = Entry(agency=agency, index_no=index_no, index_imported=True, **fields,
                      state=EntryState.PUBLISHED,
                      disclosure_mode=DisclosureMode.PROACTIVE)  # fmt: skip
        return entry, []

    def index_number(self, number: int, cell) -> tuple[str | None, str | None]:
        text = plain(cell)
        if not text:
            return None, _("The index number (索引号) is empty.")
        if len(text) > MAX_INDEX_NO:
            return None, _("The index number %(number)s is longer than %(max)s characters.") % {
                "number": text, "max": MAX_INDEX_NO}  # fmt: skip
        if not printable(text):
            return None, _("The index number %(number)s contains control characters.") % {
                "number": visible(text)}  # fmt: skip
        if text in self.rows_of:
            return None, _("The index number %(number)s repeats row %(row)s.") % {
                "number": text, "row": self.rows_of[text]}  # fmt: skip
        self.rows_of[text] = number
        return text, None

    def term(self, model, agency: Agency, cell, name: str):
        """The vocabulary term a cell names (the national list or the agency's own terms)."""
        key = (model, agency.pk)
        if key not in self.vocabularies:
            terms = model.objects.filter(Q(agency=None) | Q(agency=agency))
            self.vocabularies[key] = {compact(term.name): term for term in terms}
        default = getattr(self.defaults, name)
        text = plain(cell)
        if not text:
            return default, None
        found = self.vocabularies[key].get(compact(text)) or default
        if found is None:
            label = _("subject category (主题分类)") if name == "subject" else _(
                "form category (体裁分类)")  # fmt: skip
            return None, _("Unknown %(vocabulary)s %(name)s.") % {"vocabulary": label,
                                                                  "name": text}  # fmt: skip
        return found, None


def entry_fields(cells: dict) -> tuple[dict, list[str]]:
    """The entry's own fields from a row's cells, and what is wrong with them."""
    problems: list[str] = []
    fields = {name: plain(cells.get(name)) for name in ("title", "doc_no", "keywords",
                                                         "summary", "body")}  # fmt: skip
    if not fields["title"]:
        problems.append(_("The title (名称) is empty."))
    for name, limit in LENGTHS.items():
        if len(fields[name]) > limit:
            problems.append(_("%(column)s is longer than %(max)s characters.") % {
                "column": HEADERS[name][0], "max": limit})  # fmt: skip
    dates = {}
    for name in ("published_on", "generated_on", "validity_changed_on"):
        dates[name], problem = parse_date(cells.get(name), HEADERS[name][0])
        problems += [problem] if problem else []
    if cells.get("published_on") is None:
        problems.append(_("The publication date (发布日期) is empty."))
    published, formed = dates["published_on"], dates["generated_on"] or dates["published_on"]
    if published and published > timezone.localdate():
        problems.append(_("The publication date %(date)s is in the future.") % {"date": published})
    if published and formed and formed > published:
        problems.append(_("The date formed (生成日期) is after the publication date."))
    validity, problem = parse_validity(cells.get("validity"))
    problems += [problem] if problem else []
    if validity == Validity.VALID and dates["validity_changed_on"]:
        problems.append(_("A date of lapse or repeal is given, but the entry is valid (有效)."))
    fields |= {"published_on": published, "generated_on": formed, "validity": validity,
               "validity_changed_on": dates["validity_changed_on"]}  # fmt: skip
    return fields, problems


def plain(cell) -> str:
    """A cell as text: numbers as Excel shows them (12 rather than 12.0)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}  # spaces of any width are fine


def printable(text: str) -> bool:
    return not any(unicodedata.category(char) in UNPRINTABLE for char in text)


def visible(text: str) -> str:
    """The text with its unprintable characters written as escapes (A-\x07)."""
    return "".join(char if printable(char) else char.encode("unicode_escape").decode()
                   for char in text)  # fmt: skip


def parse_date(cell, column: str) -> tuple[date | None, str | None]:
    if cell is None:
        return None, None
    if isinstance(cell, datetime):
        return cell.date(), None
    if isinstance(cell, date):
        return cell, None
    text = compact(plain(cell))
    match = DATE.match(text) or re.match(r"^(\d{4})(\d{2})(\d{2})$", text)
    try:
        return date(*(int(part) for part in match.groups())), None  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        return None, _("%(column)s %(value)s is not a date.") % {"column": column, "value": cell}


def parse_validity(cell) -> tuple[str, str | None]:
    text = compact(plain(cell))
    if not text:
        return Validity.VALID, None
    for word, validity in VALIDITY_WORDS:
        if word in text:
            return validity, None
    return Validity.VALID, _("Unknown validity (有效性) %(value)s: use 有效, 失效 or 废止.") % {
        "value": text}  # fmt: skip


def taken_numbers(rows: list[LegacyRow]) -> list[RowError]:
    """Errors for the rows whose 索引号 an entry already in the catalogue has."""
    numbers = [row.entry.index_no for row in rows]
    taken: set[str] = set()
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        taken |= set(Entry.objects.filter(index_no__in=chunk).values_list("index_no", flat=True))
    message = _("The index number %(number)s is already in the catalogue.")
    return [RowError(row.number, message % {"number": row.entry.index_no})
            for row in rows if row.entry.index_no in taken]  # fmt: skip


def save_imported(entry: Entry, user, provenance: str) -> None:
    entry.created_by = user
    entry.save()
    record(entry, user, "import", {}, provenance)


def continue_counters(entries: list[Entry]) -> None:
    """Move each agency's 索引号 counter past the imported numbers of its own series."""
    highest: dict[tuple[int, int], int] = {}
    for entry in entries:
        number = parse_index_number(entry.index_no)
        own = number.org == entry.agency.code.replace("-", "")
        if number.scheme == "canonical" and own and number.serial and number.year:
            key = (entry.agency_id, number.year)
            highest[key] = max(highest.get(key, 0), number.serial)
    for (agency_id, year), serial in highest.items():
        counter, _created = IndexCounter.objects.select_for_update().get_or_create(
            agency_id=agency_id, year=year)  # fmt: skip
        if counter.last < serial:
            counter.last = serial
            counter.save(update_fields=["last"])
