"""Periodic jobs as data: what runs, and when, declared by the app that owns the work.

An app registers its jobs in its `tasks.py` (imported at start-up by JobsConfig.ready):

    from django.tasks import task
    from gongkai.web.jobs.schedule import register

    @task
    def remind_report_deadline() -> int: ...

    register("annualreports.report-deadline", remind_report_deadline, daily_at="08:00")

`daily_at` is a time of day in Beijing time; `every_minutes=N` runs at the start of every
N-minute period. The scheduler (scheduler.py) enqueues each job once per period, however
many workers run, so the task must take no arguments and be safe to run again.
"""

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.tasks import Task

SCHEDULE_TIME_ZONE = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Daily:
    """Once a day, at or after `at` (Beijing time); a worker started later that day catches up."""

    at: time

    def period(self, now: datetime) -> str | None:
        local = now.astimezone(SCHEDULE_TIME_ZONE)
        return local.date().isoformat() if local.time() >= self.at else None

    def __str__(self) -> str:
        return f"每天 {self.at:%H:%M}（北京时间）/ daily at {self.at:%H:%M} Beijing time"


@dataclass(frozen=True)
class Every:
    """At the start of every `minutes`-minute period, counted from midnight UTC 1970."""

    minutes: int

    def period(self, now: datetime) -> str:
        seconds = self.minutes * 60
        start = int(now.timestamp()) // seconds * seconds
        local = datetime.fromtimestamp(start, SCHEDULE_TIME_ZONE)
        return local.isoformat(timespec="minutes")

    def __str__(self) -> str:
        return f"每 {self.minutes} 分钟 / every {self.minutes} minutes"


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: Task
    when: Daily | Every


PERIODIC: dict[str, PeriodicJob] = {}


def register(
    name: str, task: Task, *, daily_at: str | None = None, every_minutes: int | None = None
) -> PeriodicJob:
    """Add a periodic job to the schedule: `daily_at="HH:MM"` or `every_minutes=N`."""
    if not isinstance(task, Task):
        raise TypeError(f"{name}: {task!r} is not a task (decorate it with @task)")
    job = PeriodicJob(name, task, when_from(name, daily_at, every_minutes))
    known = PERIODIC.get(name)
    if known is not None and known.task.module_path != task.module_path:
        raise ValueError(f"periodic job {name!r} is already registered for {known.task.name}")
    PERIODIC[name] = job
    return job


def when_from(name: str, daily_at: str | None, every_minutes: int | None) -> Daily | Every:
    if (daily_at is None) == (every_minutes is None):
        raise ValueError(f"{name}: give either daily_at or every_minutes")
    if daily_at is not None:
        return Daily(time.fromisoformat(daily_at))
    if not 1 <= every_minutes <= 24 * 60:
        raise ValueError(f"{name}: every_minutes must be 1 to 1440, not {every_minutes}")
    return Every(every_minutes)


def due_now(now: datetime) -> list[tuple[PeriodicJob, str]]:
    """Every registered job whose current period has begun, with that period's key."""
    due = []
    for job in PERIODIC.values():
        period = job.when.period(now)
        if period is not None:
            due.append((job, period))
    return due
