"""What an agency's printed name says about it: its region and its level. No Django.

A published report names its agency, rarely its code. The name begins with its region
(广东省深圳市南山区…), and the rest says what kind of body it is: a government
(…人民政府), a township (…镇人民政府, …街道办事处), a department. The rules are data below;
an external agency's region and level come from here.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CJK = "[\u4e00-\u9fff]"
# A prefecture's name holds no county-level suffix: in 濉溪县市场监督管理局 the 市 begins 市场.
PREFECTURE_CHAR = rf"(?:(?![县区旗]){CJK})"
# province, then prefecture, then county: each optional, each as short as it can be
REGION = re.compile(
    rf"^(?P<province>{CJK}{{2,7}}?(?:省|自治区))?"
    rf"(?P<city>{PREFECTURE_CHAR}{{1,9}}?(?:自治州|地区|市|州|盟))?"
    rf"(?P<county>{CJK}{{1,9}}?(?:自治县|县|区|旗|市))?"
)
GOVERNMENT_NAMES = ("人民政府", "政府", "人民政府办公厅", "人民政府办公室")
TOWNSHIP = re.compile(rf"{CJK}+(?:乡|镇|街道)(?:人民政府|办事处|政府)")
CENTRAL = re.compile(r"^(?:国务院|国家|中华人民共和国|中国)")
# (depth of the region: 1 province, 2 prefecture, 3 county) -> level
GOVERNMENTS = {1: "provincial_government", 2: "municipal_government", 3: "county_government"}
DEPARTMENTS = {1: "provincial_department", 2: "municipal_department", 3: "county_department"}
PUNCTUATION = re.compile(r"[\s·•、,，.。:：;；\"'“”‘’]+")
BRACKETS = str.maketrans("（）【】〔〕", "()[]()")
COUNTY_LEVEL_CITIES_FILE = Path(__file__).with_name("county_level_cities.txt")


@cache
def county_level_cities() -> frozenset[str]:
    """义乌市, 昆山市, 仙桃市 …: printed like a prefecture, counted as a county."""
    lines = COUNTY_LEVEL_CITIES_FILE.read_text("utf-8").splitlines()
    return frozenset(line.split()[1] for line in lines if line and not line.startswith("#"))


@dataclass(frozen=True)
class NameParts:
    region: str
    depth: int  # 0: no region printed
    rest: str

    @property
    def level(self) -> str:
        if self.rest in GOVERNMENT_NAMES and self.depth:
            return GOVERNMENTS[self.depth]
        if TOWNSHIP.fullmatch(self.rest):
            return "township"
        if not self.depth:
            return "state_council_department" if CENTRAL.match(self.rest) else "other"
        return DEPARTMENTS[self.depth]


def normalize_name(name: str) -> str:
    """A printed name as compared: no spaces or punctuation, half-width brackets."""
    return PUNCTUATION.sub("", (name or "").translate(BRACKETS))


def name_parts(name: str) -> NameParts:
    name = normalize_name(name)
    found = REGION.match(name)
    parts = [found.group(g) for g in ("province", "city", "county")] if found else []
    if parts and parts[2] is None and parts[1] in county_level_cities():
        parts = [parts[0], None, parts[1]]  # 义乌市人民政府 is a county's government
    depth = max((i + 1 for i, part in enumerate(parts) if part), default=0)
    region = "".join(part for part in parts if part)
    return NameParts(region, depth, name[len(region) :])
