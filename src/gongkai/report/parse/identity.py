"""Which year a report covers and which agency made it, from the report's own text.

The year comes from, in order: the title (an early line naming a year and a report), the
统计期限 sentence (`统计期限自2015年1月1日起至2015年12月31日止`), an opening sentence that
names the year's report (`现将我乡2014年政府信息公开工作报告公开如下`), and last the most frequent
`YYYY年` of the text. The agency comes from the title, else from the signature block at the
end (an agency's name, usually above the date), else from a name printed alone just above
the title, else from the opening sentences (`由…编制`, `现将…年度…报告如下`). Chrome lines
(chrome.py) are never passed in here.
"""

import re
from datetime import date
from itertools import pairwise

from gongkai.report.formats import FIRST_LOCAL_REPORTING_YEAR, FIRST_REPORTING_YEAR
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.normalize import fold, squeeze
from gongkai.report.parse.prose import PINYIN_GLOSS

YEAR = r"(20[0-4]\d|二[〇○0零][一二三四五六七八九〇○零0-9]{2})"
CHINESE_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
TITLE_YEAR = re.compile(YEAR + r"\s*年(?:度)?")
TITLE_WORDS = ("年度报告", "工作报告", "情况报告", "报告", "年报")
TITLE_TAIL = 12  # a title's second line (…2013年度信息公开工作 / 年度报告)
TITLE_CHROME = re.compile(r"^(?:标题|名称|题目|文章标题)\s*[:：]\s*")
MARKUP = "#*>_ \t"  # a Markdown heading's or emphasis's marks around a title
# A sentence naming a year and a report is no title (本报告中所列数据的统计期限自2015年…).
NOT_TITLE = re.compile(r"[。，,；;！!？?:：]|^(?:本|现将|根据|按照|依据|为)")
AGENCY_TAIL = re.compile(r"^(?:关于|[:：\s])+|(?:关于)$|[(（【\[].*$")
# `统计期限自2015年1月1日起`, `统计时限为2013年…`, `统计数据从2016年…`
# (the digits that follow may be lost: 201611日).
PERIOD = re.compile(r"统计(?:期限|时限|时间|区间|数据|周期)[^。;]{0,12}?(20[0-4]\d)(?=年|\d)")
# An opening sentence naming the year's report (现将…2014年政府信息公开工作报告…).
OPENING = re.compile(
    r"(20[0-4]\d)年度?(?:的)?(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:报告|年报|情况)"
)
OPENING_LINES = 20
# The agency of a signature block or sentence: a name that ends like an agency.
AGENCY_END = (
    r"(?:人民政府|政府|办事处|街道|委员会|管委会|委|局|厅|署|办公室|办|中心|院|所|站|队|馆|处|"
    r"镇|乡|区|县|市|公司|集团|分局|科|部)"
)
AGENCY_LINE = re.compile(rf"^[\u4e00-\u9fff()（）]{{2,30}}{AGENCY_END}$")
NOT_AGENCY = re.compile(r"的|情况|措施|问题|事项|报告|之处")
DATE_LINE = re.compile(
    rf"^(?:\(|（)?(?:{YEAR}\s*年\s*[\d一二三四五六七八九十〇○零]{{1,3}}\s*月"
    r"(?:\s*[\d一二三四五六七八九十〇○零]{1,3}\s*日)?|20\d\d[-./]\d{1,2}[-./]\d{1,2})(?:\)|）)?$"
)
SIGNATURE_LINES = 8
# `…加强培训。西河市民政局2010年2月5日`: a signature run into the end of the text.
SIGNED_END = re.compile(
    rf"[。;!?](?P<agency>[\u4e00-\u9fff()]{{2,30}}?{AGENCY_END})"
    rf"(?:{YEAR}年[\d一二三四五六七八九十〇○零]{{1,3}}月(?:[\d一二三四五六七八九十〇○零]{{1,3}}日)?)?$"
)
SENTENCE_AGENCY = (
    re.compile(rf"由(?P<agency>[^,，。;；由的]{{2,30}}?{AGENCY_END})(?:编制|编写|汇总|制作|发布)"),
    re.compile(rf"(?:现将|公布)(?P<agency>[^,，。;；我本的]{{2,30}}?{AGENCY_END})(?:20[0-4]\d)年"),
)
# `人民政府` stays whole when a title reads `…镇人民政府信息公开年度报告`.
AFTER_YEAR_END = re.compile(r"信息公开|政务公开|年度报告|工作报告|年报")


def read_year(lines: list[SourceLine], squeezed: str) -> tuple[int | None, str | None]:
    """(year, title line); the title line is None when the year came from elsewhere."""
    year, title = title_year(lines)
    if year:
        return year, title
    squeezed = PINYIN_GLOSS.sub("", squeezed)
    opening = PINYIN_GLOSS.sub("", squeeze("".join(line.text for line in lines[:OPENING_LINES])))
    for pattern, text in ((PERIOD, squeezed), (OPENING, opening)):
        if (match := pattern.search(text)) and (found := to_year(match.group(1))):
            return found, None
    return fallback_year(squeezed), None


def title_year(lines: list[SourceLine]) -> tuple[int | None, str | None]:
    """(year, title line): the first early line naming a year and a report; a line saying
    年度报告 wins over a breadcrumb that only says 年报. Lines are folded (full-width digits,
    traditional script), so the title returned is in simplified characters."""
    early = [_plain(line.text) for line in lines[:60] if len(line.text.strip()) <= 80]
    early = [text for text in early if not NOT_TITLE.search(TITLE_CHROME.sub("", text))]
    early += [a + b for a, b in pairwise(early) if len(b) <= TITLE_TAIL]  # a wrapped title
    for words in TITLE_WORDS:
        for text in early:
            match = TITLE_YEAR.search(text) if words in text else None
            if match and (year := to_year(match.group(1))):
                return year, text
    return None, None


def _plain(text: str) -> str:
    """Folded, without the pinyin glosses of mirror sites (報(bào)告)."""
    return fold(PINYIN_GLOSS.sub("", text)).strip()


def to_year(text: str) -> int | None:
    digits = text.translate(CHINESE_DIGITS)
    if not digits.isdigit():
        return None
    year = int(digits)
    return year if FIRST_LOCAL_REPORTING_YEAR <= year <= date.today().year + 1 else None


# A year that opens a sentence without its 年 (`2022区文旅局主动公开政府信息1112条`): the
# report's year on a page that prints no `YYYY年` at all.
BARE_YEAR = re.compile(r"(?:^|(?<=[。；;！!？?\s]))(20[0-4]\d)(?=[\u4e00-\u9fff])(?!年)")


def fallback_year(squeezed: str) -> int | None:
    """The most frequent plausible `YYYY年` of the text: the reporting year in most reports;
    failing any, the most frequent year opening a sentence without 年. A year before the
    条例 only when the text names no later one (2004年5月1日起 in a 2012 report is history)."""
    for pattern in (r"(20[0-4]\d)年", BARE_YEAR):
        counts: dict[int, int] = {}
        for found in re.findall(pattern, squeezed):
            if year := to_year(found):
                counts[year] = counts.get(year, 0) + 1
        later = {y: n for y, n in counts.items() if y >= FIRST_REPORTING_YEAR}
        if counts:
            return max(later or counts, key=lambda y: (counts[y], -y))
    return None


def read_agency(lines: list[SourceLine], title: str | None) -> str | None:
    return (
        agency_from_title(title)
        or signature_agency(lines)
        or _agency_before_title(lines, title)
        or sentence_agency(lines)
    )


def agency_from_title(title: str | None) -> str | None:
    if not title:
        return None
    title = TITLE_CHROME.sub("", title.strip(MARKUP))
    match = TITLE_YEAR.search(title)
    if not match:
        return None
    before = AGENCY_TAIL.sub("", title[: match.start()]).strip()
    if len(before) >= 2:
        return before
    after = AFTER_YEAR_END.split(title[match.end() :])[0].strip()
    after = AGENCY_TAIL.sub("", after).strip()
    if after.endswith("政府") and not re.search(r"(?:人民|[市县区镇乡旗])政府$", after):
        after = after.removesuffix("政府")  # 青山县财政局政府信息公开 → 青山县财政局
    return after if len(after) >= 2 else None


def _agency_before_title(lines: list[SourceLine], title: str | None) -> str | None:
    """An agency's name printed on its own line just above a title that names none."""
    texts = [squeeze(line.text) for line in lines[:10]]
    if title is None or squeeze(title) not in texts:
        return None
    index = texts.index(squeeze(title))
    above = texts[index - 1] if index else ""
    return above if _agency_like(above) else None


def signature_agency(lines: list[SourceLine]) -> str | None:
    """The signature block: an agency's name among the last lines, usually above the date;
    or at the end of the last line, after its last sentence (a crawled page in one cell)."""
    tail = [squeeze(line.text).strip("|") for line in lines[-SIGNATURE_LINES:]]
    tail = [text for text in tail if text]
    if tail and (match := SIGNED_END.search(tail[-1])) and _agency_like(match["agency"]):
        return match["agency"]
    for index in range(len(tail) - 1, -1, -1):
        if _agency_like(tail[index]):
            below = tail[index + 1 :]
            if not below or DATE_LINE.match(below[0]) or index >= len(tail) - 2:
                return tail[index]
    return None


def _agency_like(text: str) -> bool:
    return bool(AGENCY_LINE.match(text)) and not NOT_AGENCY.search(text)


def sentence_agency(lines: list[SourceLine]) -> str | None:
    opening = squeeze("".join(line.text for line in lines[:OPENING_LINES]))
    for pattern in SENTENCE_AGENCY:
        if match := pattern.search(opening):
            return match["agency"]
    return None
