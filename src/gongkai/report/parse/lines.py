"""The one shape every reader produces: lines of text, each knowing where it came from."""

from dataclasses import dataclass, field

TABLE_CELL_SEPARATOR = " | "


@dataclass(frozen=True, slots=True)
class SourceLine:
    text: str
    where: dict = field(default_factory=dict)  # provenance: line / page / table / row

    def cells(self) -> list[str]:
        return [cell.strip() for cell in self.text.split("|")]
