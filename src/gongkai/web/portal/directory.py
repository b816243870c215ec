"""The public list of agencies, usable with hundreds of them: grouped by level (县级政府,
县级部门, 乡镇街道 …) in the order of AgencyLevel, each agency under its parent's name, and
a group cut short on the home page with a link to all of it.

The same list opens an agency's page, its 指南 or its application form: the chooser pages
(/agencies/, /guide/, /apply/) differ only in where each name leads.
"""

from dataclasses import dataclass

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.catalog.public import filter_choices

LEVEL_ORDER = {level: position for position, level in enumerate(AgencyLevel.values)}


@dataclass(frozen=True)
class Listed:
    code: str
    name: str
    parent: str  # the parent's name ("" at the top): 财政局 of which county


@dataclass(frozen=True)
class LevelGroup:
    level: str
    label: str
    agencies: list[Listed]  # the ones shown
    total: int  # the group's size: more than shown when cut short


@dataclass(frozen=True)
class Chooser:
    """A page that lists the agencies so that one is chosen for something."""

    target: str  # the URL name each agency leads to, with its code
    title: str
    lead: str


CHOOSERS = {
    "agency-directory": Chooser("agency", _("Agencies"), _(
        "Choose an agency to see its contact details, its disclosure guide, what it "
        "publishes and its annual reports.")),
    "portal-guide": Chooser("catalog-guide", _("Disclosure guide"), _(
        "Each agency publishes its own guide: how it publishes information, how to apply "
        "to it, and where to turn for help. Choose the agency.")),
    "portal-apply": Chooser("application-apply", _("Apply online"), _(
        "An application goes to the agency that holds the information. Choose the agency; "
        "its form opens.")),
}  # fmt: skip


def level_groups(level: str | None = None, per_group: int | None = None) -> list[LevelGroup]:
    """Every agency (or those of one level) by level, in tree order within each; with
    `per_group`, a group lists that many and counts the rest."""
    rows = Agency.objects.values_list("pk", "code", "name", "level", "parent_id", "path")
    if level:
        rows = rows.filter(level=level)
    rows = sorted(rows, key=lambda row: [int(part) for part in row[5].strip("/").split("/")])
    names = dict(Agency.objects.values_list("pk", "name")) if rows else {}
    grouped: dict[str, list[Listed]] = {}
    for _pk, code, name, agency_level, parent_id, _path in rows:
        listed = Listed(code, name, names.get(parent_id, ""))
        grouped.setdefault(agency_level, []).append(listed)
    labels = dict(AgencyLevel.choices)
    return [
        LevelGroup(key, labels.get(key, key), agencies[:per_group], len(agencies))
        for key, agencies in sorted(grouped.items(), key=lambda kv: LEVEL_ORDER.get(kv[0], 99))
    ]


def choose(request, purpose: str):
    """A chooser page; with ?agency=<code> (its picker's choice), the page chosen."""
    chooser = CHOOSERS[purpose]
    code = request.GET.get("agency", "")
    if code and Agency.objects.filter(code=code).exists():
        return HttpResponseRedirect(reverse(chooser.target, args=[code]))
    level = request.GET.get("level", "")
    level = level if level in AgencyLevel.values else ""
    context = {
        "chooser": chooser,
        "purpose": purpose,
        "groups": level_groups(level or None),
        "level": level,
        "agencies": filter_choices()["agency"],
    }
    return render(request, "portal/agency_directory.html", context)
