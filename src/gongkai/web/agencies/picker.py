"""Choosing an agency among many: a plain <select> that reads as a tree, and that a province's
thousands of agencies do not make unusable.

Without JavaScript the select is the picker. It lists every agency, indented under its
parent, when there are at most FULL_LIST; beyond that (a filter, `shorten`), it lists the
tree opened along the chosen agency's branch: the top agencies and those under them, the
agencies under each one on the way down to the chosen agency, and those under it — choose
a city, filter, and its counties are listed. With JavaScript (gongkai/agency-picker.js) a
search field beside the select suggests any agency of the same list by name (views.py
serves it), and choosing one selects it. The select is always what the form sends.
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FULL_LIST = 150  # agencies a select lists whole, in tree order
INDENT = "\u3000"  # a full-width space: browsers do not collapse it in an <option>


@dataclass(frozen=True)
class Node:
    """An agency as the picker needs it; `lineage`: the primary keys from the root down to
    it, itself included (Agency.path read once)."""

    pk: int
    code: str
    name: str
    lineage: tuple[int, ...]

    @classmethod
    def of(cls, pk: int, code: str, name: str, path: str) -> "Node":
        return cls(pk, code, name, tuple(int(part) for part in path.strip("/").split("/")))

    @property
    def parent_pk(self) -> int | None:
        return self.lineage[-2] if len(self.lineage) > 1 else None


def nodes(agencies) -> list[Node]:
    """The agencies of a queryset in tree order: each after its parent, siblings in the
    order they were created."""
    rows = agencies.values_list("pk", "code", "name", "path")
    return sorted((Node.of(*row) for row in rows), key=lambda node: node.lineage)


@dataclass(frozen=True)
class Picker:
    options: SafeString  # the <option>s, indented, the chosen one selected
    shortened: bool  # not every agency is listed: the tree is opened along one branch


def picker(agencies: list[Node], chosen: str, value: str = "pk", shorten: bool = False) -> Picker:
    """The select's options; `value` is the field each option sends ("pk" or "code"), and
    `chosen` the value of the chosen agency (or "")."""
    chosen_node = next((n for n in agencies if str(getattr(n, value)) == chosen), None)
    listed = agencies
    if shorten and len(agencies) > FULL_LIST:
        listed = opened_along(agencies, chosen_node)
    depths = depth_within(agencies, listed)
    html = []
    for node in listed:
        selected = " selected" if node is chosen_node else ""
        label = INDENT * depths[node.pk] + node.name
        html.append(f'<option value="{escape(getattr(node, value))}"{selected}>'
                    f"{escape(label)}</option>")  # fmt: skip
    return Picker(mark_safe("".join(html)), listed is not agencies)  # every value escaped


def opened_along(agencies: list[Node], chosen: Node | None) -> list[Node]:
    """The top agencies of the list and those directly under them, and the children of the
    chosen agency and of each of its ancestors, in tree order."""
    listed = {node.pk for node in agencies}
    top = {node.pk for node in agencies if node.parent_pk not in listed}
    opened = top | (set(chosen.lineage) if chosen else set())
    return [node for node in agencies
            if node.pk in top or node.parent_pk in opened]  # fmt: skip


def depth_within(agencies: list[Node], listed: list[Node]) -> dict[int, int]:
    """The depth of each listed agency below the top agencies of the list (those whose
    parent it lacks)."""
    every = {node.pk for node in agencies}
    return {node.pk: sum(pk in every for pk in node.lineage) - 1 for node in listed}


def suggestions(agencies: list[Node], value: str = "pk") -> list[list[str]]:
    """What the search field suggests: each agency's value and its name with its parent's, so
    that two agencies of one name (财政局 in every county) are told apart."""
    names = {node.pk: node.name for node in agencies}
    return [[str(getattr(node, value)), suggestion_label(node, names)] for node in agencies]


def suggestion_label(node: Node, names: dict[int, str]) -> str:
    parent = names.get(node.parent_pk) if node.parent_pk else None
    return f"{node.name}（{parent}）" if parent else node.name
