"""How a disclosure application ends, and the cell of the annual report it counts in.

Every outcome is one row of section 三 of the 2021 format (国办公开办函〔2021〕30号); its label
is read from the report format data, so it is written in exactly one place. The articles are
those of the 2019 条例 the outcome rests on (spec §5, "Mapping of decisions").
"""

from dataclasses import dataclass
from functools import cached_property

from gongkai.report.aliases import bare_label
from gongkai.report.formats import GENERATIONS
from gongkai.report.formats.schema import Role


@dataclass(frozen=True)
class Outcome:
    key: str  # the row key of the report's section 三 (s3.<key>.<column>)
    articles: str  # 条例 articles the decision rests on
    decided: bool = True  # False: the case ended without a decision (abandoned, withdrawn)

    @cached_property
    def label(self) -> str:
        return bare_label(self._row_path[-1].label)

    @cached_property
    def group(self) -> str:
        """予以公开, 部分公开, 不予公开, 无法提供, 不予处理 or 其他处理."""
        grouped = [row for row in self._row_path if row.role is Role.GROUP]
        return bare_label((grouped or self._row_path)[-1].label)

    @cached_property
    def _row_path(self):
        for row, ancestors in GENERATIONS["C"].table("s3").walk():
            if row.key == self.key:
                return (*ancestors, row)
        raise KeyError(f"no row {self.key!r} in section 三 of the 2021 format")

    def report_row(self, generation: str) -> str:
        """The row key in the given format: generation B has one （六）其他处理 row."""
        if generation == "B" and self.key.startswith("other."):
            return "other"
        return self.key


OUTCOMES = {
    outcome.key: outcome
    for outcome in (
        Outcome("granted", "第三十六条第（一）项、第（二）项"),
        Outcome("partial", "第三十七条"),
        Outcome("withheld.state_secret", "第十四条"),
        Outcome("withheld.law_forbidden", "第十四条"),
        Outcome("withheld.security_stability", "第十四条"),
        Outcome("withheld.third_party", "第十五条、第三十二条"),
        Outcome("withheld.internal_affairs", "第十六条第一款"),
        Outcome("withheld.process_info", "第十六条第二款"),
        Outcome("withheld.enforcement_file", "第十六条第二款"),
        Outcome("withheld.query_matter", "第三十六条第（七）项"),
        Outcome("unable.not_held", "第三十六条第（四）项、第（五）项"),
        Outcome("unable.needs_creation", "第三十八条"),
        Outcome("unable.still_unclear", "第三十条"),
        Outcome("declined.petition", "第三十九条第一款"),
        Outcome("declined.duplicate", "第三十六条第（六）项"),
        Outcome("declined.publication", "第三十九条第二款"),
        Outcome("declined.excessive", "第三十五条"),
        Outcome("declined.confirm_existing", "第三十六条"),
        Outcome("other.no_correction", "第三十条", decided=False),
        Outcome("other.no_fee", "《政府信息公开信息处理费管理办法》", decided=False),
        Outcome("other.other", "", decided=False),
    )
}
DECISIONS = {key: outcome for key, outcome in OUTCOMES.items() if outcome.decided}

# 已主动公开 answers count as 予以公开 (spec §5 [IMPLIED]); the sub-type is recorded.
GRANTED_KINDS = {"already_public": "已主动公开，告知获取方式", "provided": "提供政府信息"}
