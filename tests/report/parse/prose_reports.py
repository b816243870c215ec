"""Generated prose-only generation-A reports with known figures, in the shapes of real county,
town and department reports of 2009–2018: varied titles, phrasings per topic, figures of other
quantities beside ours, web-page chrome around them, and the damage of real copies (lines
wrapped by PDF extraction, traditional script, full-width digits, whole paragraphs in a
crawled table cell). `prose_report(seed)` → (lines, expected identity and figures).
"""

import random
from dataclasses import dataclass

from zhconv import zhconv

PLACES = ("青山县", "白沙市", "临川区", "东岭县", "南湖区", "西河市", "北塘县", "江口区")
UNITS = (
    "民政局", "财政局", "林业局", "水务局", "统计局", "审计局", "文广新局", "卫生计生局",
    "住房和城乡建设局", "市场监督管理局", "人力资源和社会保障局", "发展和改革委员会",
)  # fmt: skip
TOWNS = ("白沙镇", "青龙乡", "南薰乡", "新华街道办事处", "壶口镇", "枫坪乡")
SELF = {"局": "局", "会": "委", "镇": "镇", "乡": "乡", "处": "街道"}

TITLES = (
    "{agency}{year}年政府信息公开工作年度报告",
    "{agency}{year}年度政府信息公开工作报告",
    "{agency}关于{year}年度政府信息公开工作情况的报告",
    "{year}年{agency}政府信息公开年度报告",
)
OPENINGS = (
    "根据《中华人民共和国政府信息公开条例》要求，现将{agency}{year}年政府信息公开工作报告如下。",
    "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
    "本年度报告由概述、主动公开政府信息情况、依申请公开政府信息情况、因政府信息公开申请"
    "行政复议和提起行政诉讼的情况、存在的主要问题及改进措施等五个部分组成。",
)
PROACTIVE = (
    ("本单位全年共主动公开各类信息{n}条。", ()),
    ("{year}年，我{self}主动公开政府信息{n}条，其中网站公开{w}条。", ("w",)),
    ("全年通过县政府门户网站主动公开信息共{n}条。", ()),
    ("主动公开工作动态、通知公告等信息{n}条，其中通过政务微信公开{c}条。", ("c",)),
    ("{year}年度共新增主动公开政府信息{n}条，其中，工作动态{a}条，通知公告{b}条。", ()),
    ("截至{year}年底，累计主动公开政府信息{t}条，其中本年度新增主动公开政府信息{n}条。", ()),
)
CHANNEL_KEYS = {"w": "proactive.via_website", "c": "proactive.via_wechat"}
REQUESTS_NONE = (
    "本年度未收到公民、法人或其他组织的政府信息公开申请。",
    "{year}年，我{self}没有收到群众的信息公开申请。",
    "全年未接到政府信息公开申请，也无不予公开政府信息的情况。",
    "本年度没有依申请公开政府信息的情况。",
)
REQUESTS_SOME = (
    "全年共收到政府信息公开申请{r}件，均已按时答复。",
    "{year}年共受理依申请公开{r}件，已全部办结。",
    "本年度我{self}收到{r}件政府信息公开申请，均在规定时限内答复。",
)
APPEALS_NONE = (
    "未发生因政府信息公开引起的行政复议和行政诉讼。",
    "本年度没有发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
    "{year}年度，我{self}未发生针对本单位有关政府信息公开事务的行政复议案、行政诉讼案。",
)
FEES_NONE = (
    "本年度未收取任何政府信息公开费用。",
    "依申请公开政府信息未向申请人收取检索、复制、邮寄等费用，也无减免情况。",
)
OTHER_QUANTITIES = (
    "全年共接受群众咨询{x}人次。",
    "政务微博粉丝{x}人，网站全年浏览量达{y}次。",
    "全年服务窗口办件量{y}件，通过网上审批平台受理申请{x}件。",
    "本年度收到人大代表建议{s}件、政协委员提案{s}件，已全部办结。",
    "按照《条例》第{s}条规定，设立政府信息查阅点{s}个。",  # org.reading_points, not the article
)
# Of the sentences above, the ones that state a generation-A figure of their own.
OWN_FIGURE = {"设立政府信息查阅点{s}个": ("org.reading_points", "s")}
HEADINGS = (
    "一、概述",
    "二、主动公开政府信息情况",
    "三、依申请公开政府信息情况",
    "四、政府信息公开的收费及减免情况",
    "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "六、存在的主要问题及改进措施",
)
CHROME_TOP = (
    "登录 注册",
    "您当前的位置：首页 > 政务公开 > 政府信息公开年报 > {published}",
    "发布日期：{published}-02-{day:02d}  点击数：{y}  来源：{place}人民政府",
)
CHROME_BOTTOM = (
    "【打印本页】 【关闭窗口】",
    "版权所有：{place}人民政府 地址：人民路1号 电话：0551-6{x}23 ICP备0500{s}号",
)


@dataclass(frozen=True)
class Expected:
    year: int
    agency: str
    figures: dict[str, int]


def prose_report(seed: int) -> tuple[list[str], Expected]:
    rng = random.Random(seed)
    year = rng.randint(2009, 2018)
    agency = _agency(rng)
    fill = _fill(rng, year, agency)
    figures: dict[str, int] = {}
    body = [*rng.sample(OPENINGS, 2)]
    body += [HEADINGS[0], "我们成立了政府信息公开工作领导小组，明确专人负责日常工作。"]
    body += [HEADINGS[1], _proactive(rng, fill, figures), _other(rng, fill, figures)]
    body += [HEADINGS[2], _requests(rng, fill, figures)]
    body += [HEADINGS[3], rng.choice(FEES_NONE), _other(rng, fill, figures)]
    body += [HEADINGS[4], rng.choice(APPEALS_NONE)]
    body += [HEADINGS[5], "信息公开的及时性还需提高，下一步将加强培训。"]
    figures.update({"requests.fees": 0, "review.total": 0, "litigation.total": 0})
    title = rng.choice(TITLES) if rng.random() < 0.8 else "{year}年政府信息公开工作年度报告"
    body = [line.format(**fill) for line in body]
    if "{agency}" not in title:  # the agency signs at the end
        body += [agency, f"{year + 1}年2月{fill['day']}日"]
    return _damaged(rng, title.format(**fill), body, fill), Expected(year, agency, figures)


def _other(rng: random.Random, fill: dict, figures: dict) -> str:
    text = rng.choice(OTHER_QUANTITIES)
    for words, (key, slot) in OWN_FIGURE.items():
        if words in text:
            figures[key] = fill[slot]
    return text


def _agency(rng: random.Random) -> str:
    place = rng.choice(PLACES)
    return place + rng.choice(UNITS + TOWNS)


def _fill(rng: random.Random, year: int, agency: str) -> dict:
    n = rng.randint(5, 900)
    return {
        "year": year, "agency": agency, "self": SELF.get(agency[-1], "单位"), "n": n,
        "w": rng.randint(1, n), "c": rng.randint(1, n), "a": rng.randint(1, n),
        "b": rng.randint(1, n), "t": n + rng.randint(50, 3000), "r": rng.randint(1, 40),
        "x": rng.randint(10, 5000), "y": rng.randint(1000, 90000), "s": rng.randint(2, 30),
        "place": agency[:3], "published": year + 1, "day": rng.randint(1, 28),
    }  # fmt: skip


def _proactive(rng: random.Random, fill: dict, figures: dict) -> str:
    text, parts = rng.choice(PROACTIVE)
    figures["proactive.total"] = fill["n"]
    figures.update({CHANNEL_KEYS[part]: fill[part] for part in parts})
    return text


def _requests(rng: random.Random, fill: dict, figures: dict) -> str:
    if rng.random() < 0.6:
        figures["requests.received"] = 0
        return rng.choice(REQUESTS_NONE)
    figures["requests.received"] = fill["r"]
    return rng.choice(REQUESTS_SOME)


def _damaged(rng: random.Random, title: str, body: list[str], fill: dict) -> list[str]:
    """Chrome around the page, then one kind of damage of real copies."""
    chrome = rng.random() < 0.7
    top = [line.format(**fill) for line in CHROME_TOP] if chrome else []
    bottom = [line.format(**fill) for line in CHROME_BOTTOM] if chrome else []
    damage = rng.choice(DAMAGE)
    if damage == "one-cell":  # a crawler that kept the article as one table cell
        return [*top, f"{title} | ||", " ".join(body) + " |", *bottom]
    lines = [*top, title, *body, *bottom]
    if damage == "wrapped":  # a PDF's text layer: prose cut into lines of a page's width
        width = rng.randint(24, 38)
        return [line[i : i + width] for line in lines for i in range(0, len(line), width)]
    if damage == "traditional":
        return [zhconv.convert(line, "zh-hant") for line in lines]
    if damage == "full-width":
        return [line.translate(FULL_WIDTH) for line in lines]
    return lines


DAMAGE = ("none", "wrapped", "traditional", "full-width", "one-cell")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
