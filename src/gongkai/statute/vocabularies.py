"""The seed vocabularies of the catalogue (条例第二十条, national 主题分类 and 公文种类).
Agencies may add their own terms; these are what a new installation starts with."""

from gongkai.statute.law import ITEM_MARK, articles, chinese_number


def article_20_items() -> tuple[tuple[int, str], ...]:
    """条例第二十条: the fifteen kinds of information every agency publishes proactively,
    read from the law text: ((1, "(一)行政法规、规章和规范性文件"), …)."""
    items = []
    for text in articles()[20].paragraphs:
        if mark := ITEM_MARK.match(text):
            items.append((chinese_number(mark.group(1)), text.rstrip("；;。")))
    return tuple(items)


# 主题分类 as used by the State Council's policy library (gov.cn).
SUBJECTS = (
    "国务院组织机构", "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计",
    "国土资源、能源", "农业、林业、水利", "工业、交通", "商贸、海关、旅游",
    "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版",
    "卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法",
    "民政、扶贫、救灾", "民族、宗教", "对外事务", "港澳台侨工作", "国防", "其他",
)  # fmt: skip

# 体裁分类: the 15 kinds of official document (《党政机关公文处理工作条例》第八条) and the
# other forms catalogues use.
FORMS = (
    "决议", "决定", "命令（令）", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
    "请示", "批复", "议案", "函", "纪要", "规章", "行政规范性文件", "规划", "统计信息",
    "政策解读", "工作动态", "年度报告", "政府信息公开工作年度报告", "其他",
)  # fmt: skip
# 条例第四十九条: the yearly report on the agency's open-government-information work, which the
# portal lists in its 年报 column.
ANNUAL_REPORT_FORM = "政府信息公开工作年度报告"

CHANNELS = (
    ("website", "政府网站"), ("gazette", "政府公报"), ("weibo", "政务微博"),
    ("wechat", "政务微信"), ("press", "新闻发布会"), ("media", "报刊、广播、电视"),
    ("reading_point", "查阅场所"), ("other", "其他"),
)  # fmt: skip
