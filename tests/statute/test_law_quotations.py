"""Letters quote the 条例 word for word, from the packaged copy of the law
(tests/test_shared_copies.py checks it against ../shared/spec/law where that is present)."""

from importlib.resources import files

import pytest

from gongkai.statute.law import articles, chinese_number, provision, quotation


def test_the_regulations_have_fifty_six_articles():
    assert sorted(articles()) == list(range(1, 57))


@pytest.mark.parametrize(
    ("text", "number"), [("一", 1), ("十", 10), ("十四", 14), ("三十", 30), ("五十六", 56)]
)
def test_chinese_numbers_are_read(text, number):
    assert chinese_number(text) == number


def test_an_article_is_quoted_whole():
    assert provision("第十四条") == (
        "依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、"
        "公共安全、经济安全、社会稳定的政府信息，不予公开。"
    )


def test_a_paragraph_is_the_kuan_of_its_article():
    assert provision("第十六条第一款").startswith("行政机关的内部事务信息")
    assert provision("第三十三条第三款") == (
        "行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内。"
    )


def test_an_item_is_found_by_its_number():
    assert provision("第三十六条第（五）项").startswith(
        "(五)所申请公开信息不属于本行政机关负责公开的"
    )


def test_a_quotation_names_the_regulations_and_drops_the_item_mark_and_final_stop():
    assert quotation("第三十六条第（四）项") == (
        "《中华人民共和国政府信息公开条例》第三十六条第（四）项"
        "“经检索没有所申请公开信息的，告知申请人该政府信息不存在”"
    )


@pytest.mark.parametrize("reference", ["第五十七条", "第十四条第二款", "第三十六条第（八）项"])
def test_a_provision_that_does_not_exist_is_refused(reference):
    with pytest.raises(ValueError, match="条例没有"):
        provision(reference)


def test_a_reference_that_is_not_a_reference_is_refused():
    with pytest.raises(ValueError, match="无法识别的条文引用"):
        provision("第三十条之一")


def test_every_provision_is_a_verbatim_part_of_the_law_file():
    law_text = files("gongkai.statute").joinpath("regulations-2019.md").read_text("utf-8")
    for article in articles().values():
        for paragraph in article.paragraphs:
            assert paragraph in law_text
