"""Parse findings, in the rulebook's Finding shape, with rule ids `P-…`.

A parse finding says what the parser could not read with certainty; the cell concerned is
null (report-json.md: never invent a number). They are listed next to the rulebook's findings.
"""

from gongkai.report.findings import Finding, Severity

# Rule id -> (severity, Chinese message, English message); `{…}` fields are filled per finding.
PARSE_RULES: dict[str, tuple[Severity, str, str]] = {
    "P-1": (
        Severity.WARNING,
        "单元格“{text}”无法识别为数字，按空白处理",
        "cell '{text}' is not a readable figure; read as blank",
    ),
    "P-2": (
        Severity.WARNING,
        "“{label}”一行有 {found} 个数值，表格应有 {expected} 个，无法确定对应的列，按空白处理",
        "row '{label}' has {found} values where the table has {expected} columns; "
        "the columns cannot be told apart, read as blank",
    ),
    "P-3": (
        Severity.INFO,
        "单元格“{text}”有前导零，读作 {value}",
        "cell '{text}' has a leading zero; read as {value}",
    ),
    "P-4": (
        Severity.WARNING,
        "正文称 {narrative}，表格为 {table}",
        "the prose states {narrative}, the table {table}",
    ),
    "P-5": (
        Severity.INFO,
        "“{label}”一行不应有数值（分组标题），已作为附加行保留",
        "row '{label}' is a group heading that takes no figure; kept as an extra row",
    ),
    "P-6": (
        Severity.INFO,
        "未找到任何统计表格",
        "no statistics table was found",
    ),
    "P-7": (
        Severity.INFO,
        "报告年度 {year} 按规定应使用{expected}格式，表格词汇显示为{found}格式",
        "reporting year {year} calls for generation {expected}; the table vocabulary is "
        "generation {found}",
    ),
    "P-8": (
        Severity.WARNING,
        "未能确定报告年度，按 {year} 处理",
        "the reporting year could not be found; {year} assumed",
    ),
    "P-9": (
        Severity.WARNING,
        "“{table}”的表格经文本提取后残缺，按行序和勾稽关系仍有多种读法，{count} 个单元格按空白处理",
        "the table '{table}' was broken by text extraction and its row order and consistency "
        "rules still allow more than one reading; {count} cells read as blank",
    ),
    "P-10": (
        Severity.INFO,
        "“{label}”一行的数字粘连为“{text}”，按勾稽关系唯一拆分为 {values}",
        "the figures of row '{label}' are glued together as '{text}'; the only split "
        "consistent with the table's rules is {values}",
    ),
    "P-11": (
        Severity.WARNING,
        "“{label}”一行印在{found}格式的列下，这些列在{expected}格式中含义不同，按空白处理",
        "row '{label}' is printed under generation {found}'s columns, which mean something "
        "else in generation {expected}; read as blank",
    ),
    "P-20": (
        Severity.INFO,
        "正文“{text}”是约数，按 {value} 记",
        "the prose figure '{text}' is approximate; read as {value}",
    ),
}


def parse_finding(rule: str, cells: tuple[str, ...] = (), **fields: object) -> Finding:
    severity, zh, en = PARSE_RULES[rule]
    return Finding(
        rule=rule,
        severity=severity,
        cells=cells,
        message_zh=zh.format(**fields),
        message_en=en.format(**fields),
    )
