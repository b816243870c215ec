"""The letters package is plain Python: the Django app calls it, never the other way round."""

import subprocess
import sys

CHECK = (
    "import sys, gongkai.letters; "
    "print(sorted(m for m in sys.modules if m.split('.')[0] in {'django', 'ninja'}))"
)


def test_importing_the_letters_loads_no_django():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
