"""Build the table of county-level cities (县级市) that agency_names.py reads.

A printed name that begins 义乌市 looks like a prefecture's (…市) and is a county's: only the
administrative division codes (GB/T 2260) tell. Their list comes from the `cpca` package's
adcodes.csv (a development-time source: download its wheel, `pip download --no-deps cpca`, and
pass it here; nothing is looked up at run time). A county-level city has a code whose last two
digits are not 00 (xx xx 81–99, or the 省直辖 xx 90 xx).

    .venv/bin/python scripts/build_county_level_cities.py cpca-0.5.5-py3-none-any.whl
"""

import csv
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src/gongkai/web/intelligence/county_level_cities.txt"
HEADER = """\
# 县级市: six-digit division code and name, one a line (scripts/build_county_level_cities.py,
# from GB/T 2260 codes as listed by the cpca package's adcodes.csv). Names of cities since
# merged into districts stay: the reports of their years name them.
"""


def county_level_cities(rows) -> list[tuple[str, str]]:
    found = {}
    for row in rows:
        code, name = row["adcode"][:6], row["name"]
        if name.endswith("市") and code[4:6] != "00":
            found[name] = code
    return sorted((code, name) for name, code in found.items())


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read("cpca/resources/adcodes.csv").decode("utf-8")
    cities = county_level_cities(csv.DictReader(io.StringIO(text)))
    OUTPUT.write_text(HEADER + "".join(f"{code} {name}\n" for code, name in cities), "utf-8")
    print(f"{len(cities)} county-level cities → {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1])
