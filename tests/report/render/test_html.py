"""The HTML report: the whole document, semantic tables, print styles for A4."""

import re
from decimal import Decimal

from lxml import html as lxml_html

from gongkai.report.render.html import render_html


def page(report):
    return lxml_html.document_fromstring(render_html(report))


def test_the_title_names_the_agency_and_the_reporting_year(environment_bureau_2022):
    tree = page(environment_bureau_2022)
    assert tree.findtext(".//title") == "青山县生态环境局2022年政府信息公开工作年度报告"
    assert tree.find(".//h1").text_content() == "青山县生态环境局2022年政府信息公开工作年度报告"
    assert tree.get("lang") == "zh-CN"


def test_it_prints_the_six_sections_in_order(environment_bureau_2022):
    headings = [h.text_content() for h in page(environment_bureau_2022).iter("h2")]
    assert headings == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_section_prose_is_printed_without_repeating_the_heading(market_bureau_2024):
    section = page(market_bureau_2024).get_element_by_id("section-一").getparent()
    paragraphs = [p.text_content() for p in section.iter("p")]
    assert paragraphs == ["2024年，本局认真贯彻落实《条例》。", "全年主动公开信息120条。"]


def test_headers_have_scopes_and_tables_have_captions(environment_bureau_2022):
    tree = page(environment_bureau_2022)
    matrix = tree.get_element_by_id("table-s3")
    banner = matrix.xpath(".//th[.='申请人情况']")[0]
    assert (banner.get("scope"), banner.get("colspan")) == ("colgroup", "7")
    legal = matrix.xpath(".//th[.='法人或其他组织']")[0]
    assert (legal.get("scope"), legal.get("colspan")) == ("colgroup", "5")
    assert matrix.xpath(".//th[.='（三）不予公开']")[0].get("scope") == "rowgroup"
    assert matrix.xpath(".//th[.='（一）予以公开']")[0].get("scope") == "row"
    assert all(table.find("caption") is not None for table in tree.iter("table"))
    assert tree.get_element_by_id("table-s2-documents").findtext("caption") == "第二十条第（一）项"


def test_the_matrix_carries_its_consistency_note(environment_bureau_2022):
    note = page(environment_bureau_2022).xpath("//td[@class='note']")[0]
    assert note.text_content().startswith("（本列数据的勾稽关系为")
    assert (note.get("rowspan"), note.get("colspan")) == ("3", "3")


def test_the_appeals_headers_span_as_in_the_format(environment_bureau_2022):
    table = page(environment_bureau_2022).get_element_by_id("table-s4")
    spans = {th.text_content(): th.get("colspan") for th in table.iter("th")}
    assert spans["行政复议"] == "5" and spans["行政诉讼"] == "10"
    assert spans["未经复议直接起诉"] == "5" and spans["复议后起诉"] == "5"


def test_a_blank_cell_renders_blank_not_zero(environment_bureau_2022):
    environment_bureau_2022.cells["s4.after_review.pending"] = None
    cell = page(environment_bureau_2022).xpath("//td[@data-key='s4.after_review.pending']")[0]
    assert cell.text_content() == ""
    zero = page(environment_bureau_2022).xpath("//td[@data-key='s4.after_review.upheld']")[0]
    assert zero.text_content() == "0"


def test_amounts_in_wan_keep_their_decimals(market_bureau_2024):
    market_bureau_2024.cells["s2.fees.amount"] = Decimal("0.2600")
    cell = page(market_bureau_2024).xpath("//td[@data-key='s2.fees.amount']")[0]
    assert cell.text_content() == "0.2600"


def test_agency_names_are_escaped(environment_bureau_2022):
    environment_bureau_2022.agency = "<script>某局</script>"
    text = render_html(environment_bureau_2022)
    assert "<script>" not in text and "&lt;script&gt;某局" in text


def test_the_stylesheet_sets_an_a4_page_and_cjk_fonts(environment_bureau_2022):
    css = page(environment_bureau_2022).findtext(".//style")
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)
    assert "@media print" in css
    body_fonts = re.search(r"\nbody\s*{[^}]*font-family:([^;]*);", css).group(1)
    assert body_fonts.index('"仿宋_GB2312"') < body_fonts.index('"Noto Serif CJK SC"')


def test_generation_a_prints_the_statistics_table_with_its_own_rows(education_bureau_2016):
    table = page(education_bureau_2016).xpath("//table")[0]
    header = [th.text_content() for th in table.find("thead").iter("th")]
    assert header == ["统计指标", "单位", "统计数"]
    rows = {tr[0].text_content(): [td.text_content() for td in tr[1:]] for tr in table.iter("tr")}
    assert rows["（一）收到申请数"] == ["件", "6"]
    assert rows["一、主动公开情况"] == ["—", "—"]
    assert "5.其他形式" not in rows  # a 山东 row this report does not have


def test_extra_rows_print_in_their_section(seed_000, market_bureau_2024):
    rows = [tr[0].text_content() for tr in page(seed_000).iter("tr")]
    assert rows.index("二、推进“五公开”情况") < rows.index("1. 重大决策征求社会意见数")
    section = page(market_bureau_2024).get_element_by_id("section-二").getparent()
    extra = section.xpath(".//table[caption='其他统计指标']//tr[th='公开环保信息数']/td")
    assert [td.text_content() for td in extra] == ["条", "35"]
