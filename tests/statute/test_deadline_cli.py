from click.testing import CliRunner

from gongkai.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["deadline", *args])


def test_the_first_line_is_the_iso_due_date():
    result = run("--received", "2026-09-28", "--pause", "2026-10-12:2026-10-30", "--extend", "20")
    assert result.exit_code == 0
    assert result.output.splitlines() == ["2026-12-18"]


def test_a_provisional_due_date_says_so_on_the_first_line():
    assert run("--received", "2026-12-10").output.splitlines()[0] == "2027-01-07 provisional"


def test_explain_prints_the_receipt_rule_and_the_count():
    result = run("--received", "2026-09-28", "--channel", "post", "--explain")
    lines = result.output.splitlines()
    assert lines[0] == "2026-10-30"
    assert "以行政机关签收之日为收到申请之日" in lines[1]
    assert "国庆节假期，不计" in result.output


def test_a_single_day_pause_may_omit_the_end():
    assert run("--received", "2026-11-02", "--pause", "2026-11-03").output.startswith("2026-12-01")


def test_bad_input_exits_2_with_a_reason():
    for args in (["--extend", "21"], ["--pause", "2026-11-10:2026-11-01"], ["--pause", "x"]):
        result = run("--received", "2026-11-02", *args)
        assert result.exit_code == 2
        assert "Error" in result.output
