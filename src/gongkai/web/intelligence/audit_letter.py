"""The 审查意见: the supervising office's written opinion on one agency's annual report, laid
out by the letter engine the applications' letters use (gongkai.letters: the same 公文 page,
type and renderers), from an audit row."""

from datetime import date

from gongkai.letters.model import Block, Letter, Style
from gongkai.letters.render import FORMATS, MEDIA_TYPES
from gongkai.statute.explain import chinese_date
from gongkai.web.agencies.models import Agency
from gongkai.web.intelligence.audit import KIND_LABELS, AuditRow, Kind

LETTER_FORMATS = ("docx", "pdf")
NUMERALS = "一二三四五六七八九十"


def opinion_title(row: AuditRow) -> str:
    return f"关于{row.agency.name}{row.year}年度政府信息公开工作年度报告的审查意见"


def opinion_blocks(row: AuditRow) -> list[Block]:
    year = row.year
    if not row.findings:
        return [
            Block(
                f"经审查，你单位{year}年度政府信息公开工作年度报告按时发布，"
                "格式与年度相符，未发现数字勾稽错误、与上年报告不衔接或空白单元格等问题。"
            )
        ]
    blocks = [Block(f"根据《中华人民共和国政府信息公开条例》第四十九条、第五十条的规定，"
                    f"我办对你单位{year}年度政府信息公开工作年度报告进行了审查，"
                    f"发现以下{len(row.findings)}个问题：")]  # fmt: skip
    for number, kind in enumerate(k for k in Kind if row.count(k)):
        blocks.append(Block(f"{NUMERALS[number % 10]}、{KIND_LABELS[kind]}"))
        found = [f for f in row.findings if f.kind is kind]
        blocks += [Block(f"{n}. {f.message}。", Style.PLAIN) for n, f in enumerate(found, 1)]
    blocks.append(Block("请你单位对照上述问题逐项核实，对确有错误的予以更正，"
                        "并将更正后的年度报告重新发布，同时将整改情况书面报送我办。"))  # fmt: skip
    return blocks


def opinion(office: Agency, row: AuditRow, issued_on: date) -> Letter:
    return Letter(
        key="audit-opinion",
        title=opinion_title(row),
        number=f"审查意见〔{issued_on.year}〕{row.agency.code}号",
        addressee=row.agency.name,
        blocks=tuple(opinion_blocks(row)),
        signature=office.name,
        date=chinese_date(issued_on),
    )


def rendered_opinion(office: Agency, row: AuditRow, issued_on: date, fmt: str) -> bytes:
    """The 审查意见 as DOCX or PDF bytes."""
    if fmt not in LETTER_FORMATS:
        raise ValueError(fmt)
    return FORMATS[fmt](opinion(office, row, issued_on))


def media_type(fmt: str) -> str:
    return MEDIA_TYPES[fmt]
