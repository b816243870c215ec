"""Every file format reaches the line parser as the same lines: prose, and table rows with
cells joined by " | ", blanks kept."""

import io

import pytest
from docx import Document

from gongkai.report.parse.readers import UnreadableSource, read_bytes, read_report

TITLE = "青山县财政局2025年政府信息公开工作年度报告"
TABLE_HTML = """
<table>
  <tr><th rowspan="2">信息内容</th><th colspan="3">本年新制作数量</th></tr>
  <tr><td>规章</td><td>&nbsp;</td><td>0</td></tr>
  <tr><td><p>规范性</p><p>文件</p></td><td>2</td><td><span>1</span><span>2</span></td></tr>
</table>
"""


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def page(body: str, charset: str = "utf-8") -> bytes:
    html = f"""<html><head><meta charset="{charset}"><title>{TITLE}</title>
    <script>var menu = "首页";</script><style>p {{ color: red }}</style></head>
    <body><nav><a href="/">首页</a> | <a href="/xxgk">信息公开</a></nav>{body}</body></html>"""
    return html.encode(charset)


def test_text_lines_keep_their_line_numbers():
    lines = read_bytes("一、总体情况\n\n本年度共受理申请5件。\n".encode(), ".txt")
    assert (lines[0].text, lines[0].where["line"]) == ("一、总体情况", 1)
    assert lines[2].where == {"line": 3}


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16", "big5"])
def test_text_in_any_common_encoding_is_decoded(encoding):
    text = "二、主动公开政府信息情况：本年度主动公开政府信息1603条。"
    if encoding == "big5":
        text = "二、主動公開政府資訊情況：本年度主動公開政府資訊1603條。"
    lines = read_bytes(text.encode(encoding), ".txt")
    assert texts(lines)[0] == text


def test_an_html_page_gives_prose_and_table_rows_without_scripts():
    lines = texts(
        read_bytes(page(f"<h1>{TITLE}</h1>{TABLE_HTML}<p>五、存在的主要问题</p>"), ".html")
    )
    assert lines[0] == TITLE  # from <title>
    assert "var menu" not in " ".join(lines) and "color: red" not in " ".join(lines)
    assert "信息内容 | 本年新制作数量" in lines
    assert "规章 |  | 0" in lines  # &nbsp; is a blank cell, kept as one
    assert "规范性文件 | 2 | 12" in lines  # paragraphs inside a cell join; spans do not split
    assert lines[-1] == "五、存在的主要问题"


def test_an_html_page_declared_as_gbk_is_decoded():
    lines = texts(read_bytes(page(f"<p>{TITLE}</p>", charset="gbk"), ".htm"))
    assert TITLE in lines


def test_a_layout_table_is_read_as_prose_and_its_inner_table_as_rows():
    body = f"<table><tr><td><p>{TITLE}</p>{TABLE_HTML}</td></tr></table>"
    lines = texts(read_bytes(page(body), ".html"))
    assert TITLE in lines and "规章 |  | 0" in lines


def test_table_rows_know_their_table_and_row():
    lines = read_bytes(page(TABLE_HTML + TABLE_HTML), ".html")
    rows = [line.where for line in lines if "规章" in line.text]
    assert [(where["table"], where["row"]) for where in rows] == [(1, 2), (2, 2)]


def docx_bytes() -> bytes:
    document = Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "信息内容"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "本年新制作数量"
    table.cell(1, 1).text, table.cell(1, 2).text = "规章", "0"
    table.cell(2, 0).text = "规范性文件"
    table.cell(2, 1).text = "2"
    document.add_paragraph("五、存在的主要问题")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def test_a_word_file_gives_paragraphs_and_rows_in_order_with_merges_read_once():
    lines = texts(read_bytes(docx_bytes(), ".docx"))
    assert lines == [
        TITLE,
        "信息内容 | 本年新制作数量",
        "规章 | 0",
        "规范性文件 | 2 | ",
        "五、存在的主要问题",
    ]


def pdf_bytes() -> bytes:
    from weasyprint import HTML

    css = "td, th { border: 1px solid #000; padding: 4px } table { border-collapse: collapse }"
    body = f"<p>{TITLE}</p>{TABLE_HTML}<p>五、存在的主要问题</p>"
    html = f"<html lang='zh-CN'><style>{css}</style>{body}"
    return HTML(string=html).write_pdf()


def test_a_pdf_gives_prose_and_table_rows_in_reading_order():
    lines = read_bytes(pdf_bytes(), ".pdf")
    assert texts(lines)[0] == TITLE
    assert "规章 |  | 0" in texts(lines)
    assert "规范性文件 | 2 | 12" in texts(lines)
    assert texts(lines)[-1] == "五、存在的主要问题"
    assert lines[1].where["page"] == 1 and lines[1].where["table"] == 1


def test_the_format_is_sniffed_when_the_name_says_nothing(tmp_path):
    path = tmp_path / "report"
    path.write_bytes(docx_bytes())
    assert texts(read_report(path))[0] == TITLE


@pytest.mark.parametrize(
    ("data", "suffix", "reason"),
    [
        (b"", ".txt", "empty"),
        (b"%PDF-1.4 garbage", ".pdf", "PDF"),
        (b"PK\x03\x04 not really a zip", ".docx", "Word"),
    ],
)
def test_an_unreadable_file_gives_a_one_line_reason(data, suffix, reason):
    with pytest.raises(UnreadableSource, match=reason):
        read_bytes(data, suffix)


def test_a_missing_file_gives_a_reason(tmp_path):
    with pytest.raises(UnreadableSource, match="No such file"):
        read_report(tmp_path / "nope.txt")
