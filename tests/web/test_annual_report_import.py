"""Importing an agency's earlier published report: every hand-checked figure of a real report
is stored with its findings and its source, the same file twice changes nothing, a report
compiled on the platform is never replaced, a zip bomb is refused before it is opened, and
the imported report is last year's report for the cross-year rules."""

import io
import time
import zipfile
from datetime import date
from hashlib import sha256
from pathlib import Path

import pytest
from tests.shared_copies import SEEDS

from gongkai.report import load_report
from gongkai.report.parse import parse_report
from gongkai.web.annualreports import history, import_limits, imports, workflow
from gongkai.web.annualreports.imports import ImportRefused, UnreadableDocument
from gongkai.web.annualreports.models import AnnualReport, ReportEvent, ReportVersion

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CORPUS = Path(__file__).resolve().parents[1] / "report" / "parse" / "corpus"
SEED_B = SEEDS / "002_d041f4bcca68913a.txt"  # 濉溪县公共资源交易中心, 2020, generation B
SEED_A = SEEDS / "000_b1ef3381ebc40fd9.txt"  # 牡丹江市政府采购中心, 2016, no publication date


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def expected(seed: Path):
    return load_report(seed.with_name(seed.name.replace(".txt", ".expected.json")))


def import_file(agency, path: Path, actor=None, **stated):
    draft = imports.draft_from_document(agency, path.read_bytes(), path.name, **stated)
    return imports.store(draft, actor)


def zip_bomb() -> bytes:
    """A .docx of 60 KB whose document part inflates to 60 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (60 * 1024 * 1024))
    return buffer.getvalue()


def test_a_seed_report_is_stored_with_every_hand_checked_figure(finance, alice):
    stored = import_file(finance, SEED_B, alice)
    report, version = stored.report, stored.version
    assert stored.created
    assert (report.year, report.generation, report.origin, report.state) == (
        2020, "B", "imported", "published")  # fmt: skip
    truth = expected(SEED_B).cells
    assert {key: version.as_report().cells.get(key) for key in truth} == truth
    assert {key: report.as_report().cells.get(key) for key in truth} == truth
    assert version.number == 1 and version.published_on == date(2021, 1, 25)
    assert version.entry is None and version.published_by == alice
    assert report.events.get().action == "import"


def test_the_stored_version_keeps_the_findings_and_the_source(finance, alice):
    data = SEED_B.read_bytes()
    version = import_file(finance, SEED_B, alice).version
    parsed = parse_report(data, SEED_B.name)  # no history yet: the same rules, the same findings
    assert [f["rule"] for f in version.document["findings"]] == [f.rule for f in parsed.findings]
    assert version.source_name == SEED_B.name
    assert version.source_sha256 == sha256(data).hexdigest()
    assert version.source_file.read() == data
    assert f"<title>{finance.name}2020年政府信息公开工作年度报告</title>" in version.html


def test_importing_the_same_file_again_changes_nothing(finance, alice):
    first = import_file(finance, SEED_B, alice)
    again = import_file(finance, SEED_B, alice)
    assert not again.created and again.version == first.version
    assert ReportVersion.objects.count() == 1 and ReportEvent.objects.count() == 1


def test_another_document_for_an_imported_year_becomes_the_next_version(finance, alice):
    import_file(finance, SEED_B, alice)
    other = CORPUS / "r3B2020_piped.txt"
    stored = import_file(finance, other, alice, year=2020, published_on=date(2021, 1, 20))
    assert stored.version.number == 2 and stored.version.source_name == other.name
    assert "r3B2020_piped.txt" in stored.version.reason
    assert history.version_of_year(finance, 2020) == stored.version


def test_a_report_compiled_on_the_platform_is_never_replaced(finance, alice):
    workflow.start(finance, 2020, alice)
    with pytest.raises(ImportRefused, match="由本机关记录生成"):
        import_file(finance, SEED_B, alice)
    assert not ReportVersion.objects.exists()
    assert AnnualReport.objects.get().origin == "compiled"


def test_the_publication_date_is_asked_for_when_the_document_has_none(finance):
    draft = imports.draft_from_document(finance, SEED_A.read_bytes(), SEED_A.name)
    assert set(draft.problems()) == {"published_on"}
    with pytest.raises(ImportRefused):
        imports.store(draft)
    stored = import_file(finance, SEED_A, published_on=date(2017, 3, 31))
    assert stored.version.published_on == date(2017, 3, 31)
    truth = expected(SEED_A).cells
    assert {key: stored.report.cells.get(key) for key in truth} == truth


def test_a_publication_date_within_the_year_reported_on_is_refused(finance):
    draft = imports.draft_from_document(
        finance, SEED_B.read_bytes(), SEED_B.name, published_on=date(2020, 12, 1)
    )
    assert "2020" in draft.problems()["published_on"]


def test_a_stated_year_replaces_the_one_read(finance):
    draft = imports.draft_from_document(finance, SEED_B.read_bytes(), SEED_B.name, year=2019)
    assert draft.year == 2019 and draft.read.year == 2020
    assert draft.problems() == {}


def test_a_zip_bomb_is_refused_quickly_and_nothing_is_stored(finance):
    bomb = zip_bomb()
    assert len(bomb) < 1024 * 1024
    started = time.monotonic()
    with pytest.raises(UnreadableDocument, match="压缩炸弹"):
        imports.draft_from_document(finance, bomb, "年报.docx")
    assert time.monotonic() - started < 1
    assert not AnnualReport.objects.exists()


def test_a_binary_file_is_refused_as_unreadable(finance):
    with pytest.raises(UnreadableDocument, match="二进制"):
        imports.draft_from_document(finance, bytes(range(256)) * 40, "年报.txt")


def test_a_file_with_no_statistics_table_is_refused_as_unreadable(finance):
    with pytest.raises(UnreadableDocument, match="统计表"):
        imports.draft_from_document(finance, "会议通知\n请准时参加。".encode(), "通知.txt")


def test_a_parse_that_takes_too_long_is_stopped(finance, monkeypatch):
    monkeypatch.setattr(import_limits, "PARSE_SECONDS", 0.001)
    with pytest.raises(UnreadableDocument, match="秒"):
        imports.draft_from_document(finance, SEED_B.read_bytes(), SEED_B.name)


def test_a_word_and_a_pdf_report_are_read_as_well(finance):
    for name in ("r4C2021_word.docx", "r4C2021_print.pdf"):
        draft = imports.draft_from_document(finance, (CORPUS / name).read_bytes(), name)
        truth = load_report(CORPUS / name.replace(".docx", ".expected.json").replace(
            ".pdf", ".expected.json")).cells  # fmt: skip
        assert draft.year == 2021 and draft.document.cells == truth


def test_the_imported_report_is_last_years_report_for_the_cross_year_rules(finance, alice):
    import_file(finance, SEED_B, alice)
    assert history.report_of_year(finance, 2020).cells == expected(SEED_B).cells
    carried = expected(SEED_B).cells["s3.carry_forward.total"]
    agrees = draft_2021(finance, carried)
    disagrees = draft_2021(finance, carried + 1)
    assert "B3-5" not in violated(agrees) and "B3-5" in violated(disagrees)


def draft_2021(agency, carried: int):
    cells = {"s3.carried.natural": carried, "s3.carried.total": carried}
    return imports.draft_from_table(agency, 2021, cells, {}, date(2022, 1, 20))


def violated(draft) -> set[str]:
    return {f.rule for f in draft.result.findings if f.outcome == "violated"}


def test_an_imported_report_is_not_corrected_on_the_platform(finance, erin):
    from gongkai.web.annualreports import workflow
    from gongkai.web.annualreports.models import AnnualReport

    report = AnnualReport.objects.create(agency=finance, year=2024, generation="C",
                                         origin="imported", state="published")  # fmt: skip
    with pytest.raises(workflow.WorkflowError, match="重新导入"):
        workflow.perform(report, "correct", erin, note="数字有误")
