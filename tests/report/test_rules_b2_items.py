"""B2-1…B2-3: generation B's section 二 (items across years, signed changes, publication)."""

from gongkai.report import RuleStatus, Severity, run_rulebook


def test_item_counts_roll_over_from_last_year(county_office_2020, county_office_2019):
    result = run_rulebook(county_office_2020, county_office_2019).result("B2-1")
    assert result.status is RuleStatus.PASSED


def test_it_warns_when_last_years_items_plus_change_differ_from_this_years_start(
    county_office_2020, county_office_2019
):
    county_office_2020.cells["s2.licensing.prev_items"] = 16
    county_office_2020.cells["s2.licensing.change"] = -3  # keep nothing else moving

    (finding,) = run_rulebook(county_office_2020, county_office_2019).result("B2-1").findings

    assert finding.severity is Severity.WARNING
    assert finding.message_zh == (
        "行政许可行：上一年项目数量=16，但上年上一年项目数量+上年本年增/减=15，相差1"
    )
    assert finding.cells == (
        "s2.licensing.prev_items",
        "s2.licensing.prev_items@2019",
        "s2.licensing.change@2019",
    )


def test_a_negative_change_is_allowed(county_office_2020):
    assert county_office_2020.cells["s2.licensing.change"] == -2
    assert run_rulebook(county_office_2020).result("B2-2").status is RuleStatus.PASSED


def test_it_flags_a_negative_item_count(county_office_2020):
    county_office_2020.cells["s2.penalty.prev_items"] = -1

    (finding,) = run_rulebook(county_office_2020).result("B2-2").findings

    assert finding.severity is Severity.ERROR
    assert finding.message_zh == "行政处罚（上一年项目数量）=-1：不能为负数"


def test_publishing_within_the_public_total_passes(county_office_2020):
    assert run_rulebook(county_office_2020).result("B2-3").status is RuleStatus.PASSED


def test_it_warns_when_more_documents_are_published_this_year_than_are_public(
    county_office_2020,
):
    county_office_2020.cells["s2.normative.published"] = 31
    county_office_2020.cells["s2.normative.made"] = 31

    (finding,) = run_rulebook(county_office_2020).result("B2-3").findings

    assert finding.severity is Severity.WARNING
    assert finding.message_zh == "规范性文件行：本年新公开数量=31，超过了对外公开总数量=30"


def test_publishing_more_than_was_made_this_year_is_only_a_note(county_office_2020):
    county_office_2020.cells["s2.normative.published"] = 6

    (finding,) = run_rulebook(county_office_2020).result("B2-3").findings

    assert finding.severity is Severity.INFO
    assert finding.message_zh == "规范性文件行：本年新公开数量=6，超过了本年新制作数量=4"
