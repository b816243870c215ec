"""Does a burst of wrong passwords slow every page? (issue 14, defect 2)

Starts `gongkai serve` (waitress) or `gongkai serve --production` (gunicorn) on loopback with
a fresh data directory, then measures the home page's latency alone and while 32 clients
post wrong passwords in parallel for ten seconds — once with the platform's throttling
(lockout after 10 failures, 2 password checks at a time) and once with it loosened to what
the platform did before (no lockout, no limit on checks at once).

    .venv/bin/python bench/bench_login_throttle.py [--production]

Results: docs/PERFORMANCE.md.
"""

import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GONGKAI = ROOT / ".venv" / "bin" / "gongkai"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
ATTACKERS = 32
ATTACK_SECONDS = 10
LOOSE = {"GONGKAI_LOGIN_FAILURE_LIMIT": "1000000", "GONGKAI_LOGIN_SLOTS": "1000"}


def opener():
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def page_ms(client=None) -> float:
    started = time.perf_counter()
    with (client or opener()).open(f"{BASE}/", timeout=60) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def wrong_login(client, username: str) -> int:
    with client.open(f"{BASE}/accounts/login/", timeout=60) as response:
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.read())
    form = {"csrfmiddlewaretoken": token.group(1).decode(), "username": username,
            "password": "not-the-password"}  # fmt: skip
    request = urllib.request.Request(f"{BASE}/accounts/login/",
                                     data=urllib.parse.urlencode(form).encode(),
                                     headers={"Referer": f"{BASE}/accounts/login/"})  # fmt: skip
    try:
        with client.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def attack(stop: threading.Event, statuses: list[int], number: int) -> None:
    client = opener()
    while not stop.is_set():
        statuses.append(wrong_login(client, "zhangwei" if number % 2 else f"guess{number}"))


def measure() -> dict:
    alone = [page_ms() for _ in range(10)]
    stop, statuses, during = threading.Event(), [], []
    attackers = [
        threading.Thread(target=attack, args=(stop, statuses, n)) for n in range(ATTACKERS)
    ]
    for thread in attackers:
        thread.start()
    ends = time.monotonic() + ATTACK_SECONDS
    while time.monotonic() < ends:
        during.append(page_ms())
    stop.set()
    for thread in attackers:
        thread.join()
    return {"alone_ms": statistics.median(alone), "during_median_ms": statistics.median(during),
            "during_max_ms": max(during), "attempts": len(statuses),
            "statuses": statistics_of(statuses)}  # fmt: skip


def statistics_of(statuses: list[int]) -> dict[int, int]:
    return {status: statuses.count(status) for status in sorted(set(statuses))}


def run(production: bool, extra_env: dict) -> dict:
    data = tempfile.mkdtemp(prefix="gongkai-bench-login-")
    env = os.environ | {"GONGKAI_DATA_DIR": data, "LOG_LEVEL": "ERROR"} | extra_env
    subprocess.run([GONGKAI, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([GONGKAI, "manage", "shell", "-c",
                    "from gongkai.web.agencies.models import User\n"
                    "User.objects.create_user('zhangwei', password='bench-only-9x!')"],
                   env=env, check=True, capture_output=True)  # fmt: skip
    command = [GONGKAI, "serve", "--port", str(PORT), *(["--production"] if production else [])]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        for _ in range(120):
            try:
                page_ms()
                break
            except OSError:
                time.sleep(0.5)
        return measure()
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    production = "--production" in sys.argv
    for label, env in [("before (no lockout, no limit)", LOOSE), ("after (defaults)", {})]:
        print(label, run(production, env), flush=True)


if __name__ == "__main__":
    main()
