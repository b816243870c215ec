"""Which agency a published report belongs to: an agency of the platform's tree (by the
USCC printed in the document, or by its exact name), an external agency (a name no agency
of the tree resembles), or a person's decision (a name like one or more of the tree's, or no
name at all) — uncertain matches wait in the queue, they are never guessed.

`AgencyIndex` holds the tree's names once per import, bucketed by region, so matching a
report costs a few dictionary lookups and a handful of string comparisons.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import IntegrityError, transaction

from gongkai.statute.agency_codes import normalize_code, validate_uscc
from gongkai.web.agencies.models import Agency
from gongkai.web.intelligence.agency_names import name_parts, normalize_name
from gongkai.web.intelligence.models import ExternalAgency, Match

USCC_CHARACTER = "[0-9A-HJ-NP-RTUWXY]"
USCC_IN_TEXT = re.compile(
    rf"(?<![0-9A-Z]){USCC_CHARACTER}{{2}}[0-9]{{6}}{USCC_CHARACTER}{{10}}(?![0-9A-Z])"
)
SIMILAR = 0.8  # names this alike (difflib's ratio) are put to a person
MAX_CANDIDATES = 5


@dataclass(frozen=True)
class Matched:
    match: str
    agency: Agency | None = None
    candidates: list[dict] = field(default_factory=list)  # [{"agency": pk, "why": text}]
    region: str = ""
    level: str = ""


class AgencyIndex:
    """The platform's agencies by code, by name and by region, read once."""

    def __init__(self) -> None:
        agencies = list(Agency.objects.only("id", "name", "short_name", "code", "level", "path"))
        self.by_code = {agency.code: agency for agency in agencies}
        self.by_name: dict[str, list[Agency]] = defaultdict(list)
        self.by_region: dict[str, list[tuple[str, Agency]]] = defaultdict(list)
        for agency in agencies:
            name = normalize_name(agency.name)
            self.by_name[name].append(agency)
            self.by_region[name_parts(name).region].append((name, agency))

    def match(self, printed: str | None, text: str = "") -> Matched:
        if agency := self.by_printed_code(text):
            return Matched(Match.TREE, agency)
        name = normalize_name(printed or "")
        if not name:
            return Matched(Match.PENDING)
        exact = self.by_name.get(name, [])
        if len(exact) == 1:
            return Matched(Match.TREE, exact[0])
        if candidates := exact or self.similar(name):
            why = "同名" if exact else "名称相近"
            listed = [{"agency": a.pk, "why": why} for a in candidates[:MAX_CANDIDATES]]
            return Matched(Match.PENDING, candidates=listed)
        parts = name_parts(name)
        return Matched(Match.EXTERNAL, region=parts.region, level=parts.level)

    def by_printed_code(self, text: str) -> Agency | None:
        for code in USCC_IN_TEXT.findall(text[:20000]):
            code = normalize_code(code)
            if code in self.by_code and is_valid_uscc(code):
                return self.by_code[code]
        return None

    def similar(self, name: str) -> list[Agency]:
        """Agencies of the same region whose names contain, or nearly equal, this one."""
        scored = []
        for other, agency in self.by_region.get(name_parts(name).region, []):
            if name in other or other in name:
                scored.append((1.0, agency))
            elif (ratio := SequenceMatcher(None, name, other).ratio()) >= SIMILAR:
                scored.append((ratio, agency))
        return [agency for _, agency in sorted(scored, key=lambda pair: -pair[0])]


def is_valid_uscc(code: str) -> bool:
    try:
        validate_uscc(code)
    except ValueError:
        return False
    return True


def external_agency(name: str, region: str, level: str) -> ExternalAgency:
    """The external agency of this name and region, created the first time it is seen."""
    name = name.strip()[:100]
    found = ExternalAgency.objects.filter(name=name, region=region).first()
    if found:
        return found
    try:
        with transaction.atomic():
            return ExternalAgency.objects.create(name=name, region=region, level=level)
    except IntegrityError:  # created at the same moment by another import
        return ExternalAgency.objects.get(name=name, region=region)
