"""Figures stated only in prose → keys (report-json.md `narrative`), clause by clause.

`本单位全年共主动公开各类信息46条，其中网站公开25条` → proactive.total 46, via_website 25;
`本年度未收到…政府信息公开申请` → requests.received 0; `未发生…行政复议和行政诉讼` → 0 for
both. A figure is taken for a topic only when its own words say so (the clause around it, or
the topic its sentence or section heading carries); a clause about another quantity (咨询,
浏览量, 粉丝, 办件量) gives nothing and ends the topic its sentence carried. Where a report
states one topic twice, an exact figure wins over an approximate one (310余条, taken with a
P-21 finding), and this year's over a cumulative one (累计). The words are data (prose.py).
Keys are the generation-A topic keys; in a generation B/C report a topic with a table key of
its own uses that key (requests.received → s3.new.total). Spec: report-json.md, seed notes.
"""

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from gongkai.report.formats import GENERATIONS
from gongkai.report.parse import prose
from gongkai.report.parse.generation import label_cores
from gongkai.report.parse.limits import check_time
from gongkai.report.parse.locate import label_core
from gongkai.report.parse.normalize import squeeze
from gongkai.report.parse.values import CellValue

# Zeros and figures stated by fixed phrases besides the clause engine.
FIXED: tuple[tuple[str, re.Pattern], ...] = (
    ("proactive.normative_published", re.compile(r"无主动公开规范性文件")),
    ("proactive.normative_issued", re.compile(rf"{prose.NEGATION}[^,，]{{0,12}}?制发规范性文件")),
    ("requests.fees", prose.NO_FEE),
)
# A topic key whose figure has a table key of its own in generations B and C.
TABLE_KEYS = {
    "requests.received": "s3.new.total",
    "requests.answered.granted": "s3.granted.total",
    "requests.answered.partial": "s3.partial.total",
    "review.total": "s4.review.total",
}
NUMERALS = "一二三四五六七八九十"
SECTION_HEADING = re.compile(rf"^(?:[{NUMERALS}]+[、.]|\(?[{NUMERALS}]+\)|\d+[、.])")
COMPARISON = re.compile(r"增加到|增至|提高到|上升到|下降到|减少到|达到")
# Topic keys a weak proactive clause (发布信息 N 条 under a 主动公开 heading) may give.
WEAK = {"proactive.total"}
# The topic a requests heading gives a sentence that names neither a request nor an answer.
HEADING_ONLY = "requests-heading"
ANSWERED = re.compile(r"答复|办结|回复|办理|收到|受理|接到|接收")
NEGATED = re.compile(f"{prose.NEGATION}{prose.NEGATION_FOLLOWS}{prose.NEGATED_VERB}?")
APPEAL_WORDS = re.compile(r"复议|诉讼")
ASIDE = re.compile(r"\([^()]*\)")
BOTH_APPEALS = "appeals.both"  # one figure for 行政复议、行政诉讼 together
# A line this long without a sentence end was wrapped by PDF extraction.
WRAPPED_MIN = 20
WRAP_END = re.compile(r"[。;；!！?？:：]$")
LABEL_MAX = 40
PROSE_CELL = 30  # a table cell this long with a sentence end is a paragraph
TRIGGERS = re.compile(
    r"申请|费|公开|发布|复议|诉讼|微信|微博|网站|回应|解读|访谈|查阅|专职|兼职|全职"
)


@dataclass(frozen=True)
class Stated:
    """One prose figure: its key, value and how firmly the text states it."""

    key: str
    value: CellValue
    approximate: bool = False
    cumulative: bool = False
    order: int = 0

    negated: bool = False
    weak: bool = False
    text: str = ""  # the figure as printed (310余条)
    via: str | None = None  # the one channel its own words name (政府网站公开)

    @property
    def rank(self) -> tuple:
        """Lower is firmer: exact before approximate, this year's before a running total, a
        figure before a zero read from a negation, then the first."""
        return (self.approximate, self.weak, self.cumulative, self.negated, self.order)

    @property
    def firm(self) -> bool:
        """Firm enough to contradict a table figure (a P-4 finding)."""
        return not (self.approximate or self.weak or self.cumulative)


def read_narrative(paragraphs: Iterable[str], code: str) -> dict[str, CellValue]:
    return {key: stated.value for key, stated in read_prose(paragraphs, code).items()}


def read_prose(paragraphs: Iterable[str], code: str, year: int | None = None) -> dict[str, Stated]:
    """Per key, the best-stated prose figure of the report (`year`: the report's, which tells
    a count since the year began from a running total)."""
    best: dict[str, Stated] = {}
    section = None
    span = re.compile(prose.YEAR_SPAN.format(year=year or "(?!)"))
    for order, text in enumerate(_sentences_rejoined(paragraphs)):
        check_time()
        text = _within_year(text, span)
        section = _section_topic(text, section)
        if len(text) < 6 or not TRIGGERS.search(text) or _is_label(text):
            continue
        for stated in _paragraph_figures(text, section, order):
            for candidate in _with_channel(stated, best):
                if candidate.key not in best or candidate.rank < best[candidate.key].rank:
                    best[candidate.key] = candidate
    return {_own_key(key, code): _of_kind(stated) for key, stated in best.items()}


def _with_channel(stated: Stated, best: dict[str, Stated]) -> list[Stated]:
    """A channel's count read as a weak total (政府网站公开信息11条 under a 主动公开 heading)
    stays its channel's when a firmer total wins, whichever comes first."""
    total = best.get("proactive.total")
    if stated.key != "proactive.total":
        return [stated]
    if total and total.via and stated.rank < total.rank:
        best[total.via] = best.get(total.via) or replace(total, key=total.via, weak=False)
    if stated.via and total and total.rank < stated.rank:
        return [replace(stated, key=stated.via, weak=False)]
    return [stated]


def _within_year(text: str, span: re.Pattern) -> str:
    """Clauses counting from the start of the report's year lose their words of a running
    total (累计, 以来): what they count is the year's."""
    if not span.search(text):
        return text
    clauses = prose.CLAUSE_CUT.split(text)
    return "".join(prose.CUMULATIVE.sub("", c) if span.search(c) else c for c in clauses)


def _of_kind(stated: Stated) -> Stated:
    """Amounts (万元) are Decimals, as in cells."""
    if stated.key == "requests.fees" and isinstance(stated.value, int):
        return replace(stated, value=Decimal(stated.value))
    return stated


def _sentences_rejoined(paragraphs: Iterable[str]) -> list[str]:
    """Squeezed paragraphs, with prose that PDF extraction wrapped over lines joined again;
    of a table row only its prose cells (crawler text puts whole paragraphs in cells)."""
    joined: list[str] = []
    for paragraph in paragraphs:
        for line in _prose_lines(paragraph):
            text = squeeze(prose.PINYIN_GLOSS.sub("", line))
            if joined and _continues(joined[-1], text):
                joined[-1] += text
            elif text:
                joined.append(text)
    return joined


def _prose_lines(paragraph: str) -> list[str]:
    if "|" not in paragraph:
        return paragraph.splitlines()
    if len(paragraph) < PROSE_CELL:
        return []  # a table row
    cells = paragraph.split("|")
    return [cell for cell in cells if len(cell) >= PROSE_CELL and prose.SENTENCE_END.search(cell)]


def _continues(previous: str, text: str) -> bool:
    if previous.endswith((",", "、")) and not SECTION_HEADING.match(text):
        return True  # 在已经答复的1件申请中， / “同意公开”的1件
    return (
        len(previous) >= WRAPPED_MIN
        and not WRAP_END.search(previous)
        and not SECTION_HEADING.match(text)
        and not SECTION_HEADING.match(previous)
    )


def _is_label(text: str) -> bool:
    """A statutory label printed as a line of its own (4.无正当理由大量反复申请)."""
    if len(text) > LABEL_MAX or text.endswith("。"):
        return False  # a sentence
    core = label_core(text)
    return len(core) <= LABEL_MAX and core in statutory_labels()


@cache
def statutory_labels() -> str:
    """Every label core of every generation, one a line: `core in` it is a substring test."""
    return "\n".join(core for code in GENERATIONS for core in label_cores(code) if core)


def _section_topic(text: str, current: str | None) -> str | None:
    """A heading (二、主动公开政府信息情况) sets the topic of the paragraphs under it."""
    if len(text) > 40 or not SECTION_HEADING.match(text) or text.endswith("。"):
        return current
    return _family(text)


def _family(text: str) -> str | None:
    if prose.REVIEW.search(text) or prose.LITIGATION.search(text):
        return "appeals"
    if prose.FEES.search(text) and "申请" not in text:
        return "fees"
    if _requests_in(text):
        return "requests"
    if prose.PROACTIVE_STRONG.search(text):
        return "proactive"
    return None


def _paragraph_figures(text: str, section: str | None, order: int) -> list[Stated]:
    found: list[Stated] = []
    sentences = prose.SENTENCE_END.split(text)
    for sentence in sentences:
        section = _section_topic(sentence, section)  # （一）主动公开情况。2023年，… run together
        found += _sentence_figures(sentence, section, order, found)
        found += [Stated(key, 0, order=order) for key, p in FIXED if p.search(sentence)]
        found += _org_figures(sentence, order)
    return _website_beside_other_ways(found, [c for s in sentences for c in _clauses(s)])


def _org_figures(sentence: str, order: int) -> list[Stated]:
    """Staff and reading-room counts (配备了2名兼职工作人员, 设立了1个政府信息查阅点)."""
    found: dict[str, Stated] = {}
    for key, pattern in prose.ORG_FIGURES:
        match = pattern.search(sentence)
        if match and key not in found:
            found[key] = Stated(key, _number(match["n"]), order=order, text=match[0])
    return list(found.values())


def _sentence_figures(
    sentence: str, section: str | None, order: int, earlier: list[Stated]
) -> list[Stated]:
    """`earlier`: the paragraph's figures so far (a total there makes these its parts)."""
    found: list[Stated] = []
    if not (prose.FIGURE.search(sentence) or NEGATED.search(sentence) or "0" in sentence):
        return found  # no figure and no negation: most sentences of a report
    sentence = ASIDE.sub(_aside, sentence)
    carried = section
    if section == "requests" and not (_requests_in(sentence) or ANSWERED.search(sentence)):
        carried = HEADING_ONLY  # 不予公开信息有10条 under a heading: no answer to a request
    clauses = _clauses(sentence)
    for index, clause in enumerate(clauses):
        zeros = negated_zeros(clause, carried)
        found += [Stated(key, 0, negated=True, order=order) for key in zeros]
        clause_figures, carried = _clause_figures(clause, carried, [*earlier, *found], order)
        found += clause_figures or _all_granted(clause, found)
        found += _several_channels_total(clause, clauses[index + 1 : index + 2], found, order)
    return found


def _several_channels_total(
    clause: str, following: list[str], found: list[Stated], order: int
) -> list[Stated]:
    """A count over several channels (通过门户网站、微信公众号、微博等渠道公开各类信息1812条) is
    the year's total when its parts by kind follow (，其中行政规范性文件13件…), a weak one; without
    them, or with parts by channel, the same item may be counted on each, and it stays no one's."""
    match = prose.FIGURE.search(clause)
    if not (match and following and following[0].startswith("其中")):
        return []
    if _channels_named(following[0]):
        return []  # 其中网站319条，微信851条: parts by channel, the same items again
    own = clause[: match.start()]
    if _channels_named(own) < 2 or not prose.PROACTIVE_NOUN.search(own):
        return []
    if any(s.key == "proactive.total" for s in found):
        return []
    return [_stated("proactive.total", match, own, order, weak=True)]


def _all_granted(clause: str, found: list[Stated]) -> list[Stated]:
    """收到申请1件，已进行公开: a clause with no figure right after the requests received says
    every one of them was granted."""
    if not (found and found[-1].key == "requests.received" and prose.ALL_GRANTED.match(clause)):
        return []
    return [replace(found[-1], key="requests.answered.granted", via=None)]


def _clauses(sentence: str) -> list[str]:
    return _subject_carried(_parts_joined(prose.CLAUSE_END.split(ASIDE.sub(_aside, sentence))))


def _parts_joined(clauses: list[str]) -> list[str]:
    """A bare 其中 (其中，门户网站发布信息16642条) stays with the clause it opens: what follows
    is a part of a total, whether or not the total was read."""
    joined: list[str] = []
    for clause in clauses:
        if joined and joined[-1] == "其中":
            joined[-1] += clause
        else:
            joined.append(clause)
    return joined


def _subject_carried(clauses: list[str]) -> list[str]:
    """A channel named in a clause that counts another quantity of it, or nothing, stays the
    subject of the next clause when that names none (门户网站总访问量超过50万次，信息发布1839条;
    借助微信公众号平台，全年发布信息392条)."""
    carried = list(clauses)
    for index, clause in enumerate(clauses[:-1]):
        named = [m for _, channel in prose.CHANNELS if (m := channel.search(clause))]
        following = clauses[index + 1]
        if (
            len(named) == 1
            and (prose.OTHER_QUANTITY.search(clause) or not prose.FIGURE.search(clause))
            and prose.SUBJECTLESS_COUNT.match(following)
            and not any(channel.search(following) for _, channel in prose.CHANNELS)
        ):
            carried[index + 1] = named[0][0] + following
    return carried


def _website_beside_other_ways(found: list[Stated], clauses: list[str]) -> list[Stated]:
    """A total read from the website's count (政府网站公开政府信息754条) is the website's when
    the paragraph counts other ways beside it (政务新媒体…2808条, 微信公众号推送…231条): the
    report prints no total, only channels. Parts after 其中 (其中政务微博发布12条) are the
    total's and leave it the total."""
    website = [s for s in found if s.key == "proactive.total" and s.via == "proactive.via_website"]
    at = [i for i, c in enumerate(clauses) if website and website[0].text in c]
    if len(website) != 1 or not at:
        return found
    after = list(itertools.takewhile(lambda c: "其中" not in c, clauses[at[0] + 1 :]))
    beside = [c for c in [*clauses[: at[0]], *after] if prose.FIGURE.search(c)]
    if not any(prose.OTHER_WAYS.search(c) for c in beside):
        return found
    channel = replace(website[0], key="proactive.via_website", weak=False)
    return [channel if s is website[0] else s for s in found]


def _aside(match: re.Match) -> str:
    """A bracketed aside without a figure or a negation (an account name, 微信号:lhwz48…) is
    dropped before the clauses are cut: its colon or comma would cut the clause in two."""
    inner = match[0][1:-1]
    return match[0] if prose.FIGURE.search(inner) or NEGATED.search(inner) else ""


def _clause_figures(
    clause: str, carried: str | None, earlier: list[Stated], order: int
) -> tuple[list[Stated], str | None]:
    other = bool(prose.OTHER_QUANTITY.search(prose.AGENCY_NAMED.sub("", clause)))
    if other and len(prose.FIGURE.findall(clause)) < 2:
        # 及时转发主流媒体重要信息 (no figure) is no count of another quantity: the topic stays
        return [], (None if prose.FIGURE.search(clause) else carried)
    clause = prose.NOTE.sub("", clause)
    comparison = COMPARISON.search(clause)
    start = comparison.end() if comparison else 0
    topic = prose.FIGURE.sub("", clause[: comparison.start()]) if comparison else ""
    figures = [m for m in prose.FIGURE.finditer(clause, start)]
    found = []
    for index, match in enumerate(figures):
        own = (
            clause[figures[index - 1].end() : match.start()]
            if index
            else (topic + clause[start : match.start()])
        )
        following = figures[index + 1].start() if index + 1 < len(figures) else None
        after = clause[match.end() : following]
        if other and prose.OTHER_QUANTITY.search(own):
            continue  # in a list (网站396条、“政策咨询问答库”97条) only that item is another's
        key = _topic_key(own, after, match["unit"], carried, [*earlier, *found])
        if key == BOTH_APPEALS:
            found += _both_appeals(match, own, order)
        elif key is not None:
            stated = _stated(key, match, own, order, weak=key in WEAK and not _strong(own))
            found.append(replace(stated, via=_channel(own)))
    bare = prose.BARE_ZERO.search(clause)
    if bare and prose.FEES.search(clause[: bare.start()]):
        found.append(Stated("requests.fees", Decimal(0), order=order))
    family = _family(clause) or carried
    if any(stated.key == "proactive.total" for stated in found):
        family = "proactive"  # its 其中 parts follow
    return found, family


def _both_appeals(match: re.Match, own: str, order: int) -> list[Stated]:
    """行政复议、提起行政诉讼的案件0件 is no review and no lawsuit; a count above 0 of both
    together says neither alone."""
    if _number(match["n"]) != 0:
        return []
    return [
        _stated(key, match, own, order, weak=False) for key in ("review.total", "litigation.total")
    ]


def _strong(own: str) -> bool:
    return bool(prose.PROACTIVE_STRONG.search(own)) and not prose.ONE_KIND.search(own)


def _stated(key: str, match: re.Match, own: str, order: int, weak: bool) -> Stated:
    value: CellValue = _number(match["n"])
    if key == "requests.fees":
        value = Decimal(value) / (10000 if match["unit"] == "元" else 1)
    before = bool(prose.APPROXIMATE_BEFORE.search(own))
    approximate = before or bool(match["more"] or match["after"])
    cumulative = bool(prose.CUMULATIVE.search(own))
    return Stated(key, value, approximate, cumulative, order, weak=weak, text=match[0])


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    digits = prose.CHINESE_DIGITS
    if "十" not in text:
        return int("".join(str(digits[c]) for c in text if c in digits) or 0)
    tens, _, ones = text.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(ones, 0)


def _topic_key(own: str, after: str, unit: str, carried: str | None, earlier) -> str | None:
    units = unit
    if noun := prose.NOUN_AFTER.match(after):
        own += noun[0]  # 公开了21218条政府信息
    if prose.REVIEW.search(own) or prose.LITIGATION.search(own):
        return _appeal_key(own) if units in prose.UNITS["appeals"] else None
    if prose.FEES.search(own):
        return "requests.fees" if units in prose.UNITS["fees"] else None
    if prose.PLACE_AFTER.search(after):
        return None  # 1个政府信息查阅点和依申请公开受理点: a place, counted by _org_figures
    if _attribute_count(own, unit, earlier):
        return None  # 主动公开55条，依申请公开3条: documents by disclosure attribute
    if request := _request_topic(own, after, units, carried):
        return request
    for key, words, response_units in prose.RESPONSES:
        if (words.search(own) or words.match(after)) and units in response_units:
            return key  # 回应热点2次; 召开6次新闻发布会
    if units in prose.UNITS["proactive"]:
        key = _proactive_key(own, carried, earlier)
        return None if key == "proactive.total" and prose.NEXT_KIND.match(after) else key
    return None


def _request_topic(own: str, after: str, units: str, carried: str | None) -> str | None:
    """The request key of a figure; a proactive figure before the next item's 依申请公开
    (主动公开120条、依申请公开2件) is none."""
    if units not in prose.UNITS["requests"]:
        return None
    if prose.PROACTIVE_STRONG.search(own) and not _requests_in(own):
        return None
    return _request_key(own, after, carried)


def _attribute_count(own: str, unit: str, earlier: list[Stated]) -> bool:
    proactive = any(s.key == "proactive.total" for s in earlier)
    return unit == "条" and proactive and bool(prose.ATTRIBUTE.match(own))


def _appeal_key(own: str) -> str:
    if prose.APPEALS_TOGETHER.search(own):
        return BOTH_APPEALS
    review = [m.start() for m in prose.REVIEW.finditer(own)]
    litigation = [m.start() for m in prose.LITIGATION.finditer(own)]
    return (
        "review.total"
        if max(review, default=-1) > max(litigation, default=-1)
        else ("litigation.total")
    )


def _requests_in(text: str) -> bool:
    return bool(prose.REQUEST_WORD.search(prose.REQUEST_NOT.sub("", text)))


def _request_key(own: str, after: str, carried: str | None) -> str | None:
    named = _requests_in(own) or _requests_in(after)
    if not named and carried not in ("requests", HEADING_ONLY):
        return None
    if prose.RECEIVE.search(own):
        for key, channel in prose.REQUEST_CHANNELS:
            if "其中" in own and channel.search(own):
                return key
        return "requests.received"
    if not named and carried == HEADING_ONLY:
        return None
    for key, words in (*prose.REQUEST_CHANNELS, *prose.ANSWERS):
        if words.search(own):
            return key
    if outcome := prose.OUTCOME_AFTER.match(after):  # 对其中3件予以公开，1件部分公开
        return next(key for key, words in prose.ANSWERS if words.search(outcome[0]))
    if prose.REQUEST_NOUN_END.search(own) and not prose.CARRIED_OVER.search(own):
        return "requests.received"  # 政府信息公开申请0次: the noun alone counts them
    if named and "依申请公开" in own + after:
        return "requests.received"
    return None


def _proactive_key(own: str, carried: str | None, earlier: list[Stated]) -> str | None:
    total_taken = any(s.key == "proactive.total" and not s.cumulative for s in earlier)
    if prose.PROACTIVE_STRONG.search(own) and not ("其中" in own and total_taken):
        return "proactive.total"  # 其中本年度新增主动公开… after a running total is the year's
    channel = _channel(own)
    if carried != "proactive" and not prose.PROACTIVE.search(own):
        return _published_on(channel, own)
    if total_taken or "其中" in own:  # a part of the total: by channel, or none of ours
        return channel
    if any(s.key == "proactive.total" for s in earlier):
        return channel  # 累计204条，通过政府网站公开163条: a channel's part of that total
    if _channels_named(own) > 1:  # 网站、微信、微博共发布: the same item counted on each
        return None
    if channel in prose.OWN_CHANNELS:  # 政务微博发布信息120条 is no total
        return channel
    if (prose.PROACTIVE.search(own) and carried == "proactive") or prose.PROACTIVE_NOUN.search(own):
        return "proactive.total"
    return _published_on(channel, own)


def _published_on(channel: str | None, own: str) -> str | None:
    """A channel named with its own publishing verb (网站发布信息8条) counts what it published,
    also where no 主动公开 heading or total word stands over it."""
    return channel if channel and prose.CHANNEL_VERB.search(own) else None


def _channel(own: str) -> str | None:
    """The one channel a figure is counted on; 网站、微信、微博共发布 N 条 is on none alone."""
    if prose.OTHER_WAY.match(own):
        return "proactive.via_other"  # 通过其他方式公开政府信息54条 beside the named channels
    if not (prose.CHANNEL_COUNT.search(own) or prose.BARE_CHANNEL.match(_unquoted(own))):
        return None
    if prose.WITH_OTHERS.search(own):
        return None  # 通过微信及其他方式公开: the channel and unnamed others together
    named = [key for key, channel in prose.CHANNELS if channel.search(_unquoted(own))]
    return named[0] if len(named) == 1 else None


def _channels_named(own: str) -> int:
    return sum(1 for _, channel in prose.CHANNELS if channel.search(_unquoted(own)))


def _unquoted(own: str) -> str:
    """Without an account's quoted name (“奉新县政府网”微信公众号: a wechat account) when a
    channel is named outside it; with it when only the name says the channel (“某某政府网”)."""
    bare = prose.QUOTED_NAME.sub("", own)
    return bare if any(channel.search(bare) for _, channel in prose.CHANNELS) else own


def negated_zeros(clause: str, section: str | None = None) -> list[str]:
    """The topics a negation in `clause` states as zero (未收到…申请, 未发生…行政复议); under
    a 行政复议、行政诉讼 heading a bare `无申请` is no review and no lawsuit."""
    zeros: list[str] = []
    for match in NEGATED.finditer(clause):
        rest = clause[match.end() :]
        appeals = [m.start() for m in APPEAL_WORDS.finditer(rest)]
        if section == "appeals" and not appeals and not prose.FEES.search(rest):
            if prose.APPEAL_CASE.search(rest):
                zeros += ["review.total", "litigation.total"]
            continue
        if prose.REVIEW.search(rest):
            zeros.append("review.total")
        if prose.LITIGATION.search(rest):
            zeros.append("litigation.total")
        if prose.FEES.search(rest):
            zeros.append("requests.fees")
        elif _negated_request(rest, min(appeals, default=len(rest))):
            zeros.append("requests.received")
    return zeros


def _negated_request(rest: str, before: int) -> bool:
    masked = prose.REQUEST_NOT.sub(lambda m: "#" * len(m[0]), rest)
    request = prose.REQUEST_WORD.search(masked)
    if not request or request.start() > before:
        return False
    return not prose.NOT_RECEIVING.search(masked[: request.start()])


def _own_key(key: str, code: str) -> str:
    table_key = TABLE_KEYS.get(key)
    if code != "A" and table_key in GENERATIONS[code].cells:
        return table_key
    return key
