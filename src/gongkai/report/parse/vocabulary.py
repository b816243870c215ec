"""Parser-only vocabulary, as data: what real pages print around the statutory labels.

The statutory labels themselves come from `gongkai.report.formats` and `aliases` (never
re-typed here). What is listed here is the furniture of real tables and pages: blank markers,
units printed inside cells, header words, page footers. Spec: statute-and-formats.md §1.2,
§2.4 and the seed notes.
"""

import re

# Cells that mean "no figure" (report-json.md: kept as null, never 0).
# Compared after `normalize.squeeze`, which turns every dash into "-"; runs of dashes, slashes
# and dots are blank too (see BLANK_RUN).
BLANK_MARKS = frozenset({"", "无", "空", "暂无", "x", "X", "×", "*", "、", "…", "......"})
BLANK_RUN = re.compile(r"^[-/\\_.·…~]*$")
# 本年增/减 written as words meaning no change (未增未减): a cell whose figure is 0, seen on
# generation-B pages of 退役军人 and other offices; the row keeps its width.
NO_CHANGE = frozenset({"未增未减", "无增减", "无增无减", "不增不减", "没有增减",
                       "未增减", "无变化", "未变化", "没有变化", "无变动",
                       "未变动", "不变", "持平"})  # fmt: skip

# Units printed in cells besides the formats' own (cells.csv) — 元 for amounts (§2.1).
EXTRA_UNITS = ("元", "万元", "人", "人次", "次", "条", "件", "个", "篇", "项", "家", "份", "户",
               "场", "期", "批", "批次", "起", "宗", "例", "部", "台", "本", "天", "小时",
               "%")  # fmt: skip

# Words printed only as table headers or stubs (besides the formats' column labels).
HEADER_WORDS = (
    "单位",
    "统计数",
    "统计指标",
    "指标",
    "计量单位",
    "数量",
    "数值",
    "序号",
    "项目",
    "备注",
    "主要公开载体或需要说明的情况",
    "需要说明的情况",
    "申请人情况",
    "信息内容",
    "法人或其他组织",
    "本年新",
    "本年增",
    "减",
)

# Approximate figures (7100余条) are prose, not table values (seed 004 notes).
APPROXIMATE = re.compile(r"(余|多|左右|以上|以下|约|近)")

# Page furniture that PDF and scraped text put between table rows.
FOOTER = re.compile(
    r"^(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-—－]\s*\d+\s*[-—－]|\d+\s*/\s*\d+"
    r"|page\s*\d+(?:\s*of\s*\d+)?|共\s*\d+\s*页\s*第\s*\d+\s*页)$",
    re.IGNORECASE,
)
# Markdown table rule lines (|---|:---:|) carry no cells.
MARKDOWN_RULE = re.compile(r"^\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")

# Lines that end a table region: long prose.
PROSE_MIN_LENGTH = 60
