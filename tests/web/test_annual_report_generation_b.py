"""Past years are rebuilt from the records in their own format: a 2020 report is generation B
(国办公开办函〔2019〕60号), with one （六）其他处理 row and section 二's 2019 columns."""

from datetime import date
from decimal import Decimal

from gongkai.report import GENERATIONS
from gongkai.web.annualreports.compiler import compile_report
from gongkai.web.applications.workflow import perform, submit
from gongkai.web.catalog.models.registry import DocumentKind, NormativeDocument
from gongkai.web.catalog.registry import store_figure


def apply(agency, kind: str, received_on: date, token: str):
    return submit(agency, {
        "applicant_type": kind, "name": "王小明", "phone": "13800000000",
        "org_code": "91350100M000100Y43" if kind != "natural" else "",
        "channel": "online", "received_on": received_on, "description": "预算执行情况",
        "form_requested": "email", "delivery": "email"}, token=token)  # fmt: skip


def test_a_2020_report_is_compiled_in_generation_b(finance, alice, erin):
    withdrawn = apply(finance, "natural", date(2020, 5, 6), "w")
    perform(withdrawn, "withdraw", alice, on=date(2020, 5, 20))
    unpaid = apply(finance, "research", date(2020, 6, 1), "f")
    perform(unpaid, "send_fee_notice", alice, method="per_page", quantity=120,
            on=date(2020, 6, 3))  # fmt: skip
    perform(unpaid, "abandon_payment", alice, on=date(2020, 7, 10))
    NormativeDocument.objects.create(
        agency=finance, kind=DocumentKind.NORMATIVE, title="青山县财政局关于规范票据管理的通知",
        issued_on=date(2020, 3, 2), published_on=date(2020, 3, 5))  # fmt: skip
    store_figure(finance, 2020, "s2.procurement.amount", Decimal("12.5"), erin)

    report = compile_report(finance, 2020).report
    assert report.generation == "B"
    assert set(report.cells) == set(GENERATIONS["B"].cells)
    assert report.value("s3.other.natural") == 1  # withdrawn
    assert report.value("s3.other.research") == 1  # fee not paid
    assert report.value("s3.other.total") == 2 == report.value("s3.total.total")
    assert report.value("s2.normative.made") == 1
    assert report.value("s2.normative.published") == 1
    assert report.value("s2.normative.public_total") == 1
    assert report.value("s2.procurement.amount") == Decimal("12.5")
    assert report.is_blank("s2.procurement.items")  # nobody entered it: blank, not 0
