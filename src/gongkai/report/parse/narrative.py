"""Figures stated only in prose, as data: patterns → keys (report-json.md `narrative`).

`受理依申请公开5件` → requests.received 5; `未收到…申请` → 0; `没有发生…行政复议案、行政诉讼案`
→ 0 for both. Approximate figures (`7100余条`) are not figures. Keys are the generation-A topic
keys; in a generation B/C report a topic with a table key of its own uses that key
(requests.received → s3.new.total). Spec: report-json.md, seed notes 000, 001, 004.
"""

import re
from collections.abc import Iterable
from decimal import Decimal

from gongkai.report.formats import GENERATIONS, Kind
from gongkai.report.parse.limits import check_time
from gongkai.report.parse.normalize import squeeze
from gongkai.report.parse.values import CellValue

APPLICATION = r"(?:依申请公开|政府信息公开申请|信息公开申请|公开申请)"
RECEIVE = r"(?:受理|收到|接到|接收|办理)"
NEGATION = r"(?:未|没有|无|不存在|尚未)"
COUNT_UNIT = r"(?:件|条|个|份|宗|起|次)"
WHOSE = r"了?(?:群众|公民|各类)?的?"
EXACT = r"(?!\d|\.\d|余|多|左右)"
FIGURE = rf"共?计?(?<!\d)(?P<n>\d{{1,15}}){EXACT}{COUNT_UNIT}"

# (key, pattern): a pattern with group `n` states a figure; one without states zero.
PATTERNS: tuple[tuple[str, str], ...] = (
    ("requests.received", rf"{RECEIVE}{WHOSE}{APPLICATION}(?:事项|申请)?{FIGURE}"),
    ("requests.received", rf"{RECEIVE}了?{FIGURE}的?{APPLICATION}"),
    ("requests.received", rf"{NEGATION}(?:发生|{RECEIVE})过?(?:任何)?[^,]{{0,10}}?{APPLICATION}"),
    ("requests.fees", rf"{NEGATION}[^,]{{0,24}}?(?:收费|收取[^,]{{0,8}}?费)"),
    ("proactive.total", rf"主动公开(?:政府)?信息(?:数)?共?计?(?<!\d)(?P<n>\d{{1,15}}){EXACT}条"),
    ("proactive.normative_published", r"无主动公开规范性文件"),
    ("proactive.normative_issued", rf"{NEGATION}[^,]{{0,12}}?制发规范性文件"),
    ("proactive.via_wechat", rf"(?:微信|公众号)[^,\d]{{0,10}}?(?<!\d)(?P<n>\d{{1,15}}){EXACT}条"),
    ("review.total", rf"行政复议(?:案件|申请)?共?(?<!\d)(?P<n>\d{{1,15}}){EXACT}(?:件|起|宗)"),
    ("litigation.total", rf"行政诉讼(?:案件)?共?(?<!\d)(?P<n>\d{{1,15}}){EXACT}(?:件|起|宗)"),
)  # fmt: skip
COMPILED = tuple((key, re.compile(pattern)) for key, pattern in PATTERNS)

# 没有发生…行政复议案、行政诉讼案: a negation, then the topics it covers, in one clause.
APPEAL_TOPICS = {"review.total": "行政复议", "litigation.total": "行政诉讼"}
NEGATED_CLAUSE = re.compile(rf"{NEGATION}(?:发生|出现|收到|涉及|因)?(?P<rest>[^,]*)")

# A topic key whose figure has a table key of its own in generations B and C.
TABLE_KEYS = {"requests.received": "s3.new.total", "review.total": "s4.review.total"}
SENTENCES = re.compile(r"[。;!?\n]")
# Every pattern above needs one of these words (traditional forms included).
TRIGGERS = re.compile(
    r"申请|申請|收费|收費|费|費|主动公开|主動公開|规范性文件|規範性文件|微信|公众号|公眾號|复议|復議|覆議|诉讼|訴訟"
)


def read_narrative(paragraphs: Iterable[str], code: str) -> dict[str, CellValue]:
    found: dict[str, CellValue] = {}
    for paragraph in paragraphs:
        check_time()
        if len(paragraph) < 8 or not TRIGGERS.search(paragraph):
            continue  # table cells and sentences on other topics: most lines of a report
        for sentence in SENTENCES.split(squeeze_keeping_lines(paragraph)):
            for key, value in sentence_figures(sentence):
                found.setdefault(key, value)
    own = {_own_key(key, code): value for key, value in found.items()}
    return {key: _of_kind(key, value) for key, value in own.items()}


def _of_kind(key: str, value: CellValue) -> CellValue:
    """Amounts (万元) are Decimals, as in cells."""
    spec = GENERATIONS["A"].cells.get(key)
    if spec is not None and spec.kind is Kind.DECIMAL and value is not None:
        return Decimal(value)
    return value


def squeeze_keeping_lines(text: str) -> str:
    return "\n".join(squeeze(line) for line in text.splitlines())


def sentence_figures(sentence: str) -> list[tuple[str, CellValue]]:
    figures = []
    for key, pattern in COMPILED:
        match = pattern.search(sentence)
        if match:
            figures.append((key, int(match["n"]) if "n" in pattern.groupindex else 0))
    return figures + appeal_zeros(sentence)


def appeal_zeros(sentence: str) -> list[tuple[str, CellValue]]:
    zeros = []
    for match in NEGATED_CLAUSE.finditer(sentence):
        rest = match["rest"]
        zeros.extend((key, 0) for key, topic in APPEAL_TOPICS.items() if topic in rest)
    return zeros


def _own_key(key: str, code: str) -> str:
    table_key = TABLE_KEYS.get(key)
    if code != "A" and table_key in GENERATIONS[code].cells:
        return table_key
    return key
