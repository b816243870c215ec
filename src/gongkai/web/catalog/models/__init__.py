"""The catalogue (政府信息公开目录) and what feeds section 二 of the annual report.

entries.py   catalogue entries, their review and approval, history, channels, attachments
tally.py     counts of public entries that the 目录 shows without counting rows
registry.py  规章 / 行政规范性文件 and the yearly counts of 第二十条 items (五)(六)(八)(九)
"""

from gongkai.web.catalog.models.entries import (  # noqa: F401
    ApprovalStep,
    ChannelPublication,
    Entry,
    EntryAttachment,
    EntryEvent,
    FormCategory,
    IndexCounter,
    Review,
    SubjectCategory,
)
from gongkai.web.catalog.models.registry import (  # noqa: F401
    DocumentKind,
    EventKind,
    FigureSource,
    NormativeDocument,
    NormativeEvent,
    YearlyFigure,
    YearlyFigureRevision,
)
from gongkai.web.catalog.models.tally import EntryTally  # noqa: F401
