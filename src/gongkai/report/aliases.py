"""Label aliases: how real reports print the statutory labels, for the parser to match.

Real reports mix full-width and half-width brackets and commas, pad with NBSP, drop or change
numerals (`()政府信息公开工作专门机构数`, seed 001), add or drop parenthetical glosses (湖北
`规章（设区的市、自治州人民政府应提供相关数据）`), and use older or local wordings. Matching
compares labels after `normalise_label`, which removes all of that; the wordings that differ
in substance are listed here as data, keyed by row id (see `row_id`).
Spec: statute-and-formats.md §1.2, §2.1, §2.4, §3.1, §3.2 and the seed notes.
"""

import re
import unicodedata
from collections.abc import Iterable

from gongkai.report.formats.schema import Row, Table

# Row id -> other wordings of that row in real reports (the official label is in the format).
ROW_ALIASES: dict[str, tuple[str, ...]] = {
    # Gen B prints 规范性文件, gen C 行政规范性文件 (§3.1); reports mix them up.
    "s2.normative": ("规范性文件", "行政规范性文件"),
    # 山东 2018 (seed 001): 六、被举报投诉数量.
    "complaints.total": ("被举报投诉数量",),
    # 黑龙江 2016 (seed 000): 1.维持具体行政行为或驳回诉讼请求数.
    "litigation.upheld": ("维持具体行政行为或驳回诉讼请求数",),
    "review.corrected": ("被纠错数",),
    "litigation.corrected": ("被纠错数",),
    "complaints.corrected": ("被依法纠错数",),
    # 宁夏 2016 (seed 003).
    "meetings.meetings": ("召开政府信息与政务公开工作会议或专题会议数",),
    # 黑龙江 2016 prints the two staff counts without their common parent row.
    "org.staff_full_time": ("专职人员数",),
}

# Block (table) key -> other wordings of a generation-A block heading.
HEADING_ALIASES: dict[str, tuple[str, ...]] = {
    "proactive": ("主动公开总体情况",),  # 黑龙江 2016
    "requests": ("依申请公开等工作情况",),  # 黑龙江 2016
    "org": ("平台、制度、机制建设和保障经费情况", "平台建设", "制度建设", "基础建设"),
}

# Section numeral -> other titles of a generation B/C report section.
SECTION_ALIASES: dict[str, tuple[str, ...]] = {
    "五": ("政府信息公开工作存在的主要问题及改进情况",),  # SH2019 (§2)
}

# Cell key -> units printed in real reports other than the format's own.
UNIT_VARIANTS: dict[str, tuple[str, ...]] = {
    "proactive.normative_published": ("条",),  # seed 003
    "meetings.trainees": ("人",),  # seed 000 prints 120人 in a 人次 row
    "s2.procurement.amount": ("元",),  # SH2019 prints 251000元; convert to 万元
}

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、"  # 一、
    r"|\([一二三四五六七八九十]*\)"  # (一) and the numeral-less () of seed 001
    r"|\d+\."  # 1.
    r"|其中:?)"  # 其中：
)
_GLOSS = re.compile(r"\([^()]*\)")
_NOISE = re.compile(r"[\s、,;:。.·\"'“”‘’「」《》]")


def normalise_label(text: str) -> str:
    """The comparable core of a label: no numbering, glosses, spaces or punctuation."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    while (stripped := _NUMBERING.sub("", text, count=1)) != text:
        text = stripped
    while (unglossed := _GLOSS.sub("", text)) != text:
        text = unglossed
    return _NOISE.sub("", text)


_PRINTED_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]*[）)]|\d+\.\s*|其中[：:]?)"
)
_PRINTED_GLOSS = re.compile(r"[（(][^（）()]*[）)]$")


def bare_label(label: str) -> str:
    """A label without its numeral, 其中 and trailing gloss, as messages name a row:
    （一）主动公开政府信息数（不同渠道…计1条） → 主动公开政府信息数."""
    while (stripped := _PRINTED_NUMBERING.sub("", label, count=1)) != label:
        label = stripped
    while (unglossed := _PRINTED_GLOSS.sub("", label)) != label and unglossed:
        label = unglossed
    return label.strip()


def row_id(table: Table, row: Row) -> str:
    """The id aliases are keyed by: the cell key of a generation-A row, `s3.new` otherwise."""
    return ".".join(part for part in (table.prefix, row.key) if part)


def row_labels(table: Table, row: Row) -> tuple[str, ...]:
    """The official label of a row and every known alias."""
    return (row.label, *ROW_ALIASES.get(row_id(table, row), ()))


def label_matches(printed: str, labels: Iterable[str]) -> bool:
    core = normalise_label(printed)
    return bool(core) and any(normalise_label(label) == core for label in labels)


def find_row(printed: str, table: Table) -> Row | None:
    """The row of `table` that a printed label names, or None.

    Labels repeat across blocks (其他情形数 under both 行政复议 and 行政诉讼), so the parser
    must first find the block, then the row within it.
    """
    for row, _ancestors in table.walk():
        if label_matches(printed, row_labels(table, row)):
            return row
    return None


def block_labels(table: Table) -> tuple[str, ...]:
    """The heading of a generation-A block and its known variants."""
    return (table.title, *HEADING_ALIASES.get(table.key, ()))
