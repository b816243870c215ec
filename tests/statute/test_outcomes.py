from gongkai.report.formats import GENERATIONS
from gongkai.statute.outcomes import DECISIONS, OUTCOMES


def test_every_outcome_row_of_the_2021_format_has_exactly_one_outcome():
    table = GENERATIONS["C"].table("s3")
    rows = {
        row.key
        for row, _ in table.walk()
        if row.key and row.key not in {"new", "carried", "total", "carry_forward"}
    }
    assert set(OUTCOMES) == rows


def test_labels_and_groups_come_from_the_report_format():
    assert OUTCOMES["withheld.third_party"].label == "保护第三方合法权益"
    assert OUTCOMES["withheld.third_party"].group == "不予公开"
    assert OUTCOMES["partial"].label == "部分公开"


def test_generation_b_counts_every_other_handling_in_one_row():
    assert OUTCOMES["other.no_fee"].report_row("B") == "other"
    assert OUTCOMES["other.no_fee"].report_row("C") == "other.no_fee"


def test_abandonment_and_withdrawal_are_not_decisions():
    assert not any(key.startswith("other.") for key in DECISIONS)
    assert len(DECISIONS) == 18
