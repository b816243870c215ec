"""Running `gongkai` in a real child process and reading back how much memory it took."""

import subprocess
import sys
from dataclasses import dataclass

import pytest

# The child reports its own peak resident set at exit: VmHWM of /proc/self/status, which
# starts afresh at exec (ru_maxrss would carry over the peak of the forked test process).
MEASURED = (
    "import atexit, re, sys\n"
    "peak = lambda: re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())[1]\n"
    "atexit.register(lambda: print('PEAK_KB', peak(), file=sys.stderr))\n"
    "from gongkai.cli import main\n"
    "sys.argv[0] = 'gongkai'\n"
    "main()\n"
)


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float


@pytest.fixture
def run_gongkai():
    def run(*args: str, timeout: float = 120) -> Finished:
        done = subprocess.run(
            [sys.executable, "-c", MEASURED, *args],
            capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
        peak = [line for line in done.stderr.splitlines() if line.startswith("PEAK_KB")]
        stderr = "\n".join(line for line in done.stderr.splitlines() if line not in peak)
        return Finished(done.returncode, done.stdout, stderr, int(peak[-1].split()[1]) / 1024)

    return run
