"""A deadline in plain Chinese, for staff, for the applicant and for letters."""

from datetime import date

from gongkai.statute.clock import Deadline, Run

WEEKDAYS_ZH = "一二三四五六日"
SKIPPED = {"weekend": "周末，不计", "holiday": "{name}假期，不计", "paused": "{name}，不计"}


def chinese_date(day: date, weekday: bool = False) -> str:
    text = f"{day.year}年{day.month}月{day.day}日"
    return f"{text}（星期{WEEKDAYS_ZH[day.weekday()]}）" if weekday else text


def span(run: Run) -> str:
    if run.first == run.last:
        return chinese_date(run.first, weekday=True)
    last = run.last
    same_year = last.year == run.first.year
    tail = f"{last.month}月{last.day}日" if same_year else chinese_date(last)
    return f"{chinese_date(run.first)}至{tail}"


def run_line(run: Run) -> str:
    if run.kind != "counted":
        return f"{span(run)}：{SKIPPED[run.kind].format(name=run.name)}"
    line = f"{span(run)}：计{run.counted}个工作日（累计{run.total_after}个）"
    if run.makeup_days:
        made_up = "、".join(f"{d.month}月{d.day}日" for d in run.makeup_days)
        line += f"，其中{made_up}为调休上班日"
    return line


def explain(deadline: Deadline) -> list[str]:
    regime = deadline.regime
    lines = [
        f"收到申请之日：{chinese_date(deadline.received_on, weekday=True)}。"
        f"依照{regime.basis}，应当自收到申请之日起{regime.answer_days}个工作日内答复；"
        "收到申请的当日不计入，自次日起算。"
    ]
    lines += [run_line(run) for run in deadline.runs]
    if deadline.extension_days:
        lines.append(
            f"经批准延期{deadline.extension_days}个工作日：原答复期限"
            f"{chinese_date(deadline.original_due)}，延长至{chinese_date(deadline.due)}。"
        )
    lines.append(f"答复期限：{chinese_date(deadline.due, weekday=True)}。")
    if deadline.provisional:
        lines.append(
            "（暂定）期限涉及尚未公布节假日安排的年份，暂按周六、周日休息推算；"
            "国务院公布当年安排后将自动重新计算。"
        )
    return lines
