"""`gongkai annual import FILE --agency CODE`: a seed report is stored with its findings
printed; the same file again changes nothing; a binary file exits 2 and a refusal exits 1,
each with its reason, and nothing is stored."""

import pytest
from click.testing import CliRunner
from tests.shared_copies import SEEDS

from gongkai.cli import main
from gongkai.web.annualreports import history, workflow
from gongkai.web.annualreports.models import AnnualReport, ReportVersion

SEED_B = SEEDS / "002_d041f4bcca68913a.txt"  # 2020, published 2021-01-25
SEED_A = SEEDS / "000_b1ef3381ebc40fd9.txt"  # 2016, no publication date


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def run(*args: str):
    return CliRunner().invoke(main, ["annual", "import", *map(str, args)])


def test_a_seed_report_is_stored_and_its_findings_printed(finance):
    result = run(SEED_B, "--agency", finance.code)
    assert result.exit_code == 0, result.output
    assert "濉溪县公共资源交易中心 2020年度，B代格式，读取数字198个" in result.output
    assert "备注 P-3：" in result.output
    assert "已导入：青山县财政局2020年度报告第1版" in result.output
    version = history.version_of_year(finance, 2020)
    assert version.source_name == SEED_B.name and version.published_by is None


def test_the_same_file_again_changes_nothing(finance):
    run(SEED_B, "--agency", finance.code)
    result = run(SEED_B, "--agency", finance.code)
    assert result.exit_code == 0 and "未作更改" in result.output
    assert ReportVersion.objects.count() == 1


def test_a_binary_file_exits_2_and_stores_nothing(finance, tmp_path):
    binary = tmp_path / "年报.pdf.exe"
    binary.write_bytes(bytes(range(256)) * 64)
    result = run(binary, "--agency", finance.code)
    assert result.exit_code == 2 and "二进制文件" in result.output
    assert not AnnualReport.objects.exists()


def test_a_missing_publication_date_is_asked_for_with_the_option(finance):
    refused = run(SEED_A, "--agency", finance.code)
    assert refused.exit_code == 1 and "--published-on" in refused.output
    assert not AnnualReport.objects.exists()
    stored = run(SEED_A, "--agency", finance.code, "--published-on", "2017-03-31")
    assert stored.exit_code == 0, stored.output
    assert history.version_of_year(finance, 2016).published_on.isoformat() == "2017-03-31"


def test_a_year_compiled_on_the_platform_is_refused(finance, alice):
    workflow.start(finance, 2020, alice)
    result = run(SEED_B, "--agency", finance.code)
    assert result.exit_code == 1 and "由本机关记录生成" in result.output
    assert not ReportVersion.objects.exists()


def test_an_unknown_agency_is_refused(db):
    result = run(SEED_B, "--agency", "91110000MA0000000X")
    assert result.exit_code == 1 and "没有代码为 91110000MA0000000X 的机关" in result.output
