"""An external agency's region and level read from its printed name (agency_names.py)."""

import pytest

from gongkai.web.intelligence.agency_names import name_parts


@pytest.mark.parametrize(
    ("name", "region", "level"),
    [
        ("广东省深圳市南山区人民政府", "广东省深圳市南山区", "county_government"),
        ("淮安市洪泽区人民政府", "淮安市洪泽区", "county_government"),
        ("深圳市市场监督管理局", "深圳市", "municipal_department"),
        # a county's 市场监督管理局: the 市 begins 市场, it ends no prefecture's name
        ("濉溪县市场监督管理局", "濉溪县", "county_department"),
        ("安徽省淮北市濉溪县市场监督管理局", "安徽省淮北市濉溪县", "county_department"),
        ("南山区市场监督管理局", "南山区", "county_department"),
        ("阿里地区行政公署", "阿里地区", "municipal_department"),
        ("北京市东城区东直门街道办事处", "北京市东城区", "township"),
        # a county-level city looks like a prefecture; the division codes tell
        ("义乌市人民政府", "义乌市", "county_government"),
        ("浙江省义乌市财政局", "浙江省义乌市", "county_department"),
        ("金华市义乌市人民政府", "金华市义乌市", "county_government"),
        ("湖北省仙桃市人民政府", "湖北省仙桃市", "county_government"),
        ("金华市人民政府", "金华市", "municipal_government"),
    ],
)
def test_the_region_and_level_of_a_printed_name(name, region, level):
    parts = name_parts(name)
    assert (parts.region, parts.level) == (region, level)
