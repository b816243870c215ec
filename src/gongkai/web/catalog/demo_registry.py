"""Demo registry for the demo county: 行政规范性文件 with amendments, repeals and lapses, and
yearly section-二 figures for 2019–2025 (generations B and C).

A county has no power to make 规章, so the demo has none. Loading is idempotent: documents
are matched by agency and 文号, figures by agency, year and key.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction

from gongkai.web.agencies.demo import AGENCIES, demo_code
from gongkai.web.agencies.models import Agency
from gongkai.web.catalog.models.entries import Entry
from gongkai.web.catalog.models.registry import (
    DocumentKind,
    EventKind,
    NormativeDocument,
    NormativeEvent,
    YearlyFigure,
)
from gongkai.web.catalog.registry import store_figure

PROVENANCE = "演示数据"


@dataclass(frozen=True)
class DemoDocument:
    agency: str  # key of the demo agency
    title: str
    doc_no: str
    issued_on: date
    published_on: date
    events: list[tuple[EventKind, date, str, str]] = field(default_factory=list)


DOCUMENTS = [
    DemoDocument("county", "青山县人民政府关于印发《青山县城乡居民最低生活保障实施办法》的通知",
                 "青府发〔2019〕4号", date(2019, 3, 12), date(2019, 3, 15),
                 [(EventKind.AMENDED, date(2021, 7, 1), "青府发〔2021〕11号", "调整保障标准"),
                  (EventKind.REPEALED, date(2024, 1, 1), "青府发〔2023〕20号",
                   "被新的实施办法取代")]),
    DemoDocument("county", "青山县人民政府关于印发《青山县城乡居民最低生活保障实施办法"
                           "（2024年修订）》的通知",
                 "青府发〔2023〕20号", date(2023, 12, 20), date(2023, 12, 22)),
    DemoDocument("county", "青山县人民政府办公室关于印发《青山县城区房屋征收补偿暂行办法》的通知",
                 "青府办发〔2020〕9号", date(2020, 5, 8), date(2020, 5, 11),
                 [(EventKind.LAPSED, date(2023, 5, 8), "", "有效期三年届满，自然失效")]),
    DemoDocument("county", "青山县人民政府关于进一步优化营商环境的若干措施",
                 "青府发〔2022〕6号", date(2022, 4, 18), date(2022, 4, 20),
                 [(EventKind.REPUBLISHED, date(2022, 5, 6), "", "更正附件二后重新公布")]),
    DemoDocument("czj", "青山县财政局关于印发《青山县县级预算单位公务卡管理办法》的通知",
                 "青财发〔2019〕12号", date(2019, 9, 2), date(2019, 9, 4)),
    DemoDocument("czj", "青山县财政局关于印发《青山县政府采购内部控制管理办法》的通知",
                 "青财发〔2021〕3号", date(2021, 2, 26), date(2021, 3, 1),
                 [(EventKind.REPEALED, date(2025, 3, 1), "青财发〔2025〕2号",
                   "上位法修改，予以废止")]),
    DemoDocument("czj", "青山县财政局关于规范县级财政专项资金管理的通知",
                 "青财发〔2024〕7号", date(2024, 6, 3), date(2024, 6, 5)),
    DemoDocument("county", "青山县人民政府关于印发《青山县政府信息公开工作考核办法》的通知",
                 "青府发〔2025〕3号", date(2025, 3, 10), date(2025, 3, 12)),
    DemoDocument("czj", "青山县财政局关于印发《青山县政府采购内部控制管理办法（2025年修订）》"
                        "的通知",
                 "青财发〔2025〕2号", date(2025, 2, 25), date(2025, 2, 27)),
    DemoDocument("zrzyj", "青山县自然资源局关于农村村民住宅用地审批管理的实施意见",
                 "青自然资发〔2020〕15号", date(2020, 11, 10), date(2021, 1, 8),
                 [(EventKind.AMENDED, date(2023, 3, 15), "青自然资发〔2023〕4号",
                   "衔接新的审批流程")]),
]  # fmt: skip

# (agency key, year) -> figures. Generation B (2019–2020) counts items and their change;
# generation C (2021 on) reports decisions and the fees charged in 万元.
FIGURES: dict[tuple[str, int], dict[str, int | Decimal]] = {
    ("czj", 2019): {"s2.fees.prev_items": 9, "s2.fees.change": -2, "s2.procurement.items": 46,
                    "s2.procurement.amount": Decimal("1265.3800")},
    ("czj", 2020): {"s2.fees.prev_items": 7, "s2.fees.change": 0, "s2.procurement.items": 52,
                    "s2.procurement.amount": Decimal("1418.0600")},
    ("zrzyj", 2019): {"s2.licensing.prev_items": 23, "s2.licensing.change": 1,
                      "s2.licensing.decisions": 312, "s2.penalty.prev_items": 41,
                      "s2.penalty.change": -3, "s2.penalty.decisions": 27,
                      "s2.coercion.prev_items": 6, "s2.coercion.change": 0,
                      "s2.coercion.decisions": 2},
    ("zrzyj", 2020): {"s2.licensing.change": -2, "s2.licensing.decisions": 287,
                      "s2.penalty.change": 0, "s2.penalty.decisions": 19,
                      "s2.coercion.change": 0, "s2.coercion.decisions": 1},
    ("zrzyj", 2021): {"s2.licensing.decisions": 301, "s2.penalty.decisions": 22,
                      "s2.coercion.decisions": 3},
    ("zrzyj", 2022): {"s2.licensing.decisions": 276, "s2.penalty.decisions": 15,
                      "s2.coercion.decisions": 0},
    ("zrzyj", 2023): {"s2.licensing.decisions": 295, "s2.penalty.decisions": 18,
                      "s2.coercion.decisions": 1, "s2.fees.amount": Decimal("86.4200")},
    ("zrzyj", 2024): {"s2.licensing.decisions": 318, "s2.penalty.decisions": 21,
                      "s2.coercion.decisions": 2, "s2.fees.amount": Decimal("91.0750")},
    ("czj", 2023): {"s2.fees.amount": Decimal("12.5000")},
    ("czj", 2024): {"s2.fees.amount": Decimal("11.8600")},
    # 2025: every figure of every agency, for the annual reports the demo publishes.
    ("county", 2025): {"s2.licensing.decisions": 0, "s2.penalty.decisions": 0,
                       "s2.coercion.decisions": 0, "s2.fees.amount": Decimal(0)},
    ("fgw", 2025): {"s2.licensing.decisions": 86, "s2.penalty.decisions": 3,
                    "s2.coercion.decisions": 0, "s2.fees.amount": Decimal(0)},
    ("czj", 2025): {"s2.licensing.decisions": 0, "s2.penalty.decisions": 2,
                    "s2.coercion.decisions": 0, "s2.fees.amount": Decimal("10.9300")},
    ("zrzyj", 2025): {"s2.licensing.decisions": 327, "s2.penalty.decisions": 24,
                      "s2.coercion.decisions": 3, "s2.fees.amount": Decimal("95.2150")},
    ("qsz", 2025): {"s2.licensing.decisions": 12, "s2.penalty.decisions": 5,
                    "s2.coercion.decisions": 1, "s2.fees.amount": Decimal(0)},
    ("dlx", 2025): {"s2.licensing.decisions": 8, "s2.penalty.decisions": 2,
                    "s2.coercion.decisions": 0, "s2.fees.amount": Decimal(0)},
}  # fmt: skip


@transaction.atomic
def load_demo_registry() -> int:
    """Load the demo documents and figures (after agencies.demo.load_demo); returns how many
    documents the demo registry holds."""
    agencies = {spec.key: Agency.objects.get(code=demo_code(spec)) for spec in AGENCIES}
    for spec in DOCUMENTS:
        load_document(spec, agencies[spec.agency])
    for (key, year), figures in FIGURES.items():
        load_figures(agencies[key], year, figures)
    return NormativeDocument.objects.filter(doc_no__in=[d.doc_no for d in DOCUMENTS]).count()


def load_figures(agency: Agency, year: int, figures: dict) -> None:
    entered = set(
        YearlyFigure.objects.filter(agency=agency, year=year).values_list("key", flat=True)
    )
    for key, value in figures.items():
        if key not in entered:  # a figure someone changed is theirs to keep
            store_figure(agency, year, key, value, None, provenance=PROVENANCE)


def load_document(spec: DemoDocument, agency: Agency) -> NormativeDocument:
    document, _ = NormativeDocument.objects.get_or_create(
        agency=agency,
        doc_no=spec.doc_no,
        defaults={
            "kind": DocumentKind.NORMATIVE,
            "title": spec.title,
            "issued_on": spec.issued_on,
            "published_on": spec.published_on,
            "effective_on": spec.issued_on,
        },
    )
    # The catalogue entry that published it (imported from the old website), if the demo
    # catalogue has one: its 有效性 then follows the document's events.
    entry = Entry.objects.filter(agency=agency, doc_no=spec.doc_no, state="published").first()
    if document.entry_id is None and entry is not None:
        document.entry = entry
        document.save()
    for kind, on, doc_no, note in spec.events:
        if not document.events.filter(kind=kind, on=on).exists():
            NormativeEvent.objects.create(
                document=document, kind=kind, on=on, doc_no=doc_no, note=note
            )
    return document
