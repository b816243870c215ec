"""How the printed statutory tables differ from a plain rows × columns grid, as data.

The formats package describes each table's rows and columns; these few facts about the
printed layout are not in it yet (each `Table.layout` says them in prose), so the layout
engine reads them from here. Spec: statute-and-formats.md §1.1, §2.2, §2.3.
"""

# The application matrix prints its 勾稽关系 note in the top-left corner and its stub header
# (申请人情况) as a banner over the value columns, not over the label column (§2.2).
BANNER_STUB_HEADER: frozenset[str] = frozenset({"s3"})

# The appeals table prints its rows (行政复议; 行政诉讼 → 未经复议直接起诉 / 复议后起诉) as column
# headers over the outcome columns, with one data row of 15 cells and no label column (§2.3).
TRANSPOSED: frozenset[str] = frozenset({"s4"})

# Generation A is one list, 统计指标 | 单位 | 统计数, whatever blocks the data splits it into.
STATISTICS_HEADERS: tuple[str, str, str] = ("统计指标", "单位", "统计数")

# What the 2014 统计表 prints in the 单位 and 统计数 cells of a row that takes no figure.
NO_FIGURE = "—"

# Section paths of `extra` rows are written "top heading > sub-heading" (report-json.md).
EXTRA_SECTION_SEPARATOR = " > "
