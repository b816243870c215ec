"""Does an annual report compile fast from a big agency's year, and a combined one from 1,000
reports? Targets (issue 13): one agency-year with 100,000 applications and 1,000,000 catalogue
entries compiles in < 2 s; aggregating 1,000 subordinate reports takes < 2 s; on SQLite and on
PostgreSQL.

Fills a throwaway database once, by bulk inserts (the workflow is not what is measured), with
records as the workflow leaves them:

- the demo county, and 995 more agencies below its government (departments, towns and their
  units: 1,000 agencies below it in all);
- applications over 2021–2026 in every agency: 青山县财政局 (the measured agency) receives
  100,000 in 2025 and 15,000–85,000 in the other years; each with its first receipt date (a
  补正 moves `received_on`), due date, extension, answer or closing date and outcome as the
  procedure gives them (decided, closed after the decision, withdrawn, 补正 or fee abandoned),
  applicant kind, fee notice and payment; the recent ones and a few stuck ones still open;
- 1,000,000 catalogue entries over 2016–2026 (growing ~8 % a year), 10 % of them the measured
  agency's (~12,000 in 2025), with 第二十条 items, 第二十六条 lateness, imported old entries,
  withdrawn and unpublished ones, and channel publications (微信, 微博 …) for 12 %;
- the registry: normative documents since 2005 with their 废止 / 失效, every agency's yearly
  figures for 2019–2026; a few hundred 复议 / 诉讼 cases;
- published 2024 reports: the measured agency's and the demo departments' compiled from the
  records, the others' built directly (plausible figures, `report.compiler.assemble`, the
  rulebook's findings, the HTML page), and the county's combined report of them all;
- published 2025 reports of the 1,000 agencies below the county (2 % corrected once).

Then, in a fresh process per round (so that the first run is cold for Python and for the
connection; the database's pages are as the build left them), times `compile_report` for the
measured agency's 2025 (first run, then `--repeat` more), `combined_report` for the county
government's 2025 (its own records plus the 1,000 reports) and `report.aggregate.aggregate` of
the 1,001 reports alone (wall clock, and the CPU time of this process: on a shared machine the
one says what waiting cost, the other what the work did), and the process's peak memory
(maxrss). Run:

    .venv/bin/python bench/bench_annual.py [--keep DIR | --reuse DIR] [--rounds 3]
    .venv/bin/python bench/bench_annual.py --database postgresql      # via scripts/with-postgres.sh

With DATABASE_URL already naming a PostgreSQL database, `--database postgresql` uses it, and
measures again without building when it holds the data set (as `--reuse` does on SQLite).

`--profile` lists the slowest statements of a warm compile and combined report.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARSER = argparse.ArgumentParser()
PARSER.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
PARSER.add_argument(
    "--applications", type=int, default=100_000, help="received by the measured agency in 2025"
)
PARSER.add_argument("--entries", type=int, default=1_000_000)
PARSER.add_argument("--subordinates", type=int, default=1000)
PARSER.add_argument("--repeat", type=int, default=20, help="warm runs after the first")
PARSER.add_argument("--rounds", type=int, default=3, help="fresh measuring processes")
PARSER.add_argument("--keep", help="data directory to create and keep (SQLite)")
PARSER.add_argument("--reuse", help="data directory filled by an earlier --keep run (SQLite)")
PARSER.add_argument("--profile", action="store_true", help="list the slowest statements")
PARSER.add_argument("--phase", choices=["build", "measure"], help=argparse.SUPPRESS)  # a child
ARGS = PARSER.parse_args()

if ARGS.database == "postgresql" and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    script = ROOT / "scripts" / "with-postgres.sh"
    os.execv(str(script), [str(script), sys.executable, *sys.argv])
if ARGS.database == "sqlite":
    os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("GONGKAI_DATA_DIR", ARGS.reuse or ARGS.keep
                      or tempfile.mkdtemp(prefix="gongkai-bench-"))  # fmt: skip
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")


def percentile(samples: list[float], p: int) -> float:
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


def line(label: str, samples: list[float], cpu: list[float]) -> str:
    first, warm = samples[0], samples[1:]
    return (
        f"{label:<34} first {first:6.0f} ms   warm min {min(warm):5.0f}  "
        f"median {statistics.median(warm):5.0f}  p95 {percentile(warm, 95):5.0f} ms   "
        f"CPU here: first {cpu[0]:5.0f}, warm median {statistics.median(cpu[1:]):5.0f} ms"
    )


def child(phase: str) -> subprocess.CompletedProcess:
    """Each phase in a process of its own: Django is never loaded here, so that the measuring
    process starts cold and its maxrss (kept across exec on Linux) is its own."""
    command = [sys.executable, __file__, *sys.argv[1:], "--phase", phase]
    return subprocess.run(command, stdout=subprocess.PIPE, text=True, env=os.environ, check=True)


def orchestrate() -> None:
    print(child("build").stdout, end="")
    results = []
    for round_no in range(1, ARGS.rounds + 1):
        load = os.getloadavg()
        output = child("measure").stdout.splitlines()
        print("\n".join(text for text in output if not text.startswith("RESULT ")))
        result = json.loads(next(t for t in output if t.startswith("RESULT ")).split(" ", 1)[1])
        results.append(result)
        print(f"round {round_no} (load average {load[0]:.1f} / {load[1]:.1f} before it):")
        for name, label in LABELS.items():
            print("  " + line(label, result[name], result[f"{name}_cpu"]))
        print(f"  peak memory (maxrss) {result['rss_start']:.0f} MB with Django loaded, "
              f"{result['rss_compile']:.0f} MB after the compiles, "
              f"{result['rss_end']:.0f} MB at the end; figures {result['figures']}; "
              f"rulebook errors {result['errors']}; inputs {result['standing']}")  # fmt: skip
    print(f"{ARGS.database}, {len(results)} rounds of 1 + {ARGS.repeat} runs:")
    for name, label in LABELS.items():
        firsts = [r[name][0] for r in results]
        warm = [s for r in results for s in r[name][1:]]
        cpu = [s for r in results for s in r[f"{name}_cpu"][1:]]
        print(f"  {label:<34} first {min(firsts):.0f}–{max(firsts):.0f} ms   warm min "
              f"{min(warm):.0f}  median {statistics.median(warm):.0f}  "
              f"p95 {percentile(warm, 95):.0f}  max {max(warm):.0f} ms   "
              f"CPU here: warm median {statistics.median(cpu):.0f} ms")  # fmt: skip


LABELS = {
    "compile": "compile_report(县财政局, 2025)",
    "combined": "combined_report(县政府, 2025)",
    "aggregate": f"aggregate() of {ARGS.subordinates + 1} reports",
}
if ARGS.phase is None:
    orchestrate()
    sys.exit()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from gongkai.report import GENERATIONS, Severity, generation_for_year, run_rulebook  # noqa: E402
from gongkai.report.aggregate import aggregate  # noqa: E402
from gongkai.report.compiler import ApplicationCounts, assemble, section_three_cells  # noqa: E402
from gongkai.report.render import render  # noqa: E402
from gongkai.statute.agency_codes import make_uscc  # noqa: E402
from gongkai.web.agencies.demo import AGENCIES as DEMO_AGENCIES  # noqa: E402
from gongkai.web.agencies.demo import demo_code, load_demo  # noqa: E402
from gongkai.web.agencies.models import Agency  # noqa: E402
from gongkai.web.agencies.roles import AgencyLevel  # noqa: E402
from gongkai.web.annualreports.aggregation import combined_report  # noqa: E402
from gongkai.web.annualreports.compiler import compile_report  # noqa: E402
from gongkai.web.annualreports.models import (  # noqa: E402
    AnnualReport,
    Origin,
    ReportState,
    ReportVersion,
)
from gongkai.web.appeals.models import Appeal  # noqa: E402
from gongkai.web.appeals.section_four import CELL_KEYS  # noqa: E402
from gongkai.web.applications.models import Application  # noqa: E402
from gongkai.web.catalog.models.entries import (  # noqa: E402
    ChannelPublication,
    DisclosureMode,
    Entry,
    EntryState,
    FormCategory,
    SubjectCategory,
    Validity,
)
from gongkai.web.catalog.models.registry import (  # noqa: E402
    DocumentKind,
    EventKind,
    NormativeDocument,
    NormativeEvent,
    YearlyFigure,
    figure_keys,
)

YEAR = 2025  # the measured report year
TODAY = date(2026, 12, 3)  # "now" for the records: what is still open
MEASURED = "县财政局"
SCALE = ARGS.applications / 100_000
# The measured agency's applications per year of first receipt (2026: up to TODAY).
MEASURED_YEARS = {2021: 15_000, 2022: 25_000, 2023: 40_000, 2024: 65_000, 2025: 100_000,
                  2026: 85_000}  # fmt: skip
KINDS = {"natural": 86, "commercial": 6, "research": 0.5, "nonprofit": 1, "legal": 4, "other": 2.5}
CHANNELS = {"online": 60, "letter": 12, "post": 8, "in_person": 15, "fax": 2, "other": 3}
DECISIONS = {  # answers with a decision, by share (the rest of OUTCOMES close without one)
    "granted": 42, "partial": 8, "withheld.state_secret": 0.3, "withheld.law_forbidden": 0.4,
    "withheld.security_stability": 0.2, "withheld.third_party": 1.5,
    "withheld.internal_affairs": 1.2, "withheld.process_info": 1.5,
    "withheld.enforcement_file": 0.4, "withheld.query_matter": 1.0, "unable.not_held": 20,
    "unable.needs_creation": 3, "unable.still_unclear": 2, "declined.petition": 2,
    "declined.duplicate": 3, "declined.publication": 1, "declined.excessive": 0.5,
    "declined.confirm_existing": 1.5,
}  # fmt: skip
TERMS = (  # noqa: SIM905 (a vocabulary reads best as words)
    "预算 决算 政府采购 专项资金 转移支付 国有资产 非税收入 审计 乡村振兴 高标准农田 "
    "防汛抗旱 生态环境 自然资源 国土空间 建设用地 征收 补偿 安置 住房保障 棚户区改造 "
    "义务教育 医疗保障 食品安全 营商环境 行政许可 社会保障 养老服务 安全生产"
).split()


def weighted(rng: random.Random, table: dict):
    keys, weights = list(table), list(table.values())
    return lambda: rng.choices(keys, weights)[0]


@contextmanager
def explicit(model, name: str):
    """Bulk inserts set `name` (an auto_now_add field) as the workflow would have, not now."""
    field = model._meta.get_field(name)
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


# ---------------------------------------------------------------------------------------------
# Building the data set


def build_agencies(count: int) -> tuple[Agency, Agency, list[Agency]]:
    """The demo county plus agencies below its government: `count` below it in all."""
    load_demo()
    county = Agency.objects.get(parent=None)
    serial = iter(range(20_000_000, 99_999_999))
    missing = count - (county.subtree().count() - 1)
    with transaction.atomic():
        departments = []
        for n in range(missing):
            if n < 60 or not departments:
                level, parent, name = AgencyLevel.COUNTY_DEPARTMENT, county, f"青山县第{n}局"
            elif n < 100:
                level, parent, name = AgencyLevel.TOWNSHIP, county, f"青山县第{n}乡镇人民政府"
            else:  # 二级单位 under a department or town
                parent = departments[n % len(departments)]
                level, name = AgencyLevel.OTHER, f"{parent.name}第{n}所"
            agency = Agency.objects.create(
                name=name, short_name=name[3:12], level=level, parent=parent,
                code=make_uscc("1", "1", "360999", f"{next(serial):08d}"),
            )  # fmt: skip
            if n < 100:
                departments.append(agency)
    measured = Agency.objects.get(short_name=MEASURED)
    return county, measured, list(county.subtree().exclude(pk=county.pk).order_by("path"))


def demo_departments(below: list[Agency], measured: Agency) -> list[Agency]:
    codes = {demo_code(spec) for spec in DEMO_AGENCIES}
    return [a for a in below if a.code in codes and a.pk != measured.pk]


def application_plan(county: Agency, measured: Agency, below: list[Agency]) -> dict:
    """(agency, year) → how many applications it first received that year: the county 4 %
    of the measured agency's number, the other demo agencies 2 % each, the rest ~20 a year."""
    plan = {}
    demo = demo_departments(below, measured)
    for year, count in MEASURED_YEARS.items():
        plan[measured, year] = round(count * SCALE)
        plan[county, year] = round(count * SCALE * 0.04)
        for agency in demo:
            plan[agency, year] = round(count * SCALE * 0.02)
        for agency in below:
            plan.setdefault((agency, year), max(1, round(20 * SCALE * count / 100_000)))
    return plan


def make_application(rng, agency, year, seq, serial, pick) -> Application:
    """One application as the workflow leaves it after its events up to TODAY."""
    last = min(date(year, 12, 31), TODAY - timedelta(days=1))
    first = date(year, 1, 1) + timedelta(days=rng.randrange((last - date(year, 1, 1)).days + 1))
    received, outcome, answered, closed = first, "", None, None
    fee = {}
    extension = 0
    roll = rng.random()
    kind = pick["kind"]()
    if roll < 0.04:  # 补正: a third never corrected, the others received again later
        if rng.random() < 0.3:
            outcome, closed = "other.no_correction", first + timedelta(days=rng.randint(16, 30))
        else:
            received = first + timedelta(days=rng.randint(3, 25))
    elif roll < 0.07:  # withdrawn by the applicant
        outcome, closed = "other.other", first + timedelta(days=rng.randint(1, 20))
    if roll > 0.99:  # 信息处理费: notice, then paid (80 %) or not
        quantity = rng.randint(120, 900)
        notice = received + timedelta(days=rng.randint(3, 10))
        amount = 10 * (quantity - 100) // 100 + 10
        fee = {"fee_method": "per_page", "fee_quantity": quantity, "fee_amount": amount,
               "fee_notice_on": notice}  # fmt: skip
        if rng.random() < 0.8:
            fee["fee_paid_on"] = notice + timedelta(days=rng.randint(2, 15))
        else:
            outcome, closed = "other.no_fee", notice + timedelta(days=rng.randint(16, 25))
    due = received + timedelta(days=28)
    if rng.random() < 0.04:
        extension, due = 20, due + timedelta(days=28)
    if not outcome:
        outcome = pick["decision"]()
        slow = rng.random()
        days = (rng.randint(30, 60) if slow < 0.03 else rng.randint(60, 500) if slow < 0.035
                else rng.randint(0, 26))  # fmt: skip
        answered = max(received, fee.get("fee_paid_on", received)) + timedelta(days=days)
    if received >= TODAY or (answered or closed) >= TODAY:  # still open on TODAY
        state = "consulting" if rng.random() < 0.1 else "received"
        if received >= TODAY or outcome == "other.no_correction":
            received, due, state = first, first + timedelta(days=28), "awaiting_correction"
        if fee and fee["fee_notice_on"] >= TODAY:
            fee = {}
        elif fee and fee.get("fee_paid_on", TODAY) >= TODAY:
            fee.pop("fee_paid_on", None)
            state = "awaiting_payment"
        outcome, answered, closed = "", None, None
    elif answered is None:
        state = "closed"
    elif answered + timedelta(days=10) < TODAY and rng.random() < 0.7:
        state, closed = "closed", answered + timedelta(days=rng.randint(1, 10))
    else:
        state = "decided"
    name = f"申请人{serial}" if kind == "natural" else f"青山县第{serial % 997}有限公司"
    return Application(
        agency=agency, number=f"{year}-{seq:06d}", query_code=f"A{serial:011d}",
        applicant_type=kind, name=name, phone="13800000000", channel=pick["channel"](),
        received_on=received, first_received_on=first, submitted_at=at(first, 9),
        description=f"申请公开{rng.choice(TERMS)}{rng.choice(TERMS)}相关信息（第{seq}号）",
        form_requested="email", delivery="email", state=state, extension_days=extension,
        due_on=due, outcome=outcome,
        granted_kind=rng.choice(["provided", "already_public"]) if outcome == "granted" else "",
        decision_reason="依据条例相关规定作出答复" if answered else "", decided_on=answered,
        closed_on=closed, on_the_spot=answered == received and rng.random() < 0.5, **fee,
    )  # fmt: skip


def fill_applications(plan: dict) -> int:
    rng = random.Random(13)
    pick = {"kind": weighted(rng, KINDS), "channel": weighted(rng, CHANNELS),
            "decision": weighted(rng, DECISIONS)}  # fmt: skip
    serial, batch = 0, []
    with explicit(Application, "submitted_at"):
        for (agency, year), count in plan.items():
            for seq in range(1, count + 1):
                serial += 1
                batch.append(make_application(rng, agency, year, seq, serial, pick))
                if len(batch) == 10_000:
                    with transaction.atomic():
                        Application.objects.bulk_create(batch, batch_size=2000)
                    batch = []
        with transaction.atomic():
            Application.objects.bulk_create(batch, batch_size=2000)
    return serial


def entry_plan(total: int, county: Agency, measured: Agency, below: list[Agency]):
    """A function n → agency: 10 % the measured agency, 8 % the county, 4 % each demo one."""
    demo = demo_departments(below, measured)
    others = [a for a in below if a not in demo and a != measured]
    shares = [(measured, 0.10), (county, 0.08)] + [(a, 0.04) for a in demo]
    cut = sum(share for _, share in shares)

    def agency_of(rng: random.Random) -> Agency:
        roll = rng.random()
        for agency, share in shares:
            if roll < share:
                return agency
            roll -= share
        return others[rng.randrange(len(others))]

    assert cut < 1
    return agency_of


def fill_entries(total: int, agency_of) -> tuple[int, int]:
    rng = random.Random(17)
    years = list(range(2016, 2027))
    weights = [1.08**n * (11 / 12 if year == 2026 else 1) for n, year in enumerate(years)]
    subjects = list(SubjectCategory.objects.values_list("pk", flat=True)) or [None]
    forms = list(FormCategory.objects.values_list("pk", flat=True)) or [None]
    state = weighted(rng, {EntryState.PUBLISHED: 96, EntryState.WITHDRAWN: 1.5,
                           EntryState.SUPERSEDED: 1, EntryState.DRAFT: 0.8,
                           EntryState.IN_REVIEW: 0.4, EntryState.IN_APPROVAL: 0.3})  # fmt: skip
    channel = weighted(rng, {"wechat": 50, "weibo": 25, "gazette": 10, "press": 5, "media": 10})
    posts = 0
    for start in range(0, total, 10_000):
        batch = []
        for n in range(start, min(total, start + 10_000)):
            agency = agency_of(rng)
            year = rng.choices(years, weights)[0]
            end = min(date(year, 12, 31), TODAY - timedelta(days=1))
            published = date(year, 1, 1) + timedelta(days=rng.randrange(end.timetuple().tm_yday))
            a, b = rng.sample(TERMS, 2)
            current = state()
            imported = year < 2020
            public = current in (EntryState.PUBLISHED, EntryState.WITHDRAWN, EntryState.SUPERSEDED)
            late = None if imported or not public else (
                rng.randint(1, 40) if rng.random() < 0.07 else 0)  # fmt: skip
            batch.append(Entry(
                agency=agency, title=f"{agency.name}关于{year}年{a}和{b}工作的通知",
                generated_on=published - timedelta(days=rng.randint(0, 25)),
                published_on=published if public else None,
                doc_no=f"青〔{year}〕{rng.randrange(1, 300)}号",
                summary=f"{a}、{b}有关事项。",
                body=(f"为进一步做好{a}工作，根据有关规定，结合本地实际，现将{b}有关事项通知如下。"
                      f"{a}资金共计{rng.randrange(1, 5000)}万元，主要用于{b}等方面。") * 4,
                index_no=f"{agency.code}/{year}-{n:07d}" if public else None,
                index_imported=imported, subject_id=rng.choice(subjects),
                form_id=rng.choice(forms),
                article20_item=rng.randint(1, 15) if rng.random() < 0.4 else 0,
                validity=Validity.VALID if rng.random() < 0.9 else Validity.EXPIRED,
                disclosure_mode=(DisclosureMode.PROACTIVE if rng.random() < 0.98
                                 else DisclosureMode.ON_REQUEST),
                state=current, late_working_days=late,
            ))  # fmt: skip
        with transaction.atomic():
            created = Entry.objects.bulk_create(batch, batch_size=2000)
            channels = [
                ChannelPublication(entry=e, channel=channel(), reference="",
                                   published_on=e.published_on + timedelta(days=rng.randint(0, 3)))
                for e in created if e.published_on and rng.random() < 0.12
                for _ in range(rng.randint(1, 2))
            ]  # fmt: skip
            ChannelPublication.objects.bulk_create(channels, batch_size=2000)
        posts += len(channels)
        if start % 100_000 == 0:
            print(f"  {start + 10_000:>9,} entries", file=sys.stderr)
    return total, posts


def fill_registry(county: Agency, measured: Agency, below: list[Agency]) -> tuple[int, int]:
    """Normative documents since 2005 (a fifth ended since), and yearly figures 2019–2026."""
    rng = random.Random(19)
    per_year = {measured.pk: 15, county.pk: 30}
    documents = []
    for agency in [county, *below]:
        yearly = per_year.get(agency.pk, 5 if agency.level == AgencyLevel.COUNTY_DEPARTMENT
                              else 0)  # fmt: skip
        years = range(2005, 2027) if yearly else rng.sample(range(2005, 2027), rng.randint(0, 3))
        for year in years:
            for n in range(yearly or 1):
                issued = date(year, 1, 1) + timedelta(days=rng.randrange(360))
                if issued >= TODAY:
                    continue
                documents.append(NormativeDocument(
                    agency=agency, kind=DocumentKind.NORMATIVE, issued_on=issued,
                    title=f"{agency.name}关于{rng.choice(TERMS)}的规定（{year}年第{n + 1}号）",
                    doc_no=f"青〔{year}〕{n + 1}号",
                    published_on=issued + timedelta(days=rng.randint(0, 10)),
                ))  # fmt: skip
    with transaction.atomic():
        documents = NormativeDocument.objects.bulk_create(documents, batch_size=2000)
        events = []
        for document in documents:
            if rng.random() < 0.2:
                ended = document.issued_on + timedelta(days=rng.randint(200, 4000))
                if ended < TODAY:
                    events.append(NormativeEvent(
                        document=document, on=ended, doc_no="青〔废〕1号",
                        kind=EventKind.REPEALED if rng.random() < 0.6 else EventKind.LAPSED,
                    ))  # fmt: skip
            elif rng.random() < 0.1:
                events.append(
                    NormativeEvent(
                        document=document,
                        kind=EventKind.AMENDED,
                        on=document.issued_on + timedelta(days=400),
                    )
                )
        NormativeEvent.objects.bulk_create([e for e in events if e.on < TODAY], batch_size=2000)
        figures = []
        for agency in [county, *below]:
            for year in range(2019, 2027):
                for key in figure_keys(generation_for_year(year).code):
                    value = (Decimal(rng.randrange(0, 5000)) / 100 if key.endswith("amount")
                             else Decimal(rng.randrange(-3, 40) if key.endswith("change")
                                          else rng.randrange(0, 400)))  # fmt: skip
                    figures.append(YearlyFigure(agency=agency, year=year, key=key, value=value,
                                                entered_at=at(date(year + 1, 1, 10))))  # fmt: skip
        YearlyFigure.objects.bulk_create(figures, batch_size=2000)
    return len(documents), len(figures)


def fill_docket(county: Agency, measured: Agency, below: list[Agency]) -> int:
    """复议 and 诉讼 cases, 2021–2026: ~50 a year against the measured agency."""
    rng = random.Random(23)
    outcome = weighted(rng, {"upheld": 60, "corrected": 15, "other": 25})
    cases = []
    counts = {measured: 50, county: 15}
    counts |= {a: 5 for a in demo_departments(below, measured)}
    for agency, per_year in counts.items():
        for year in range(2021, 2027):
            for n in range(per_year):
                kind = rng.choices(["review", "direct", "after_review"], [75, 15, 10])[0]
                filed = date(year, 1, 1) + timedelta(days=rng.randrange(360))
                if filed >= TODAY:
                    continue
                decided = filed + timedelta(days=rng.randint(30, 200))
                result = outcome() if decided < TODAY else ""
                cases.append(Appeal(
                    agency=agency, number=f"{year}-{'复' if kind == 'review' else '诉'}{n:03d}",
                    kind=kind, appellant="王小明", filed_on=filed,
                    body="青山市人民政府" if kind == "review" else "青山县人民法院",
                    decided_on=decided if result else None, outcome=result,
                    corrected_what="责令重新答复" if result == "corrected" else "",
                    matter="政府信息公开答复",
                ))  # fmt: skip
    Appeal.objects.bulk_create(cases, batch_size=1000)
    return len(cases)


def synthetic_report(rng: random.Random, agency: Agency, year: int):
    """A plausible report of `agency` for `year`, every cell filled, as if compiled."""
    generation = generation_for_year(year).code
    kinds = list(KINDS)
    by_row = {}
    for kind in kinds:
        scale = {"natural": 30, "commercial": 4, "legal": 3}.get(kind, 1)
        carried, new = rng.randint(0, scale // 3 + 1), rng.randint(0, scale * 2)
        answered = rng.randint(max(0, new - 3), carried + new)
        by_row["new", kind], by_row["carried", kind] = new, carried
        by_row["carry_forward", kind] = carried + new - answered
        for _ in range(answered):
            row = rng.choices([*DECISIONS, "other.other"], [*DECISIONS.values(), 3])[0]
            by_row[row, kind] = by_row.get((row, kind), 0) + 1
    cells = section_three_cells(generation, ApplicationCounts(by_row))
    for key in GENERATIONS[generation].cells:
        if key.startswith("s2."):
            kind = GENERATIONS[generation].cells[key].kind
            cells[key] = (Decimal(rng.randrange(0, 3000)) / 100 if kind == "decimal"
                          else rng.randrange(0, 60))  # fmt: skip
    for row in ("regulations", "normative"):
        issued, repealed = rng.randint(0, 4), rng.randint(0, 2)
        if f"s2.{row}.in_force" in cells:
            cells[f"s2.{row}.issued"], cells[f"s2.{row}.repealed"] = issued, repealed
            cells[f"s2.{row}.in_force"] = issued + rng.randint(repealed, 30)
    for kind in ("review", "direct", "after_review"):
        parts = {c: rng.randint(0, 2) for c in ("upheld", "corrected", "other", "pending")}
        cells |= {f"s4.{kind}.{c}": v for c, v in parts.items()}
        cells[f"s4.{kind}.total"] = sum(parts.values())
    assert set(cells) >= set(CELL_KEYS)
    sections = {
        "一": f"{year}年，{agency.name}严格执行《中华人民共和国政府信息公开条例》。" * 8,
        "五": "存在的主要问题：部分信息发布不够及时。改进措施：严格落实20个工作日内公开的要求。",
        "六": "本年度未收取信息处理费。无其他需要报告的事项。",
    }
    return assemble(generation, year, agency.name, cells, sections=sections,
                    provenance={"compiled_from": "records"})  # fmt: skip


def publish_directly(agency: Agency, report, on: date, origin=Origin.COMPILED, number=1):
    """A published report as the workflow leaves it: working copy, version(s), page."""
    report.published_on = on
    report.findings = list(run_rulebook(report).findings)
    working = AnnualReport.objects.create(
        agency=agency, year=report.year, generation=report.generation, origin=origin,
        state=ReportState.PUBLISHED, cells=dict(report.cells), sections=dict(report.sections),
        suggested_sections=dict(report.sections), compiled_at=at(on, 9),
    )  # fmt: skip
    page = render(report, "html").decode("utf-8")
    versions = [ReportVersion(report=working, number=1, document=report.to_dict(), html=page,
                              published_on=on, published_at=at(on))]  # fmt: skip
    if number == 2:
        later = on + timedelta(days=20)
        report.published_on = later
        versions.append(ReportVersion(report=working, number=2, document=report.to_dict(),
                                      html=page, published_on=later, published_at=at(later),
                                      reason="更正第三部分数字"))  # fmt: skip
    ReportVersion.objects.bulk_create(versions)


def fill_reports(county: Agency, measured: Agency, below: list[Agency]) -> int:
    rng = random.Random(29)
    demo = {a.pk for a in [measured, *demo_departments(below, measured)]}
    with explicit(ReportVersion, "published_at"), transaction.atomic():
        for year in (2024, 2025):
            for n, agency in enumerate(below):
                if agency.pk in demo:  # compiled from the records, as the workflow does
                    report = compile_report(agency, year).report
                else:
                    report = synthetic_report(rng, agency, year)
                on = date(year + 1, 1, 10 + n % 20)
                publish_directly(agency, report, on, number=2 if n % 50 == 7 else 1)
            if year == 2024:  # the county's combined report of them all
                publish_directly(county, combined_report(county, 2024).report,
                                 date(2025, 3, 20), origin=Origin.AGGREGATED)  # fmt: skip
    return ReportVersion.objects.count()


def prepare() -> None:
    call_command("migrate", verbosity=0)
    if Application.objects.exists():
        print(f"{connection.vendor}: reusing {Application.objects.count():,} applications, "
              f"{Entry.objects.count():,} entries")  # fmt: skip
        return
    started = time.perf_counter()
    county, measured, below = build_agencies(ARGS.subordinates)
    step = time.perf_counter()
    print(f"{connection.vendor}: {len(below) + 1:,} agencies in {step - started:.0f} s")
    plan = application_plan(county, measured, below)
    count = fill_applications(plan)
    now = time.perf_counter()
    print(f"  {count:,} applications in {now - step:.0f} s "
          f"({plan[measured, YEAR]:,} first received by {MEASURED} in {YEAR})")  # fmt: skip
    step = now
    entries, posts = fill_entries(ARGS.entries, entry_plan(ARGS.entries, county, measured, below))
    now = time.perf_counter()
    print(f"  {entries:,} entries and {posts:,} channel publications in {now - step:.0f} s")
    step = now
    documents, figures = fill_registry(county, measured, below)
    appeals = fill_docket(county, measured, below)
    now = time.perf_counter()
    print(f"  {documents:,} normative documents, {figures:,} yearly figures, {appeals:,} appeals "
          f"in {now - step:.0f} s")  # fmt: skip
    step = now
    versions = fill_reports(county, measured, below)
    now = time.perf_counter()
    print(f"  {versions:,} published report versions in {now - step:.0f} s")
    if connection.vendor == "postgresql":  # as autovacuum would soon after such inserts
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"  built in {now - started:.0f} s; peak memory of the build {maxrss_mb():.0f} MB")


# ---------------------------------------------------------------------------------------------
# Measuring (in a fresh process per round)


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed(function, repeat: int) -> tuple[list[float], list[float], object]:
    """Wall-clock and CPU milliseconds of the first run and `repeat` more; CPU is this
    process's only (on PostgreSQL the server's work is not in it)."""
    walls, cpus = [], []
    for _ in range(1 + repeat):
        started, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return walls, cpus, result


@contextmanager
def statements():
    """Time per statement (the first 90 characters of its SQL) while the block runs."""
    spent: dict[str, list[float]] = defaultdict(list)

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[" ".join(sql.split())[:90]].append((time.perf_counter() - started) * 1000)

    with connection.execute_wrapper(wrapper):
        yield spent


def show(spent: dict[str, list[float]], total: float) -> None:
    queries = sum(len(v) for v in spent.values())
    in_db = sum(sum(v) for v in spent.values())
    print(f"    {queries} statements, {in_db:.0f} ms of {total:.0f} ms in the database; slowest:")
    for sql, times in sorted(spent.items(), key=lambda kv: -sum(kv[1]))[:8]:
        print(f"    {sum(times):8.1f} ms  ×{len(times):<4} {sql}")


def measure() -> dict:
    at_start = maxrss_mb()
    measured = Agency.objects.get(short_name=MEASURED)
    county = Agency.objects.get(parent=None)
    compile_wall, compile_cpu, compiled = timed(lambda: compile_report(measured, YEAR), ARGS.repeat)
    report = compiled.report
    assert report.value("s3.new.total") == round(MEASURED_YEARS[YEAR] * SCALE), report.value(
        "s3.new.total"
    )
    errors = [f.rule for f in report.findings if f.severity is Severity.ERROR]
    after_compile = maxrss_mb()
    if ARGS.profile:
        started = time.perf_counter()
        with statements() as spent:
            compile_report(measured, YEAR)
        show(spent, (time.perf_counter() - started) * 1000)
    combined_wall, combined_cpu, combined = timed(lambda: combined_report(county, YEAR),
                                                  max(3, ARGS.repeat // 2))  # fmt: skip
    assert len(combined.inputs) == ARGS.subordinates, len(combined.inputs)
    assert all(i.report is not None for i in combined.inputs)
    if ARGS.profile:
        started = time.perf_counter()
        with statements() as spent:
            combined_report(county, YEAR)
        show(spent, (time.perf_counter() - started) * 1000)
    reports = [compile_report(county, YEAR).report, *(i.report for i in combined.inputs)]
    aggregate_wall, aggregate_cpu, _ = timed(lambda: aggregate(reports, "C", YEAR, county.name),
                                             ARGS.repeat)  # fmt: skip
    return {
        "compile": compile_wall, "combined": combined_wall, "aggregate": aggregate_wall,
        "compile_cpu": compile_cpu, "combined_cpu": combined_cpu, "aggregate_cpu": aggregate_cpu,
        "rss_start": at_start, "rss_compile": after_compile, "rss_end": maxrss_mb(),
        "figures": {k: report.value(k) for k in ("s3.new.total", "s3.carried.total",
                    "s3.total.total", "s3.carry_forward.total", "s4.review.total")},
        "errors": errors, "notes": len(combined.report.notes),
        "standing": dict(Counter(i.standing.value for i in combined.inputs)),
    }  # fmt: skip


def main() -> None:
    if ARGS.phase == "build":
        prepare()
    else:
        print("RESULT " + json.dumps(measure(), default=str))


if __name__ == "__main__":
    main()
