"""汇总: the combined report of several agencies, cell by cell.

A supervising office adds up the reports of an agency's subtree (as the 东宁市 seed report
does for its towns and departments). Every cell of the combined report is the sum of that
cell in every input; a cell that any input leaves blank stays blank in the sum, and a note
names the inputs that left it so — a partial sum printed as a total would be an invented
figure. Inputs must all be of the combined report's generation: the formats' cells do not
add up across generations.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.report.formats import GENERATIONS
from gongkai.report.model import CellValue, Report


class AggregationError(ValueError):
    """Reports that cannot be added up (another generation or year)."""


@dataclass(frozen=True)
class BlankInputs:
    key: str
    agencies: tuple[str, ...]  # the inputs that left the cell blank or lacked its row

    def note(self, generation: str) -> str:
        label = GENERATIONS[generation].cells[self.key].label
        return f"“{label}”未汇总：{'、'.join(self.agencies)}的该项为空"


def aggregate(reports: Sequence[Report], generation: str, year: int, agency: str) -> Report:
    """The sum of `reports`, each cell of the format; blanks explained in `notes`."""
    if not reports:
        raise AggregationError("没有可汇总的报告")
    for report in reports:
        if (report.generation, report.year) != (generation, year):
            raise AggregationError(
                f"{report.agency or '某机关'}的报告是{report.year}年度{report.generation}代格式，"
                f"不能汇总进{year}年度{generation}代格式的报告"
            )
    cells: dict[str, CellValue] = {}
    blanks: list[BlankInputs] = []
    for key in GENERATIONS[generation].cells:
        missing = tuple(r.agency or "?" for r in reports if r.value(key) is None)
        if missing:
            cells[key] = None
            blanks.append(BlankInputs(key, missing))
        else:
            cells[key] = sum((r.value(key) for r in reports), start=0)  # type: ignore[misc]
    return Report(
        generation=generation,
        year=year,
        agency=agency,
        cells=cells,
        notes=[blank.note(generation) for blank in blanks],
        provenance={"aggregated_from": [r.agency for r in reports]},
    )
