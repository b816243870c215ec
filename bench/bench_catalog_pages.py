"""Do the public catalogue pages serve > 200 requests/s under gunicorn on a 2-core machine?

Serves the app with gunicorn (sync workers) against a catalogue of a million entries and
loads it from the same machine with a small client: threads, each holding one keep-alive
HTTP connection, for a fixed time per page kind. Loopback only. Run:

    .venv/bin/python bench/bench_catalog_search.py --keep /tmp/gk1m     # fill once (SQLite)
    .venv/bin/python bench/bench_catalog_pages.py --reuse /tmp/gk1m
    scripts/with-postgres.sh .venv/bin/python bench/bench_catalog_pages.py --entries 1000000

Pages: the 目录 (`/catalog/`, its first page, later ones, and filtered by agency, year,
有效性 and their combinations), entry pages (`/catalog/entries/<pk>/`, random public entries),
the 年报 column and the JSON API (search, entry by 索引号).
"""

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

PARSER = argparse.ArgumentParser()
PARSER.add_argument("--entries", type=int, default=1_000_000)
PARSER.add_argument("--reuse", help="data directory filled by bench_catalog_search.py --keep")
PARSER.add_argument("--workers", type=int, default=4)
PARSER.add_argument("--clients", type=int, default=8)
PARSER.add_argument("--seconds", type=float, default=15)
ARGS = PARSER.parse_args()
os.environ["GONGKAI_DATA_DIR"] = ARGS.reuse or tempfile.mkdtemp(prefix="gongkai-bench-")

import bench_catalog_search  # noqa: E402  (sets Django up on the same data directory)

from gongkai.web.agencies.models import Agency  # noqa: E402
from gongkai.web.catalog.search import public_entries  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen([str(gunicorn), "gongkai.web.wsgi:application", "--workers",
                               str(ARGS.workers), "--bind", f"127.0.0.1:{port}",
                               "--keep-alive", "30", "--log-level", "warning"])  # fmt: skip
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def load(port: int, paths: list[str], seconds: float) -> tuple[int, list[float], int]:
    """Requests completed, their latencies (ms) and the failures, over `seconds`."""
    latencies: list[float] = []
    failures = [0]
    deadline = time.perf_counter() + seconds

    def client(seed: int) -> None:
        rng, connection = random.Random(seed), http.client.HTTPConnection("127.0.0.1", port)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection.request("GET", rng.choice(paths), headers={"Accept-Language": "zh-hans"})
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                failures[0] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(ARGS.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), latencies, failures[0]


def main() -> None:
    bench_catalog_search.prepare(ARGS.entries)
    public = public_entries()
    rng = random.Random(3)
    last = public.order_by("-pk").values_list("pk", flat=True).first()
    pks = [pk for pk in (rng.randrange(1, last + 1) for _ in range(3000))
           if public.filter(pk=pk).exists()][:1000]  # fmt: skip
    numbers = list(public.filter(pk__in=pks[:200]).values_list("index_no", flat=True))
    codes = list(Agency.objects.values_list("code", flat=True))
    kinds = {
        "目录 /catalog/": ["/catalog/"],
        "目录 page 2–50": [f"/catalog/?page={n}" for n in range(2, 51)],
        "目录 filtered": [
            *(f"/catalog/?agency={code}" for code in codes),
            *(f"/catalog/?year={year}" for year in range(2015, 2025)),
            "/catalog/?validity=expired",
            *(f"/catalog/?agency={code}&year=2020&page=2" for code in codes),
            "/catalog/?year=2018&validity=expired&page=3",
        ],
        "年报 /annual-reports/": ["/annual-reports/"],
        "entry page": [f"/catalog/entries/{pk}/" for pk in pks],
        "API search (2–4 chars)": [f"/api/v1/catalog/search?q={quote(q)}"
                                   for q in ["预算", "采购", "使用权", "政府采购", "乡村振兴"]],
        "API entry by 索引号": [f"/api/v1/catalog/entry?index_no={quote(n)}" for n in numbers],
    }  # fmt: skip
    port = free_port()
    server = serve(port)
    try:
        load(port, [paths[0] for paths in kinds.values()], 3)  # warm every worker
        print(f"{ARGS.workers} gunicorn workers, {ARGS.clients} keep-alive clients, "
              f"{ARGS.seconds:.0f} s per page kind")  # fmt: skip
        for label, paths in kinds.items():
            done, latencies, failed = load(port, paths, ARGS.seconds)
            p50 = statistics.median(latencies)
            p95 = statistics.quantiles(latencies, n=20)[-1]
            print(f"{label:<24} {done / ARGS.seconds:7.0f} req/s   p50 {p50:6.1f} ms   "
                  f"p95 {p95:6.1f} ms   failures {failed}")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
