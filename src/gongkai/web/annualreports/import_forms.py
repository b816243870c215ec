"""Forms of the import pages: the upload of a published report, the confirmation of what was
read from it, and the official table of a year's format to type a published report into."""

from dataclasses import dataclass

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from gongkai.report.compiler import assemble
from gongkai.report.formats import GENERATIONS, CellSpec, Kind, Section
from gongkai.report.render.document import build_document
from gongkai.report.render.html import SCOPES, cell_class
from gongkai.report.render.layout import Grid, GridCell, Part
from gongkai.web.annualreports.import_limits import checked_upload
from gongkai.web.annualreports.imports import SHA256, year_problem
from gongkai.web.core.widgets import DateInput

MAX_FIGURE = 999_999_999
DECIMAL_PLACES = 6  # 万元 converted from 元 has four places; some reports print more


def year_field(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=_("Year reported on"), min_value=1, max_value=9999, **kwargs)


def clean_year_of(form: forms.Form) -> int | None:
    year = form.cleaned_data.get("year")
    if year is not None and (problem := year_problem(year)):
        raise forms.ValidationError(problem)
    return year


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("The published report"),
        help_text=_(
            "The file the agency published: text, HTML, Word (.docx) or PDF, at most 10 MB."
        ),
    )
    year = year_field(required=False, help_text=_("Leave empty to take it from the document."))

    def clean_file(self):
        return checked_upload(self.cleaned_data["file"])

    def clean_year(self):
        return clean_year_of(self)


class ConfirmForm(forms.Form):
    """What staff confirm: the year and the publication date (the figures are the file's)."""

    file = forms.CharField(widget=forms.HiddenInput, validators=[RegexValidator(SHA256)])
    checked_year = forms.IntegerField(widget=forms.HiddenInput)  # the year the checks ran for
    year = year_field()
    published_on = forms.DateField(label=_("Published on"), required=False, widget=DateInput)

    def clean_year(self):
        return clean_year_of(self)

    def year_changed(self) -> bool:
        return self.cleaned_data["year"] != self.cleaned_data["checked_year"]


class TypedReportForm(forms.Form):
    """Every cell of the format as a number (blank allowed), the prose sections, the date."""

    published_on = forms.DateField(label=_("Published on"), required=False, widget=DateInput)
    confirm_errors = forms.BooleanField(
        label=_("The published report itself has these errors: store it as it was published."),
        required=False,
    )

    def __init__(self, *args, generation: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.generation = GENERATIONS[generation]
        for key, spec in self.generation.cells.items():
            self.fields[key] = cell_field(spec)
        for section in prose_sections(generation):
            self.fields[section.numeral] = forms.CharField(
                label=section.heading,
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 6}),
            )

    def values(self) -> dict:
        """The valid values entered (a bound form) or those it starts from (an unbound one)."""
        return getattr(self, "cleaned_data", {}) if self.is_bound else self.initial

    def figures(self) -> dict:
        """Every cell's figure; a blank or invalid one is blank."""
        values = self.values()
        return {key: values.get(key) for key in self.generation.cells}

    def sections(self) -> dict[str, str]:
        values = self.values()
        return {
            s.numeral: values.get(s.numeral) or "" for s in prose_sections(self.generation.code)
        }

    def publication_date(self):
        return self.values().get("published_on")

    def prose_fields(self) -> list[forms.BoundField]:
        return [self[section.numeral] for section in prose_sections(self.generation.code)]


def prose_sections(generation: str) -> list[Section]:
    """The sections written as prose: those with a numeral and no statutory table."""
    return [s for s in GENERATIONS[generation].sections if s.numeral and not s.tables]


def cell_field(spec: CellSpec) -> forms.Field:
    attrs = {"class": "figure", "data-key": spec.key}
    common = {"label": spec.label, "required": False, "max_value": MAX_FIGURE}
    if spec.kind is Kind.DECIMAL:
        widget = forms.NumberInput(attrs={**attrs, "step": "any", "inputmode": "decimal"})
        return forms.DecimalField(min_value=0, max_digits=16, decimal_places=DECIMAL_PLACES,
                                  widget=widget, **common)  # fmt: skip
    minimum = None if spec.kind is Kind.SIGNED_INT else 0
    widget = forms.NumberInput(attrs={**attrs, "step": "1", "inputmode": "numeric"})
    return forms.IntegerField(min_value=minimum, widget=widget, **common)


# --- the official table with an input in every figure's place ------------------------------


@dataclass(frozen=True)
class InputCell:
    tag: str  # th or td
    css: str
    scope: str | None
    rowspan: int
    colspan: int
    text: str
    field: forms.BoundField | None  # the input of a figure


@dataclass(frozen=True)
class InputTable:
    key: str
    caption: str
    widths: list[float]
    head: list[list[InputCell]]
    body: list[list[InputCell]]


def typed_tables(form: TypedReportForm, year: int) -> list[tuple[str, list[InputTable]]]:
    """The statutory tables of the form's format, laid out as the report renderer lays them
    out, each figure's place holding its input."""
    blank = assemble(form.generation.code, year, "", {})
    return [
        (section.heading, [input_table(grid, form) for grid in section.grids])
        for section in build_document(blank).sections
        if section.grids
    ]


def input_table(grid: Grid, form: TypedReportForm) -> InputTable:
    rows = [[input_cell(cell, form) for cell in row] for row in grid.rows()]
    return InputTable(
        key=grid.key.replace(".", "-"),
        caption=grid.caption,
        widths=grid.widths(100),
        head=rows[: grid.header_rows],
        body=rows[grid.header_rows :],
    )


def input_cell(cell: GridCell, form: TypedReportForm) -> InputCell:
    field = form[cell.key] if cell.part is Part.VALUE and cell.key in form.fields else None
    return InputCell(
        tag="th" if cell.is_header else "td",
        css=cell_class(cell),
        scope=SCOPES.get(cell.part),
        rowspan=cell.rowspan,
        colspan=cell.colspan,
        text="" if field else cell.text,
        field=field,
    )
