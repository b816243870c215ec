"""Report intelligence at 10,000 stored reports (issue 17): is the import of text reports fast
(≥ 150 reports/s on one core) with flat memory, and are the audit table and the chart queries
fast (< 300 ms), on SQLite and on PostgreSQL?

Builds, in a throwaway database: the demo county and agencies below its government
(`--subordinates` in all), then writes `--reports` text reports (bench/intelligence_reports.py:
the corpus generator's layouts, generations A/B/C over 2016–2025, padded with prose to
`--kb` KB) for those agencies and for agencies outside the tree (`--external`), each agency
one report a year. Then, each in a fresh process:

- **import**: `gongkai reports import FOLDER` as the command runs it (runs.import_paths, one
  process, `--jobs 1`): reports per second by the wall clock and by this process's CPU time
  (on a shared machine the one says what waiting cost, the other what the work did), and the
  resident memory every `--every` files — a flat line is the target;
- **re-import**: the same folder again changes nothing (every file recognised by its hash);
- **measure**: the audit table of the county government (every agency below it) for each
  year, `--repeat` runs after a first, and every chart query of chart_data.py
  (chart_queries below: add a query there when chart_data.py grows one).

    .venv/bin/python bench/bench_intelligence.py [--reports 10000] [--keep DIR | --reuse DIR]
    .venv/bin/python bench/bench_intelligence.py --database postgresql   # scripts/with-postgres.sh

`--profile` prints the import's hottest functions (cProfile) over the first `--every` files.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARSER = argparse.ArgumentParser()
PARSER.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
PARSER.add_argument("--reports", type=int, default=10_000)
PARSER.add_argument("--subordinates", type=int, default=600, help="tree agencies below the county")
PARSER.add_argument("--external", type=int, default=400, help="agencies outside the tree")
PARSER.add_argument("--kb", type=float, default=12.0, help="size of a report file")
PARSER.add_argument("--every", type=int, default=500, help="files between memory samples")
PARSER.add_argument("--sample", type=int, default=0,
                    help="measure the import on the first N files only; store the rest with "
                         "--build-jobs processes (not measured)")  # fmt: skip
PARSER.add_argument("--build-jobs", type=int, default=2)
PARSER.add_argument(
    "--measure-only", action="store_true", help="with --reuse: time only the audit and charts"
)
PARSER.add_argument("--repeat", type=int, default=10, help="warm runs after the first")
PARSER.add_argument("--keep", help="data directory to create and keep (SQLite)")
PARSER.add_argument("--reuse", help="data directory filled by an earlier --keep run (SQLite)")
PARSER.add_argument("--profile", action="store_true", help="profile the first files' import")
PARSER.add_argument("--phase", choices=["import", "reimport", "measure"], help=argparse.SUPPRESS)
ARGS = PARSER.parse_args()

if ARGS.database == "postgresql" and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    script = ROOT / "scripts" / "with-postgres.sh"
    os.execv(str(script), [str(script), sys.executable, *sys.argv])
if ARGS.database == "sqlite":
    os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("GONGKAI_DATA_DIR", ARGS.reuse or ARGS.keep
                      or tempfile.mkdtemp(prefix="gongkai-bench-"))  # fmt: skip
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
FOLDER = Path(os.environ["GONGKAI_DATA_DIR"]) / "bench-reports"
YEARS = tuple(range(2016, 2026))


def percentile(samples: list[float], p: int) -> float:
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


def child(phase: str) -> dict:
    """A phase in a process of its own (its maxrss is its own); its last line is its result."""
    command = [sys.executable, __file__, *sys.argv[1:], "--phase", phase]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, env=os.environ, check=True)
    output = done.stdout.splitlines()
    print("\n".join(text for text in output if not text.startswith("RESULT ")))
    return json.loads(next(t for t in output if t.startswith("RESULT ")).split(" ", 1)[1])


def orchestrate() -> None:
    load = os.getloadavg()
    print(f"{ARGS.database}: load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    if not ARGS.reuse:
        show_import(child("import"))
    if not ARGS.measure_only:
        show_reimport(child("reimport"))
    show_measured(child("measure"))
    load = os.getloadavg()
    print(f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")


def show_import(result: dict) -> None:
    print(f"import of {result['files']:,} files ({result['kb']:.1f} KB mean): "
          f"{result['stored']:,} stored, {result['failed']} unreadable, "
          f"{result['pending']} agencies waiting for a person")  # fmt: skip
    print(f"  {result['files'] / result['wall']:.0f} reports/s by the clock "
          f"({result['wall']:.0f} s), {result['files'] / result['cpu']:.0f} reports/s "
          f"by this process's CPU time ({result['cpu']:.0f} s)")  # fmt: skip
    print("  resident memory (MB) after each batch: "
          + " ".join(f"{n:,}:{rss:.0f}" for n, rss in result["rss"]))  # fmt: skip
    print("  rate per batch (reports/s, wall): "
          + " ".join(f"{rate:.0f}" for rate in result["rates"]))  # fmt: skip


def show_reimport(result: dict) -> None:
    print(f"re-import: {result['unchanged']:,} unchanged, {result['stored']} stored, "
          f"{result['files'] / result['wall']:.0f} files/s")  # fmt: skip


def show_measured(result: dict) -> None:
    print(
        f"{result['reports']:,} reports, {result['figures']:,} figures stored; "
        f"timings in ms (first, then median / p95 / max of {ARGS.repeat} warm runs; "
        "then the median of this process's CPU time, which waits on a shared machine leave out):"
    )
    for label, samples in result["timings"].items():
        warm = samples[1:] or samples
        cpu = statistics.median(result["cpu"][label][1:] or result["cpu"][label])
        print(f"  {label:<52} first {samples[0]:6.0f}   {statistics.median(warm):6.0f} / "
              f"{percentile(warm, 95):6.0f} / {max(warm):6.0f}   CPU {cpu:5.0f}")  # fmt: skip
    timed_names = result["timings"]
    missing = [name for name in CHART_NAMES if not any(t.startswith(name) for t in timed_names)]
    if missing:
        print("  chart queries not timed (add them to chart_queries): " + ", ".join(missing))


# The charts of the issue: chart_queries (below, after Django is set up) times each.
CHART_NAMES = ("trends", "outcomes", "heat map of rule failures", "rankings")
if ARGS.phase is None:
    orchestrate()
    sys.exit()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from gongkai.statute.agency_codes import make_uscc  # noqa: E402
from gongkai.web.agencies.demo import load_demo  # noqa: E402
from gongkai.web.agencies.models import Agency  # noqa: E402
from gongkai.web.agencies.roles import AgencyLevel  # noqa: E402
from gongkai.web.intelligence.audit import audit  # noqa: E402
from gongkai.web.intelligence.models import Figure, Match, PublishedReport  # noqa: E402
from gongkai.web.intelligence.runs import import_paths  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from intelligence_reports import write_reports  # noqa: E402

REGIONS = ("临河市", "东港市", "南湖区", "西陵县", "北塘市")


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def build_agencies(count: int) -> list[str]:
    """The demo county plus agencies below its government, `count` below it in all; their
    names (as a report prints them) first, then the external agencies' names."""
    load_demo()
    county = Agency.objects.get(parent=None)
    serial = iter(range(30_000_000, 99_999_999))
    missing = count - (county.subtree().count() - 1)
    with transaction.atomic():
        for n in range(max(0, missing)):
            level = AgencyLevel.COUNTY_DEPARTMENT if n % 5 else AgencyLevel.TOWNSHIP
            name = f"青山县第{n}局" if n % 5 else f"青山县第{n}镇人民政府"
            code = make_uscc("1", "1", "360999", f"{next(serial):08d}")
            Agency.objects.create(name=name, short_name=name[3:12], level=level, parent=county,
                                  code=code)  # fmt: skip
    below = county.subtree().exclude(pk=county.pk).order_by("path")
    tree = list(below.values_list("name", flat=True))
    external = [f"{REGIONS[n % len(REGIONS)]}第{n}委员会" for n in range(ARGS.external)]
    return [*tree, *external]


def prepare() -> list:
    call_command("migrate", verbosity=0)
    names = build_agencies(ARGS.subordinates)
    if not FOLDER.exists():
        started = time.perf_counter()
        written = list(write_reports(FOLDER, names, ARGS.reports, ARGS.kb))
        print(f"wrote {len(written):,} reports in {time.perf_counter() - started:.0f} s")
    return sorted(FOLDER.iterdir())


def import_phase() -> dict:
    files = prepare()
    samples, rates = [(0, resident_mb())], []
    state = {"done": 0, "at": time.perf_counter()}
    profiler = start_profile()

    def progress(_item) -> None:
        state["done"] += 1
        if state["done"] % ARGS.every == 0:
            now = time.perf_counter()
            rates.append(ARGS.every / (now - state["at"]))
            state["at"] = now
            samples.append((state["done"], resident_mb()))
            if profiler is not None and state["done"] == ARGS.every:
                stop_profile(profiler)

    measured = files[: ARGS.sample] if ARGS.sample else files
    started, cpu = time.perf_counter(), time.process_time()
    tally = import_paths([str(file) for file in measured], jobs=1, progress=progress)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    if rest := [str(file) for file in files[len(measured) :]]:
        built = time.perf_counter()
        stored = import_paths(rest, jobs=ARGS.build_jobs).stored
        print(f"stored {stored:,} more reports with --jobs {ARGS.build_jobs} "
              f"in {time.perf_counter() - built:.0f} s (not measured)")  # fmt: skip
    kilobytes = statistics.mean(file.stat().st_size for file in measured) / 1024
    return {"files": len(measured), "kb": kilobytes,
            "stored": tally.stored, "failed": len(tally.failed), "wall": wall, "cpu": cpu,
            "pending": PublishedReport.objects.filter(match=Match.PENDING).count(),
            "rss": samples, "rates": rates, "maxrss": maxrss_mb()}  # fmt: skip


def start_profile():
    if not ARGS.profile:
        return None
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    return profiler


def stop_profile(profiler) -> None:
    import pstats

    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)


def reimport_phase() -> dict:
    call_command("migrate", verbosity=0)  # a data set kept by an earlier version (--reuse)
    started = time.perf_counter()
    tally = import_paths([str(FOLDER)], jobs=1)
    return {"files": tally.total, "stored": tally.stored, "unchanged": tally.unchanged,
            "wall": time.perf_counter() - started}  # fmt: skip


def timed(function) -> tuple[list[float], list[float]]:
    """The wall-clock and CPU times of a first run and ARGS.repeat more, in ms."""
    samples, cpu = [], []
    for _ in range(1 + ARGS.repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        function()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return samples, cpu


def chart_queries(county: Agency) -> dict:
    """The chart queries of chart_data.py, each with realistic filters: every report, the
    county (region 青山县: the tree's reports), a level, one agency, one year. Add a line
    here for each query it grows: label → a function of no arguments."""
    from gongkai.web.intelligence import chart_data as charts
    from gongkai.web.intelligence.selection import Selection

    everything, region = Selection(), Selection(region="青山县")
    agency = Selection(agency=county.subtree().exclude(pk=county.pk).order_by("path")[0].code)
    departments = Selection(level=AgencyLevel.COUNTY_DEPARTMENT, year=2025)
    return {
        "trends: 收到申请数, every report": lambda: charts.trend(everything, "applications"),
        "trends: 实质公开率, region 青山县": lambda: charts.trend(region, "disclosure_rate"),
        "trends: 复议纠错率, one agency": lambda: charts.trend(agency, "review_correction_rate"),
        "outcomes: every report, every year": lambda: charts.outcome_distribution(everything),
        "outcomes: region 青山县, 2025": lambda: charts.outcome_distribution(
            Selection(region="青山县", year=2025)
        ),
        "rankings: 实质公开率, county departments 2025": lambda: charts.ranking(
            departments, "disclosure_rate"
        ),
        "rankings: 收到申请数, every report (latest year)": lambda: charts.ranking(
            everything, "applications"
        ),
        "heat map of rule failures: every report": lambda: charts.failure_heat_map(everything),
        "heat map of rule failures: region 青山县, arithmetic": lambda: charts.failure_heat_map(
            region, "arithmetic"
        ),
    }


def measure_phase() -> dict:
    call_command("migrate", verbosity=0)  # a data set kept by an earlier version (--reuse)
    county = Agency.objects.get(parent=None)
    below = county.subtree().count() - 1
    timings, cpu = {}, {}
    for year in (2025, 2021, 2019, 2018):
        rows = audit(county, year)
        assert len(rows) == below, (len(rows), below)
        label = f"audit table {year}, {below} agencies"
        timings[label], cpu[label] = timed(lambda y=year: audit(county, y))
    for name, query in chart_queries(county).items():
        timings[name], cpu[name] = timed(query)
    return {"reports": PublishedReport.objects.count(), "figures": Figure.objects.count(),
            "timings": timings, "cpu": cpu, "vendor": connection.vendor}  # fmt: skip


def main() -> None:
    phases = {"import": import_phase, "reimport": reimport_phase, "measure": measure_phase}
    print("RESULT " + json.dumps(phases[ARGS.phase](), default=str))


if __name__ == "__main__":
    main()
