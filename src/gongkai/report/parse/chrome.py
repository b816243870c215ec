"""Web-page chrome around a report: navigation, 登录 注册, breadcrumbs, 发布日期/点击数 lines,
share and print buttons, footers with phone and ICP numbers. None of it may give a figure, a
year or an agency, so such lines are set apart before anything else reads the page.

Chrome is recognised by its own words (data below), never by position alone: a report's
signature block and its contact sentence stay report text. Only short lines are candidates,
so a prose paragraph that mentions 电话 in passing is never dropped.
"""

import re
from dataclasses import dataclass

from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.normalize import squeeze

# Longest line (squeezed) that can be chrome; report sentences are longer or end in 。.
CHROME_MAX = 120
# Words no report sentence uses: a short line holding one is chrome even with commas.
STRONG_WORDS = re.compile(
    r"登录|退出登录|无障碍|长者模式|关怀版|设为首页|加入收藏|网站地图|"
    r"当前位置|您的位置|所在位置|现在的位置|当前的位置|点击数|点击率|点击量|浏览次数|"
    r"阅读次数|访问次数|打印本页|关闭窗口|关闭本页|分享到|扫一扫|收藏本页|版权所有|"
    r"技术支持|ICP|icp|公网安备|网站标识码|Copyright|COPYRIGHT|copyright|©|上一篇|下一篇|附件下载"
)  # case spelled out: an IGNORECASE pattern is several times slower
STRONG_MAX = 60
# Words that report prose may also use: chrome only on a line without a sentence in it.
WEAK_WORDS = re.compile(
    r"注册|登陆|繁体|简体|字号|字体|打印|关闭|分享|收藏|主办单位|承办单位|网站支持|维护单位|"
    r"备案号|联系我们|网站声明|隐私声明|网站纠错|相关链接|浏览量|阅读数|访问量"
)
# `来源：…`, `发布时间：…` metadata, and a breadcrumb `首页 > 政务公开 > 年报`.
METADATA = re.compile(
    r"(?:发布日期|发布时间|发文日期|成文日期|公开日期|更新时间|时间|日期|来源|作者|编辑|"
    r"索引号|文号|发布机构|发文机关|主题分类|分类|有效性|公开方式|公开范围|公开时限|"
    r"信息来源|责任编辑|审核|电话|传真|邮编|地址|邮箱|E-mail|e-mail|Email|email)\s*[:：]"
)
BREADCRUMB = re.compile(r"首页\s*(?:[>＞»›→/|]|&gt;)|(?:[>＞»›]\s*\S+\s*){2,}")
# Lines that hold a sentence of the report (a sentence end, or its contact sentence).
SENTENCE = re.compile(r"[。;,]|如对|请与|联系.*(?:地址|电话)")
# Metadata cells of a page's header table (| 索引号 | 014416330/2018-04736 | 分 类 | …).
META_CELLS = frozenset(
    {"索引号", "文号", "发布机构", "发文机关", "发文日期", "发布日期", "成文日期", "分类",
     "主题分类", "有效性", "公开方式", "公开范围", "公开时限", "来源", "公开日期", "发布时间"}
)  # fmt: skip
META_WORD = re.compile("|".join(sorted(META_CELLS, key=len, reverse=True)))


@dataclass(frozen=True)
class Page:
    content: list[SourceLine]
    chrome: list[SourceLine]
    lines: list[SourceLine]  # all of them, in order: the publication date is read from chrome


def split_chrome(lines: list[SourceLine]) -> Page:
    content, chrome = [], []
    for line in lines:
        (chrome if is_chrome(line.text) else content).append(line)
    return Page(content, chrome, lines)


def is_chrome(text: str) -> bool:
    squeezed = squeeze(text)
    if not squeezed or len(squeezed) > CHROME_MAX:
        return False
    if "|" in text:
        return _is_metadata_row(text, squeezed)
    if len(squeezed) <= STRONG_MAX and STRONG_WORDS.search(squeezed):
        return True
    if SENTENCE.search(squeezed):
        return False
    return bool(WEAK_WORDS.search(squeezed) or METADATA.search(squeezed) or BREADCRUMB.search(text))


def _is_metadata_row(text: str, squeezed: str) -> bool:
    """A header-table row of the page; a report table's rows (… | 3 | 0 | …) are kept."""
    if not (META_WORD.search(squeezed) or STRONG_WORDS.search(squeezed)):
        return False
    cells = [squeeze(cell).rstrip(":") for cell in text.split("|")]
    return any(cell in META_CELLS for cell in cells) or (
        not any(cell.isdigit() for cell in cells) and bool(STRONG_WORDS.search("".join(cells)))
    )
