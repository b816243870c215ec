"""Load and crash tests of the deployed platform (bench/reliability/), in full:

    .venv/bin/python bench/bench_reliability.py [--seconds 300] [--skip-crash]
    scripts/with-postgres.sh .venv/bin/python bench/bench_reliability.py   # PostgreSQL

50 public users, 20 applicants and 10 staff for --seconds against `gongkai serve
--production` (gunicorn) with 3 workers (SQLite in a scratch directory, or a new database
on the cluster DATABASE_URL names), then the crash run. Prints the results as Markdown for
docs/PERFORMANCE.md and writes them as JSON to var/bench-reliability-<database>.json (the
processes' logs stay in the system's temporary directory, gongkai-bench-reliability/).
Exit status 1 if anything was lost, duplicated, half-changed or answered with an error.
`make bench-reliability` runs both.
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from reliability.stack import ROOT, drop_postgresql_database, make_stack
from reliability.stats import table

from reliability import scenarios


def measure(name: str, run) -> dict:
    # Outside the working tree: nothing else there may sweep it away during the run.
    stack = make_stack(Path(tempfile.gettempdir()) / "gongkai-bench-reliability" / name)
    try:
        seed = stack.prepare(entries=20000, applications=200, staff=10)
        return run(stack, seed)
    finally:
        stack.stop()
        if stack.database_url:
            drop_postgresql_database(stack.database_url)


def report(title: str, result: dict) -> None:
    print(f"\n### {title}\n")
    print(table(result["stats"]))
    print(f"\nacknowledged submissions: {result['receipts']} {result['receipts_by_way']}")
    for line in result.get("crashes", []):
        print(f"- {line}")
    print(f"problems: {result['problems'] or 'none'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--skip-crash", action="store_true")
    arguments = parser.parse_args()
    users = scenarios.Users()
    database = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    seconds = arguments.seconds
    results = {"load": measure(f"{database}-load", lambda stack, seed: scenarios.load(
        stack, seed, seconds, users))}  # fmt: skip
    report(f"Load, {database}, {arguments.seconds:.0f} s", results["load"])
    if not arguments.skip_crash:
        results["crash"] = measure(f"{database}-crash", lambda s, seed: scenarios.crash(
            s, seed, users, rows=3000, pause=2.0))  # fmt: skip
        report(f"Crash, {database}", results["crash"])
    out = ROOT / "var" / f"bench-reliability-{database}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2))
    bad = any(r["problems"] or r["stats"]["errors"] for r in results.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
