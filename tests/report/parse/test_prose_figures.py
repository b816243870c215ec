"""Prose-only generation-A reports: figures in sentences, zeros written as negations, and
figures of other quantities left alone. The sentences have the shapes of real county, town
and department reports of 2009–2018 (agencies and figures invented)."""

from decimal import Decimal

import pytest

from gongkai.report.parse import parse_lines
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.narrative import read_narrative, read_prose


def lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(text, {"line": n}) for n, text in enumerate(texts, 1)]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("本局全年共主动公开各类信息46条。", {"proactive.total": 46}),
        ("全年主动公开信息37条，其中网站公开25条。",
         {"proactive.total": 37, "proactive.via_website": 25}),
        ("2015年度我镇在主动公开政府信息件数为88件，处理网上投诉件12只。", {"proactive.total": 88}),
        ("依照主动公开目录公开各类信息及工作动态类信息合计141条。", {"proactive.total": 141}),
        ("累计主动公开政府信息已达812条。2016年新增主动公开政府信息64条，其中概况信息5条。",
         {"proactive.total": 64}),
        ("我办在市政府网站主动公开信息19条，其中工作动态6条，其中主站采用9条。",
         {"proactive.total": 19}),
        ("主动公开政府信息230条，共在县信息公开网发布信息150条，局微信公众号发布微文80篇。",
         {"proactive.total": 230, "proactive.via_website": 150, "proactive.via_wechat": 80}),
        ("2014年，我局收到9起政府信息依申请公开，均按时办理。", {"requests.received": 9}),
        ("本街道共收到申请3件，均按时办结，其中申请公开信息不存在2件，不属于本行政机关公开1件。",
         {"requests.received": 3, "requests.answered.not_exist": 2,
          "requests.answered.not_this_agency": 1}),
        ("全年共受理政府信息公开申请14件，其中当面申请4件，网络申请8件，信函申请2件。",
         {"requests.received": 14, "requests.received.in_person": 4,
          "requests.received.online": 8, "requests.received.letter": 2}),
        ("依申请公开收费为0。", {"requests.fees": Decimal(0)}),
        ("收到有关政府信息公开的行政复议申请0件。", {"review.total": 0}),
        ("全年收取检索复制费120元。", {"requests.fees": Decimal("0.012")}),
    ],
)  # fmt: skip
def test_a_figure_in_a_sentence_is_read_for_its_topic(text, figures):
    assert read_narrative([text], "A") == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("本年度未收到公民、法人或其他组织的政府信息公开申请。", {"requests.received": 0}),
        ("没有收到群众的信息公开申请。", {"requests.received": 0}),
        ("2013年度我乡没有接到群众主动要求公开政府信息的申请。", {"requests.received": 0}),
        ("本年度沒有申請公開政府信息和不予公開政府信息的情況。", {"requests.received": 0}),
        ("未收到要求公开其它信息的申请，也不存在不予公开政府信息。", {"requests.received": 0}),
        ("未发生因政府信息公开引起的行政复议和行政诉讼。",
         {"review.total": 0, "litigation.total": 0}),
        ("本年度没有发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
         {"review.total": 0, "litigation.total": 0}),
        ("2011年度未收到行政复议、提起行政诉讼的申请。",
         {"review.total": 0, "litigation.total": 0}),
        ("我局未收到政府信息公开投诉及因政府信息公开提起行政诉讼的情况。",
         {"litigation.total": 0}),
        ("本单位没有向依申请公开对象收取复印、传真、递送等任何费用，也无减免情况。",
         {"requests.fees": Decimal(0)}),
        ("我局未收到政府信息公开申请，因此未产生检索、复印、邮递等成本费用。",
         {"requests.received": 0, "requests.fees": Decimal(0)}),
    ],
)  # fmt: skip
def test_a_negation_states_a_zero(text, figures):
    assert read_narrative([text], "A") == figures


@pytest.mark.parametrize(
    "text",
    [
        "2014年度共接受群众咨询0次。",
        "全年共接受政府信息公开方面的咨询1860人次。",
        "政务微博粉丝3200余人，网站浏览量达15万次。",
        "全年办件量12000件，通过网审平台受理申请4364件，办结4364件。",
        "我局共收到人大代表建议10件，政协委员提案7件。",
        "按照《条例》第15条规定，通过网站等方式主动公开。",
        "本报告中所列数据的统计期限自2014年1月1日起至2014年12月31日止。",
        "(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)",
        "4.无正当理由大量反复申请",
        "没有逾期答复的申请。",
    ],
)
def test_figures_of_other_quantities_and_labels_are_not_taken(text):
    assert read_narrative([text], "A") == {}


def test_an_exact_figure_wins_over_an_approximate_one_which_is_taken_with_a_finding():
    approximate = read_prose(["主动公开工作动态、通知公告310余条。"], "A")["proactive.total"]
    assert (approximate.value, approximate.approximate) == (310, True)
    both = ["主动公开各类信息约300条。", "全年主动公开政府信息296条。"]
    assert read_narrative(both, "A") == {"proactive.total": 296}
    report = parse_lines(lines("青山镇2015年政府信息公开工作年度报告", "主动公开信息310余条。"))
    assert report.narrative == {"proactive.total": 310}
    assert any(f.rule == "P-20" and f.cells == ("proactive.total",) for f in report.findings)


def test_a_figure_beats_a_zero_read_from_a_negation_and_this_year_beats_a_running_total():
    text = ["截至年底累计收到申请40件。", "本年度收到政府信息公开申请6件，没有收到行政复议申请。"]
    assert read_narrative(text, "A") == {"requests.received": 6, "review.total": 0}


def test_a_heading_carries_its_topic_to_the_sentences_under_it():
    text = ["二、主动公开政府信息情况", "全年共发布信息52条，其中网站发布40条。"]
    assert read_narrative(text, "A") == {"proactive.total": 52, "proactive.via_website": 40}


def test_a_comparison_with_last_year_gives_this_years_figure():
    text = ["主动公开信息量由2014年的120条增加到2015年的180条。"]
    assert read_narrative(text, "A") == {"proactive.total": 180}


def test_a_sentence_wrapped_by_pdf_extraction_is_read_whole():
    wrapped = [
        "2016年度，本单位共收到公民、法人或其他组织提出的政府信",
        "息公开申请7件，均已按时答复。",
    ]
    assert read_narrative(wrapped, "A") == {"requests.received": 7}


def test_a_prose_only_report_parses_to_its_figures_and_no_table_finding_hides_them():
    report = parse_lines(
        lines(
            "白沙乡2014年政府信息公开工作年度报告",
            "一、概述",
            "我乡成立了政府信息公开工作领导小组。",
            "二、主动公开政府信息情况",
            "本单位全年共主动公开政府信息58条。",
            "三、依申请公开政府信息情况",
            "本年度未收到公民、法人或其他组织的政府信息公开申请。",
            "四、政府信息公开的收费及减免情况",
            "未收取任何政府信息公开费用。",
            "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
            "未发生因政府信息公开引起的行政复议和行政诉讼。",
        )
    )
    assert (report.generation, report.year, report.agency) == ("A", 2014, "白沙乡")
    assert report.narrative == {
        "proactive.total": 58,
        "requests.received": 0,
        "requests.fees": Decimal(0),
        "review.total": 0,
        "litigation.total": 0,
    }


def test_prose_in_a_crawled_table_cell_is_read_and_section_counts_are_not_figures():
    report = parse_lines(
        lines(
            "| 索引号: | /2015-30001 | 公开方式: | 主动公开 |",
            "2013年度白沙镇政府信息公开工作年度报告 | ||",
            "本报告由概述、主动公开政府信息情况、因政府信息公开申请行政复议、提起行政诉讼的情况等"
            "五个部分组成。2013年度我镇主动公开政府信息件数为77件。2013年，我镇未收到信息公开"
            "的申请。没有针对我镇政府信息公开申请而提起行政复议和行政诉讼的情况发生。 |",
        )
    )
    assert report.narrative == {
        "proactive.total": 77,
        "requests.received": 0,
        "review.total": 0,
        "litigation.total": 0,
    }


def test_a_request_may_be_called_a_demand_to_disclose():
    text = ["2015年，我乡没有收到申请人要求公开政府信息的情况。"]
    assert read_narrative(text, "A") == {"requests.received": 0}


def test_under_a_requests_heading_a_count_of_withheld_information_is_no_answer_to_a_request():
    text = ["二、依申请公开信息和不予公开信息的情况", "本年度没有依申请公开信息的情况。",
            "不予公开信息有6条，主要是内部人事安排。"]  # fmt: skip
    assert read_narrative(text, "A") == {"requests.received": 0}
    answered = ["三、依申请公开情况", "共收到4件，其中同意公开3件，不予公开1件。"]
    assert read_narrative(answered, "A") == {
        "requests.received": 4,
        "requests.answered.granted": 3,
        "requests.answered.refused": 1,
    }


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("2016年度我乡无一例因政府信息公开申请行政复议和提起行政诉讼发生。",
         {"review.total": 0, "litigation.total": 0}),
        ("回应公众关注热点或重大舆情数3次，分别是石场纠纷和道路施工。", {"response.hotspots": 3}),
        ("全年举办新闻发布会4场，开展政府网站在线访谈2期，发布政策解读稿件11篇。",
         {"response.press_conferences": 4, "response.online_interviews": 2,
          "response.interpretations": 11}),
        ("全年街道信息公开网站共发布政府信息60条。", {"proactive.total": 60}),
        ("政务微博发布信息120条。", {"proactive.via_weibo": 120}),
        ("全年街道本級信息公開網(wǎng)站共發(fā)布政府信息60條(tiáo)。", {"proactive.total": 60}),
    ],
)  # fmt: skip
def test_more_shapes_of_real_reports(text, figures):
    assert read_narrative([text], "A") == figures


@pytest.mark.parametrize(
    "text",
    [
        "未经复议直接起诉复议后起诉",  # two column headers run together
        "果果他未总果果他未总行政复议",  # headers split into characters
    ],
)
def test_table_furniture_is_no_negation(text):
    assert read_narrative([text], "A") == {}


def test_under_the_appeals_heading_no_application_is_no_review_and_no_lawsuit():
    text = ["五、因政府信息公开申请行政复议、提起行政诉讼的情况", "我镇2016年度无申请。"]
    assert read_narrative(text, "A") == {"review.total": 0, "litigation.total": 0}


def test_a_line_that_ends_in_a_comma_goes_on_in_the_next():
    text = ["二、依申请公开情况", "在已经答复的2件申请中，", "“同意公开”的2件，占总数的100%。"]
    assert read_narrative(text, "A") == {
        "requests.answered": 2,
        "requests.answered.granted": 2,
    }


def test_a_figure_counted_over_several_channels_belongs_to_none_of_them():
    text = ["政务网站、微信、微博共发布各类信息900条。"]
    assert read_narrative(text, "A") == {}


def test_publishing_all_kinds_of_information_is_the_total_and_its_parts_follow():
    text = ["2010年，我镇通过门户网站发布各类信息46条，其中政务微博发布12条。"]
    assert read_narrative(text, "A") == {"proactive.total": 46, "proactive.via_weibo": 12}


def test_in_a_2022_report_prose_answers_use_the_matrix_keys():
    text = ["收到政府信息公开申请4件，其中同意公开3件，部分公开1件。"]
    assert read_narrative(text, "C") == {
        "s3.new.total": 4,
        "s3.granted.total": 3,
        "s3.partial.total": 1,
    }


def test_the_channels_of_a_total_may_follow_in_the_next_sentence_of_its_paragraph():
    text = [
        "二、主动公开政府信息情况",
        "全年主动公开政府信息数300条，其中服务信息280条；通过政府网站公开信息数210条，"
        "通过局微信公众平台发布信息40条，通过报刊刊登信息20条。",
    ]
    assert read_narrative(text, "A") == {
        "proactive.total": 300,
        "proactive.via_website": 210,
        "proactive.via_wechat": 40,
    }


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("本单位成立了政府信息公开工作领导小组，配备了3名兼职工作人员，在办公室设立了2个政府"
         "信息查阅点和依申请公开受理点。", {"org.staff_part_time": 3, "org.reading_points": 2}),
        ("本機關從事政府信息公開工作的全職人員2人。", {"org.staff_full_time": 2}),
        ("配备1名专职工作人员负责政府信息公开日常工作。", {"org.staff_full_time": 1}),
        ("全县设立政府信息查阅点15个。", {"org.reading_points": 15}),
        ("配备专兼职人员4名，全年培训专职人员60人次。", {}),
    ],
)  # fmt: skip
def test_staff_and_reading_room_counts_in_prose_are_read_and_no_request_is_made_of_them(
    text, figures
):
    assert read_narrative([text], "A") == figures


def test_channel_counts_after_a_running_total_are_its_parts_and_a_bracketed_account_is_skipped():
    text = [
        "2016年，主动公开政府信息累计310条，通过政府网站公开信息数250 条，政务微信订阅号"
        "“青山发布”(微信号:qsfb2016)公开政府信息41条，村务公开栏公开信息19条。"
    ]
    assert read_narrative(text, "A") == {
        "proactive.total": 310,
        "proactive.via_website": 250,
        "proactive.via_wechat": 41,
    }


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("全年发生因政府信息公开而被申请行政复议、提起行政诉讼的案件0件。",
         {"review.total": 0, "litigation.total": 0}),
        ("因政府信息公开引起的行政复议和行政诉讼案件共3件。", {}),
        ("收到行政复议申请1件、行政诉讼0件。", {"review.total": 1, "litigation.total": 0}),
    ],
)  # fmt: skip
def test_one_figure_for_review_and_litigation_together_is_a_zero_for_each_or_neither(text, figures):
    assert read_narrative([text], "A") == figures


def test_a_channel_named_bare_in_a_list_of_parts_takes_its_figure():
    text = [
        "2015年，我局共发布主动公开政府信息205条，其中主动公开文件40件，公开信息130条，微信9条。"
    ]
    assert read_narrative(text, "A") == {"proactive.total": 205, "proactive.via_wechat": 9}


def test_a_channel_counted_with_unnamed_others_is_no_channels_figure():
    text = [
        "截至2016年12月31日，主动公开158条，其中在政府网站公开60条，通过微信及其他方式公开98条。"
    ]
    assert read_narrative(text, "A") == {"proactive.total": 158, "proactive.via_website": 60}


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("本年度共制作政府信息210条，其中主动公开80条，依申请公开4条，不予公开126条。",
         {"proactive.total": 80}),
        ("截至2016年12月31日，我局主动公开政府信息305条，依申请公开2条，全文电子化率达100%。",
         {"proactive.total": 305}),
        ("全年主动公开信息120条、依申请公开2件。",
         {"proactive.total": 120, "requests.received": 2}),
        ("2012年主动公开公文5份、工作目标信息2条、人事信息1条、工作动态信息31条。", {}),
    ],
)  # fmt: skip
def test_documents_by_disclosure_attribute_and_lists_of_kinds_give_no_request_and_no_total(
    text, figures
):
    assert read_narrative([text], "A") == figures


def test_a_totals_word_before_the_verb_names_the_proactive_total_under_any_heading():
    """总共公开信息28条 under a 《指南》和《目录》 heading: 总共/共计 before 公开 says a total of
    disclosures; 依申请共公开信息 does not."""
    text = ["(二)《指南》和《目录》的执行情况", "及时公开了机构职能等信息，总共公开信息28条。"]
    assert read_narrative(text, "A") == {"proactive.total": 28}
    assert "proactive.total" not in read_narrative(["依申请共公开信息3条。"], "A")


def test_a_count_since_the_report_years_start_is_that_years_total_not_a_running_one():
    """累计主动公开2014年以来的政府信息215条 in the 2014 report counts the year; the part after
    其中 (210) is no total. Since an earlier year it stays a running total."""
    text = [
        "截至2014年12月31日，累计主动公开2014年以来的政府信息215条。",
        "累计公开各类政府信息215条；其中，业务工作类信息主动公开210条。",
    ]
    stated = read_prose(text, "A", 2014)
    assert (stated["proactive.total"].value, stated["proactive.total"].cumulative) == (215, False)
    earlier = read_prose(
        ["累计主动公开2010年以来的政府信息900条。", "今年主动公开信息120条。"], "A", 2014
    )
    assert earlier["proactive.total"].value == 120
    uploaded = read_prose(["2017年累计主动上传信息260条，累计网站信息总量为558条。"], "A", 2017)
    assert uploaded["proactive.total"].value == 260


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # holdout 13: a request count named by the noun alone, no verb
        (
            ["二、依申请公开政府信息办理情况", "1、本局2014年度政府信息公开申请0次。"],
            {"requests.received": 0},
        ),
        (
            ["全年收政府信息公开申请215件，结转上年度政府信息公开申请6件。"],
            {"requests.received": 215},
        ),
        # a fee stated as not charged
        (["2、本局2014年度信息公开不收取费用。"], {"requests.fees": Decimal(0)}),
        # a negated appeal whose label lost its first character on the page
        (
            ["2022年，县统计局未接到政府信息公开申请，也没有政复议、行政诉讼案件。"],
            {"requests.received": 0, "review.total": 0, "litigation.total": 0},
        ),
        # channels side by side and no total printed: the website's figure is its own
        (
            ["（一）主动公开情况", "2022年，局门户网站公开信息120条，微信公众号推送各类信息85条。"],
            {"proactive.via_website": 120, "proactive.via_wechat": 85},
        ),
        (
            [
                "通过政府网站公开政府信息310条，通过政务新媒体公开政府信息900条，"
                "通过其他方式公开政府信息12条。"
            ],
            {"proactive.via_website": 310, "proactive.via_other": 12},
        ),
    ],
)
def test_holdout_13_prose_classes(text, figures):
    assert read_narrative(text, "A") == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # holdout 15: a heading run into its paragraph carries its topic to the sentences after
        (
            [
                "（一）主动公开情况。2023年，局认真落实各项公开制度。进一步加强政务新媒体宣传，"
                "某某体育微信公众号发布文章120篇，累计阅读量超13万。"
            ],
            {"proactive.via_wechat": 120},
        ),
        # a channel with its own publishing verb, no 主动公开 heading over it
        (
            [
                "3.拓宽公开渠道。2025年，通过市政府网站发布信息8条，本级微信公众号推送工作动态7条；"
                "发放宣传资料500余份。"
            ],
            {"proactive.via_website": 8, "proactive.via_wechat": 7},
        ),
        # 更新 publishes; a list of kinds ending in 等 before the count
        (
            ["（一）主动公开情况", "主动向社会公开各类信息共计400条，微信公众号更新495条。"],
            {"proactive.total": 400, "proactive.via_wechat": 495},
        ),
        (
            [
                "（一）主动公开情况",
                "其中，网站发布政务动态、政策文件等信息75条，“某某体育”微信公众号"
                "发布赛事报道、健身科普等52条，其他渠道发布信息10条。",
            ],
            {"proactive.via_website": 75, "proactive.via_wechat": 52, "proactive.via_other": 10},
        ),
        # channels in sentences of one paragraph cut by ；, no total printed
        (
            [
                "（一）主动公开情况",
                "通过某某微信公众号发布动态信息28条；积极主动在局门户网站公开各类信息63条；",
            ],
            {"proactive.via_wechat": 28, "proactive.via_website": 63},
        ),
    ],
)
def test_holdout_15_prose_classes(text, figures):
    assert read_narrative(text, "A") == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # the channel opening a clause of another quantity stays the subject of the next one
        (
            ["（一）主动公开情况", "门户网站总访问量超过20万次，信息发布310条；微博发布信息30条。"],
            {"proactive.via_website": 310, "proactive.via_weibo": 30},
        ),
        # a figure-less clause after the requests received: every one was granted
        (
            ["2023年，市残联收到政府信息公开申请2件，已进行公开。"],
            {"requests.received": 2, "requests.answered.granted": 2},
        ),
        (["2023年，共收到政府信息公开申请3件，均已按时答复。"], {"requests.received": 3}),
    ],
)
def test_holdout_15_subjects_and_outcomes(text, figures):
    assert read_narrative(text, "A") == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # holdout 17: the staff kind right before the count
        (
            ["落实具体人员负责政府信息公开工作（其中全职1人，兼职3人）。"],
            {"org.staff_full_time": 1, "org.staff_part_time": 3},
        ),
        # an agency whose name holds an other-quantity word is the subject, not the quantity
        (
            [
                "2022年县信访局通过政府信息公开目录管理系统主动公开政府信息86条，"
                "收到和处理依申请公开信息0条。"
            ],
            {"proactive.total": 86, "requests.received": 0},
        ),
        # a channel's count read as a weak total stays the channel's when a firmer total wins
        (
            [
                "（一）主动公开政府信息的数量。2022年我局主动公开信息共52条。",
                "（三）主动公开政府信息的形式。通过政府网站公开信息9条，发布招商项目20条。",
            ],
            {"proactive.total": 52, "proactive.via_website": 9},
        ),
        # a channel named in a clause without a figure is the subject of the next count
        (
            ["（一）主动公开", "借助微信公众号平台“某某开发区”，全年发布信息120条，订阅量900。"],
            {"proactive.via_wechat": 120},
        ),
    ],
)
def test_holdout_17_prose_classes(text, figures):
    assert read_narrative(text, "A") == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # holdout 19: a figure-less clause with another quantity's word keeps the topic
        (
            ["（一）主动公开", "及时转发主流媒体重要信息，加强宣传引导，全年发布相关信息52条。"],
            {"proactive.total": 52},
        ),
        # the noun after the figure; in a list only the item of another quantity is dropped
        (
            [
                "（一）主动公开方面。我局通过不同渠道公开了3100条政府信息，具体为局门户网站280条、"
                "区政府网站“政策咨询问答库”40条和其他媒体平台发布宣传信息90条。"
            ],
            {"proactive.total": 3100, "proactive.via_website": 280},
        ),
        # outcomes right after their figures; 部分公开 after the unit is an outcome, not 部分
        (
            ["（二）依申请公开", "今年共收到政府信息公开申请4件，对其中2件予以公开，1件部分公开。"],
            {
                "requests.received": 4,
                "requests.answered.granted": 2,
                "requests.answered.partial": 1,
            },
        ),
        # 例 counts requests; 政务外网 is the website; 公众号发布政务动态 publishes
        (
            ["2、依申请公开", "2022年我局共受理依申请政府信息公开事项9例。"],
            {"requests.received": 9},
        ),
        (
            [
                "（一）主动公开",
                "2022年，累计公开政府信息500条，其中通过市局政务外网公开300条，"
                "通过微信公众号公开120条。",
            ],
            {"proactive.total": 500, "proactive.via_website": 300, "proactive.via_wechat": 120},
        ),
        (["4.平台建设", "其中公众号发布政务动态30条。"], {"proactive.via_wechat": 30}),
    ],
)
def test_holdout_19_prose_classes(text, figures):
    assert read_narrative(text, "A") == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # holdout 23: generation A's meetings row in prose; a response noun after its figure
        (["全年召开政府信息与政务公开工作会议 3次。"], {"meetings.meetings": 3}),
        (["全年组织召开4次新闻发布会，发布重大政策文件。"], {"response.press_conferences": 4}),
        # a bare 其中 keeps what follows a part even when the total is not read (20余万条)
        (
            [
                "（一）主动公开情况",
                "主动公开政府信息10余万条，其中，市政府门户网站发布信息9000条。",
            ],
            {"proactive.via_website": 9000},
        ),
    ],
)
def test_holdout_23_prose_classes(text, figures):
    assert read_narrative(text, "A") == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # holdout 27: a count over several channels is the total when its kinds follow (其中)
        (
            [
                "（一）主动公开方面。全年通过门户网站、微信公众号、微博等渠道公开各类信息900条，"
                "其中行政规范性文件5件，重大项目批复40件。"
            ],
            {"proactive.total": 900},
        ),
        # without them it stays no one's (the same item may be counted on each channel)
        (
            [
                "（一）主动公开方面。全年通过门户网站、政务微博公开各类政务信息900条，网站访问量10万次。"
            ],
            {},
        ),
    ],
)
def test_holdout_27_prose_classes(text, figures):
    assert read_narrative(text, "A") == figures


def test_a_count_over_several_channels_with_parts_by_channel_is_no_total():
    # holdout 27's rule, not for parts by channel (the same items again, reposts included)
    text = [
        "2016年政务网站、微信、微博共发布各类信息2400条，其中网站300条，微信800条、微博2300条。"
    ]
    assert "proactive.total" not in read_narrative(text, "A")


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # holdout 29: an account's quoted name holding a website's word is the account's
        (
            [
                "（一）主动公开方面",
                "全县主动公开各类信息150条，其中概况类信息更新2条；“某县政府网”微信公众号300条。",
            ],
            {"proactive.total": 150, "proactive.via_wechat": 300},
        ),
        # a channel named only by its quoted name stays that channel
        (["（一）主动公开方面", "通过“某某政府网”公开信息20条。"], {"proactive.total": 20}),
    ],
)
def test_holdout_29_prose_classes(text, figures):
    assert read_narrative(text, "A") == figures
