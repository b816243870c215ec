"""索引号 (index numbers) of catalogue entries — spec §6.

New numbers follow the national scheme of 《政府信息公开目录系统实施指引（试行）》: the
publisher's code, a slash, the year and a five-digit serial (`000014349/2018-00222`). The code
is the 9-character 组织机构代码, or today usually the 18-character 统一社会信用代码. Numbers
imported from older systems are read leniently and kept exactly as they were; what cannot be
read is kept as an opaque local scheme.
"""

import re
from dataclasses import dataclass

CANONICAL = re.compile(
    r"^(?P<org>[0-9A-Z]{8}-?[0-9A-Z]|[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-Z]{9}[0-9A-HJ-NP-RTUWXY])"
    r"/(?P<year>\d{4})(?P<month>\d{2})?-(?P<serial>\d+|None)$"
)
HYPHENATED = re.compile(r"^(?P<org>[0-9A-Z]{9})-(?P<year>\d{4})-(?P<serial>\d+)$")
SERIAL_DIGITS = 5


@dataclass(frozen=True)
class IndexNumber:
    raw: str
    org: str | None = None
    year: int | None = None
    month: int | None = None
    serial: int | None = None
    scheme: str = "local"  # canonical, hyphenated, or local (opaque)
    problem: str = ""  # what is odd about an imported number (e.g. a missing serial)

    @property
    def is_canonical(self) -> bool:
        return self.scheme == "canonical" and not self.problem


def make_index_number(code: str, year: int, serial: int) -> str:
    if not 1 <= serial < 10**SERIAL_DIGITS:
        raise ValueError(f"索引号流水号应为1至{10**SERIAL_DIGITS - 1}，实际为{serial}")
    return f"{code.replace('-', '')}/{year:04d}-{serial:0{SERIAL_DIGITS}d}"


def parse_index_number(text: str) -> IndexNumber:
    raw = text.strip()
    if match := CANONICAL.match(raw):
        serial = match["serial"]
        return IndexNumber(
            raw, match["org"].replace("-", ""), int(match["year"]),
            int(match["month"]) if match["month"] else None,
            None if serial == "None" else int(serial), "canonical",
            "流水号缺失（None）" if serial == "None" else "",
        )  # fmt: skip
    if match := HYPHENATED.match(raw):
        return IndexNumber(raw, match["org"], int(match["year"]), None, int(match["serial"]),
                           "hyphenated")  # fmt: skip
    return IndexNumber(raw, problem="" if raw else "索引号为空")
