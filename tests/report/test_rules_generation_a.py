"""A-0…A-12 and X-5: the 2014-style statistics list. Each case breaks one sum of the
consistent 青山县教育局 2016 report."""

import pytest

from gongkai.report import RuleStatus, Severity, run_rulebook

BREAKS = {
    "A-0": ({"org.units": -1}, Severity.ERROR, "政府信息公开工作专门机构数=-1：不能为负数"),
    "A-1": ({"requests.received": 7}, Severity.ERROR, "收到申请数=7，但各申请方式之和=6，相差1"),
    "A-2": (
        {"requests.closed.on_time": 4},
        Severity.ERROR,
        "申请办结数=6，但按时办结数+延期办结数=5，相差1",
    ),
    "A-3": (
        {"requests.answered.granted": 5},
        Severity.ERROR,
        "申请答复数=6，但各类答复之和=7，相差1",
    ),
    "A-4": (
        {"requests.answered.refused.privacy": 0},
        Severity.ERROR,
        "不同意公开答复数=1，但其中六项之和=0，相差1",
    ),
    "A-5": (
        {"review.upheld": 0},
        Severity.ERROR,
        "行政复议数量=1，但维持具体行政行为数+被依法纠错数+其他情形数=0，相差1",
    ),
    "A-6": (
        {"org.staff": 4},
        Severity.ERROR,
        "从事政府信息公开工作人员数=4，但专职人员数+兼职人员数=3，相差1",
    ),
    "A-7": (
        {"proactive.total": 150},
        Severity.ERROR,
        "主动公开政府信息数=150，超过了各渠道公开数之和=142",
    ),
    "A-8": (
        {"response.press_conferences_by_head": 5},
        Severity.ERROR,
        "主要负责同志参加新闻发布会次数=5，超过了参加或举办新闻发布会总次数=4",
    ),
    "A-9": (
        {"proactive.normative_published": 5},
        Severity.WARNING,
        "主动公开规范性文件数=5，超过了制发规范性文件总数=4",
    ),
    "A-11": (
        {"requests.closed": 7, "requests.closed.on_time": 6, "requests.answered": 7},
        Severity.WARNING,
        "申请办结数=7，超过了收到申请数=6",
    ),
    "A-12": (
        {"requests.answered.refused.privacy": None},
        Severity.WARNING,
        "填报说明要求表中统计数不得空项（没有的填0），但涉及个人隐私为空白",
    ),
    "X-5": (
        {"meetings.trainings": 0},
        Severity.INFO,
        "接受培训人员数=40，但举办各类培训班数=0：请说明培训从何而来",
    ),
}


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_it_passes_the_consistent_report(education_bureau_2016, rule):
    assert run_rulebook(education_bureau_2016).result(rule).status is RuleStatus.PASSED


@pytest.mark.parametrize("rule", sorted(BREAKS))
def test_it_flags_the_broken_sum_with_its_figures(education_bureau_2016, rule):
    changes, severity, message = BREAKS[rule]
    education_bureau_2016.cells.update(changes)

    findings = run_rulebook(education_bureau_2016).result(rule).findings

    assert [(f.severity, f.message_zh) for f in findings] == [(severity, message)]


def test_a_total_below_its_largest_channel_is_an_error(education_bureau_2016):
    education_bureau_2016.cells["proactive.total"] = 100

    (finding,) = run_rulebook(education_bureau_2016).result("A-7").findings

    assert finding.message_zh == "主动公开政府信息数=100，少于政府网站公开政府信息数=110"
    assert finding.severity is Severity.ERROR


def test_a_printed_channel_sum_must_match_the_channels(education_bureau_2016):
    education_bureau_2016.cells["proactive.channels"] = 141

    (finding,) = run_rulebook(education_bureau_2016).result("A-7").findings

    assert (
        finding.message_zh
        == "通过不同渠道和方式公开政府信息的情况=141，但各渠道公开数之和=142，相差1"
    )


def test_a_subset_larger_than_all_published_information_is_an_error(education_bureau_2016):
    education_bureau_2016.cells["proactive.normative_published"] = 121

    severities = [f.severity for f in run_rulebook(education_bureau_2016).result("A-9").findings]

    assert severities == [Severity.ERROR, Severity.WARNING]


def test_the_shandong_other_channel_counts_towards_requests_received(education_bureau_2016):
    education_bureau_2016.cells["requests.received.other"] = 1

    (finding,) = run_rulebook(education_bureau_2016).result("A-1").findings

    assert finding.message_zh == "收到申请数=6，但各申请方式之和=7，相差1"


def test_archives_add_up_in_the_shandong_variant(education_bureau_2016):
    education_bureau_2016.cells |= {
        "archives.total": 3,
        "archives.paper": 1,
        "archives.electronic": 2,
    }
    assert run_rulebook(education_bureau_2016).result("A-10").status is RuleStatus.PASSED

    education_bureau_2016.cells["archives.electronic"] = 1
    (finding,) = run_rulebook(education_bureau_2016).result("A-10").findings
    assert (
        finding.message_zh
        == "向图书馆、档案馆等查阅场所报送信息数=3，但纸质文件数+电子文件数=2，相差1"
    )


def test_complaint_outcomes_are_checked_only_when_printed(education_bureau_2016):
    assert "complaints.upheld" not in education_bureau_2016.cells
    education_bureau_2016.cells |= {"complaints.total": 2, "complaints.upheld": 1}
    education_bureau_2016.cells |= {"complaints.corrected": 0, "complaints.other": 0}

    (finding,) = run_rulebook(education_bureau_2016).result("A-5").findings

    assert finding.cells[0] == "complaints.total"


def test_a_report_with_only_the_proactive_block_is_not_held_to_the_other_rules(
    education_bureau_2016,
):
    education_bureau_2016.cells = {
        k: v for k, v in education_bureau_2016.cells.items() if k.startswith("proactive.")
    }

    result = run_rulebook(education_bureau_2016)

    assert result.result("A-2").status is RuleStatus.NOT_APPLICABLE
    assert result.result("A-7").status is RuleStatus.PASSED
    assert result.findings == []
