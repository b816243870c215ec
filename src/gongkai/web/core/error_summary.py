"""The error summary at the top of a form: every problem in one list, each linked to its
field, so that someone who sent a long form sees at once what to correct and where (the
GOV.UK pattern; WCAG 2.1 3.3.1 and 3.3.3). The messages stay beside the fields too."""

from dataclasses import dataclass

from django import forms


@dataclass(frozen=True)
class Problem:
    anchor: str  # the id of the input to jump to; "" for errors of the whole form
    label: str
    message: str


def problems(form: forms.BaseForm) -> list[Problem]:
    """The form's errors in the order of its fields, the whole form's first."""
    found = [Problem("", "", str(message)) for message in form.non_field_errors()]
    for field in form:
        for message in field.errors:
            found.append(Problem(anchor_of(field), str(field.label), str(message)))
    return found


def anchor_of(field: forms.BoundField) -> str:
    """The input a link should reach: the first button of a radio group, none if hidden."""
    if field.is_hidden:
        return ""
    return field.id_for_label or (field.subwidgets[0].id_for_label if field.subwidgets else "")
