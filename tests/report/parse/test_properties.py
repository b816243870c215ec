"""Arbitrary or mutated input never raises: the parser returns a valid report or a clean
`UnreadableSource`, in bounded time."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report import validate
from gongkai.report.jsonio import dumps, loads
from gongkai.report.parse import UnreadableSource, parse_lines, parse_report
from gongkai.report.parse.lines import SourceLine
from gongkai.report.parse.readers import read_report

CORPUS = Path(__file__).parent / "corpus"
SAMPLES = [read_report(CORPUS / name) for name in ("r4C2021_cells.txt", "r0A2016_piped.txt")]
PIECES = [
    "一、本年新收政府信息公开申请数量",
    "（七）总计",
    "行政复议",
    "总计",
    "其他",
    "规章",
    "0",
    "00",
    "-8",
    "1603条",
    "2.6万元",
    "|",
    " | ",
    "——",
    "\u00a0",
    "（三）不予公开",
    "统计指标",
    "第二十条第（一）项",
    "2021年",
    "申请",
    "（",
    "）",
    "收到政府信息公开申请5件。",
]
FAST = settings(deadline=2000, max_examples=60, suppress_health_check=[HealthCheck.too_slow])


def assert_valid(report) -> None:
    data = loads(dumps(report.to_dict()))
    problems = validate(data)
    assert not [p for p in problems if p.fatal or p.code == "unknown_key"], problems


line_texts = st.lists(
    st.one_of(st.text(max_size=60), st.lists(st.sampled_from(PIECES), max_size=8).map("".join)),
    max_size=80,
)


@FAST
@given(line_texts)
def test_any_lines_give_a_valid_report(texts):
    assert_valid(parse_lines([SourceLine(text, {"line": n}) for n, text in enumerate(texts)]))


@FAST
@given(st.sampled_from(SAMPLES), st.data())
def test_a_mutated_real_report_gives_a_valid_report(sample, data):
    lines = list(sample)
    for _ in range(data.draw(st.integers(0, 12))):
        position = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "repeat", "replace", "cut"]))
        if action == "drop" and len(lines) > 1:
            del lines[position]
        elif action == "repeat":
            lines.insert(position, lines[position])
        elif action == "replace":
            lines[position] = SourceLine(data.draw(st.sampled_from(PIECES)), {"line": position})
        else:
            lines = lines[: position + 1]
    assert_valid(parse_lines(lines))


@FAST
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html", ".pdf", ".docx", ".bin"]))
def test_arbitrary_bytes_give_a_report_or_a_clean_error(data, suffix):
    try:
        report = parse_report(data, name="upload" + suffix)
    except UnreadableSource as error:
        assert str(error)
    else:
        assert_valid(report)
