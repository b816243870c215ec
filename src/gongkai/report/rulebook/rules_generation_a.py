"""Generation A: the 2014-style statistics list (statute-and-formats.md §4.4).

All of §4.4 is [IMPLIED]. A row that adds up its numbered sub-items, or a 其中 row that is
part of its parent, is an error when it does not add up: the sub-items are exhaustive (each
list ends in a catch-all such as 其他情形数 or 其他方式) or are subsets by their label. The
rules the spec calls soft are warnings.
"""

from collections.abc import Iterator

from gongkai.report.findings import RuleStatus, Severity
from gongkai.report.formats import GENERATIONS
from gongkai.report.rulebook.engine import (
    Check,
    CheckOutcome,
    Comparison,
    Context,
    Custom,
    Op,
    Rule,
    Term,
    ValuesOfKind,
    cell,
    describe_cell,
)
from gongkai.report.rulebook.naming import Name

CHANNELS = tuple(
    f"proactive.via_{channel}" for channel in ("gazette", "website", "weibo", "wechat", "other")
)
# 2014 填报说明 item 2 (seed 000): the table must have no blank figure; write 0 instead.
NO_BLANKS_INSTRUCTION = "表中统计数不得空项"


def parts_add_up(total: str, parts: tuple[Term, ...], name: Name | None = None) -> Comparison:
    return Comparison((cell(total),), Op.EQUAL, parts, rhs_name=name)


def at_most(part: str, whole: str, severity: Severity | None = None) -> Comparison:
    return Comparison((cell(part),), Op.AT_MOST, (cell(whole),), severity=severity)


def outcomes_of(prefix: str) -> Comparison:
    return parts_add_up(
        f"{prefix}.total", tuple(cell(f"{prefix}.{o}") for o in ("upheld", "corrected", "other"))
    )


def channel_checks() -> tuple[Comparison, ...]:
    channels = tuple(cell(key, optional=True) for key in CHANNELS)
    channel_sum = Name("各渠道公开数之和", "the sum of the channels")
    return (
        # The same item in several channels counts once, so the total cannot exceed the sum…
        Comparison((cell("proactive.total"),), Op.AT_MOST, channels, rhs_name=channel_sum),
        # …nor fall below any single channel.
        *(Comparison((cell("proactive.total"),), Op.AT_LEAST, (c,)) for c in channels),
        # 宁夏 prints the channel sum on the heading row (seed 003).
        Comparison(
            (cell("proactive.channels"),),
            Op.EQUAL,
            channels,
            rhs_name=channel_sum,
            only_if_printed=("proactive.channels",),
        ),
    )


def no_blank_cells(ctx: Context) -> Iterator[CheckOutcome]:
    specs = GENERATIONS["A"].cells
    keys = [k for k in ctx.report.cells if k in specs and not specs[k].is_heading]
    blank = tuple(k for k in keys if ctx.report.value(k) is None)
    if not keys:
        yield CheckOutcome(RuleStatus.NOT_APPLICABLE)
    elif blank:
        names = [describe_cell(ctx, key) for key in blank]
        yield CheckOutcome(
            RuleStatus.VIOLATED,
            blank,
            f"填报说明要求{NO_BLANKS_INSTRUCTION}（没有的填0），"
            f"但{'、'.join(n.zh for n in names)}为空白",
            f"the filling instructions forbid blank figures (write 0), but "
            f"{'; '.join(n.en for n in names)} left blank",
        )
    else:
        yield CheckOutcome(RuleStatus.PASSED, tuple(keys))


def trainees_need_trainings(ctx: Context) -> Iterator[CheckOutcome]:
    trainees, trainings = (
        ctx.report.value("meetings.trainees"),
        ctx.report.value("meetings.trainings"),
    )
    cells = ("meetings.trainees", "meetings.trainings")
    if trainees is None or trainings is None:
        yield CheckOutcome(RuleStatus.NOT_APPLICABLE)
    elif trainees > 0 and trainings == 0:
        yield CheckOutcome(
            RuleStatus.VIOLATED,
            cells,
            f"接受培训人员数={trainees}，但举办各类培训班数=0：请说明培训从何而来",
            f"trainees = {trainees} but trainings held = 0: say where the training came from",
        )
    else:
        yield CheckOutcome(RuleStatus.PASSED, cells)


def a_rule(rule_id: str, severity: Severity, zh: str, en: str, basis: str, *checks: Check) -> Rule:
    return Rule(rule_id, severity, zh, en, basis, {"A": checks})


EXHAUSTIVE = "[IMPLIED] the sub-items are exhaustive, so a gap is an error"

RULES = (
    a_rule(
        "A-0",
        Severity.ERROR,
        "统计数均为非负数",
        "every figure is a non-negative number",
        "[project] counts and amounts cannot be negative; the generation-A twin of B3-4",
        ValuesOfKind(""),
    ),
    a_rule(
        "A-1",
        Severity.ERROR,
        "收到申请数等于各申请方式之和",
        "requests = the sum of the channels",
        "[IMPLIED] 当面/传真/网络/信函 cover every written form (条例2007第二十条); "
        "山东 adds 其他形式",
        parts_add_up(
            "requests.received",
            tuple(
                cell(f"requests.received.{channel}", optional=channel == "other")
                for channel in ("in_person", "fax", "online", "letter", "other")
            ),
            Name("各申请方式之和", "the sum of the channels"),
        ),
    ),
    a_rule(
        "A-2",
        Severity.ERROR,
        "申请办结数等于按时办结数加延期办结数",
        "closed = closed on time + closed after extension",
        EXHAUSTIVE,
        parts_add_up(
            "requests.closed", (cell("requests.closed.on_time"), cell("requests.closed.extended"))
        ),
    ),
    a_rule(
        "A-3",
        Severity.ERROR,
        "申请答复数等于1至8项答复之和",
        "answered = the sum of the 8 answer types",
        EXHAUSTIVE,
        parts_add_up(
            "requests.answered",
            tuple(
                cell(f"requests.answered.{kind}")
                for kind in (
                    "already_public",
                    "granted",
                    "partial",
                    "refused",
                    "not_this_agency",
                    "not_exist",
                    "clarify",
                    "other_channel",
                )
            ),
            Name("各类答复之和", "the sum of the answer types"),
        ),
    ),
    a_rule(
        "A-4",
        Severity.ERROR,
        "不同意公开答复数等于其中六项之和",
        "refused = the sum of its six grounds",
        "[IMPLIED] the six grounds end in the catch-all 法律法规规定的其他情形",
        parts_add_up(
            "requests.answered.refused",
            tuple(
                cell(f"requests.answered.refused.{ground}")
                for ground in (
                    "state_secret",
                    "commercial_secret",
                    "privacy",
                    "security_stability",
                    "not_gov_info",
                    "other_law",
                )
            ),
            Name("其中六项之和", "the sum of the six grounds"),
        ),
    ),
    a_rule(
        "A-5",
        Severity.ERROR,
        "行政复议、行政诉讼（及被举报投诉）数量等于各结果之和",
        "reviews, lawsuits (and complaints) = the sum of their outcomes",
        "[IMPLIED] each list ends in 其他情形数",
        *map(outcomes_of, ("review", "litigation", "complaints")),
    ),
    a_rule(
        "A-6",
        Severity.ERROR,
        "从事政府信息公开工作人员数等于专职加兼职",
        "staff = full-time + part-time",
        EXHAUSTIVE,
        parts_add_up("org.staff", (cell("org.staff_full_time"), cell("org.staff_part_time"))),
    ),
    a_rule(
        "A-7",
        Severity.ERROR,
        "主动公开政府信息数不超过各渠道之和，且不少于任一渠道",
        "proactive total ≤ the sum of the channels and ≥ each channel",
        "[IMPLIED] by the label (不同渠道和方式公开相同信息计1条): a deduplicated total lies "
        "between the largest channel and the sum; 其他方式 makes the channels exhaustive",
        *channel_checks(),
    ),
    a_rule(
        "A-8",
        Severity.ERROR,
        "主要负责同志参加的次数不超过总次数",
        "appearances by the head ≤ all appearances",
        "[IMPLIED] a 其中 row is a part of its parent",
        at_most("response.press_conferences_by_head", "response.press_conferences"),
        at_most("response.online_interviews_by_head", "response.online_interviews"),
    ),
    a_rule(
        "A-9",
        Severity.ERROR,
        "主动公开规范性文件数不超过主动公开政府信息数（通常也不超过制发总数）",
        "normative documents published ≤ all published (and usually ≤ issued)",
        "[IMPLIED] 其中 is a part of its parent (error); documents issued in earlier years may be "
        "published now, so the second part is a warning",
        at_most("proactive.normative_published", "proactive.total"),
        at_most("proactive.normative_published", "proactive.normative_issued", Severity.WARNING),
    ),
    a_rule(
        "A-10",
        Severity.ERROR,
        "报送信息数等于纸质加电子文件数",
        "archived = paper + electronic (山东)",
        EXHAUSTIVE,
        parts_add_up("archives.total", (cell("archives.paper"), cell("archives.electronic"))),
    ),
    a_rule(
        "A-11",
        Severity.WARNING,
        "申请办结数不超过收到申请数，且通常等于申请答复数",
        "closed ≤ received, and usually closed = answered",
        "[IMPLIED] soft per §4.4: the table has no carry-over rows, so requests from the year "
        "before can be closed this year",
        at_most("requests.closed", "requests.received"),
        Comparison((cell("requests.closed"),), Op.EQUAL, (cell("requests.answered"),)),
    ),
    a_rule(
        "A-12",
        Severity.WARNING,
        "统计数不得空项，没有的填0",
        "no blank figures: write 0",
        "[REAL] the 2014 填报说明 (seed 000); a warning, as it is a filling rule, not arithmetic",
        Custom(no_blank_cells),
    ),
    a_rule(
        "X-5",
        Severity.INFO,
        "有接受培训人员，就应有举办的培训班",
        "trainees imply trainings held",
        "[REAL] seed 003 (1 人次 trained, 0 courses); staff may train elsewhere, so info only",
        Custom(trainees_need_trainings),
    ),
)
