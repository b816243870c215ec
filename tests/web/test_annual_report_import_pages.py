"""The import pages: upload a published report, see its tables and findings as read, confirm
or cancel; type the official table in with the rules checked as one types; and nobody
outside the agency (or its supervising office) sees any of it."""

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from tests.shared_copies import SEEDS

from gongkai.report import load_report
from gongkai.web.annualreports import history, workflow
from gongkai.web.annualreports.imports import STAGING
from gongkai.web.annualreports.models import AnnualReport, ReportVersion

SEED_B = SEEDS / "002_d041f4bcca68913a.txt"  # 濉溪县公共资源交易中心, 2020, published 2021-01-25
SEED_A = SEEDS / "000_b1ef3381ebc40fd9.txt"  # 牡丹江市政府采购中心, 2016, no publication date
FIGURES_2020 = load_report(SEED_B.with_name(SEED_B.stem + ".expected.json")).cells


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def logged_in(client, username, password):
    client.login(username=username, password=password)
    return client


def upload(client, agency, path: Path, name: str | None = None, content: bytes | None = None):
    data = path.read_bytes() if content is None else content
    file = io.BytesIO(data)
    file.name = name or path.name
    return client.post(f"/work/annual-reports/{agency.code}/import/", {"file": file})


def confirm(client, agency, page, **fields):
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in ("file", "checked_year", "year")}
    data["published_on"] = form["published_on"].value() or ""
    data.update(fields)
    return client.post(f"/work/annual-reports/{agency.code}/import/confirm/", data)


def staged_files() -> list[str]:
    try:
        return default_storage.listdir(STAGING)[1]
    except FileNotFoundError:
        return []


def test_an_upload_shows_the_tables_and_findings_as_read_and_stores_nothing(
    finance, alice, client, password
):
    page = upload(logged_in(client, "alice", password), finance, SEED_B)
    text = page.content.decode()
    assert page.status_code == 200
    assert "濉溪县公共资源交易中心" in text  # the agency the report names
    assert 'class="statutory"' in text and "P-3" in text  # its tables and a parse finding
    assert 'value="2020"' in text and 'value="2021-01-25"' in text  # the year and date read
    assert not ReportVersion.objects.exists() and len(staged_files()) == 1


def test_confirming_stores_the_report_as_published(finance, alice, client, password):
    client = logged_in(client, "alice", password)
    response = confirm(client, finance, upload(client, finance, SEED_B), confirm="1")
    assert response.status_code == 302
    assert response["Location"] == f"/work/annual-reports/{finance.code}/2020/"
    report = AnnualReport.objects.get(agency=finance, year=2020)
    assert (report.origin, report.state) == ("imported", "published")
    assert report.versions.get().source_name == SEED_B.name
    assert staged_files() == []
    assert "已作为已发布报告存入" in client.get(response["Location"]).content.decode()


def test_cancelling_stores_nothing(finance, alice, client, password):
    client = logged_in(client, "alice", password)
    response = confirm(client, finance, upload(client, finance, SEED_B), cancel="1")
    assert response.status_code == 302
    assert not AnnualReport.objects.exists() and staged_files() == []


def test_changing_the_year_checks_again_before_storing(finance, alice, client, password):
    client = logged_in(client, "alice", password)
    page = confirm(client, finance, upload(client, finance, SEED_B), year="2019", confirm="1")
    assert page.status_code == 200 and "已按2019年度重新核对" in page.content.decode()
    assert not AnnualReport.objects.exists()
    assert confirm(client, finance, page, confirm="1").status_code == 302
    assert AnnualReport.objects.get().year == 2019


def test_the_publication_date_is_asked_for_when_the_document_has_none(
    finance, alice, client, password
):
    client = logged_in(client, "alice", password)
    page = upload(client, finance, SEED_A)
    refused = confirm(client, finance, page, confirm="1")
    assert refused.status_code == 400 and not AnnualReport.objects.exists()
    assert 'id="id_published_on_error"' in refused.content.decode()
    stored = confirm(client, finance, page, published_on="2017-03-31", confirm="1")
    assert stored.status_code == 302
    assert history.version_of_year(finance, 2016).published_on == date(2017, 3, 31)


def test_a_zip_bomb_is_refused_with_a_message_on_the_file_field(finance, alice, client, password):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (60 * 1024 * 1024))
    page = upload(logged_in(client, "alice", password), finance, SEED_B, "年报.docx",
                  buffer.getvalue())  # fmt: skip
    text = page.content.decode()
    assert page.status_code == 200 and "压缩炸弹" in text
    assert 'id="id_file_error"' in text and 'aria-invalid="true"' in text
    assert not AnnualReport.objects.exists() and staged_files() == []


def test_an_old_word_file_is_refused_by_its_kind(finance, alice, client, password):
    page = upload(logged_in(client, "alice", password), finance, SEED_B, "年报.doc",
                  b"\xd0\xcf\x11\xe0" + b"\x00" * 100)  # fmt: skip
    assert "另存为 .docx" in page.content.decode()


def test_a_file_nobody_uploaded_cannot_be_confirmed(finance, alice, client, password):
    client = logged_in(client, "alice", password)
    response = client.post(f"/work/annual-reports/{finance.code}/import/confirm/",
                           {"file": "0" * 64, "checked_year": 2020, "year": 2020,
                            "published_on": "2021-01-25", "confirm": "1"})  # fmt: skip
    assert response.status_code == 302 and not AnnualReport.objects.exists()


def test_a_year_compiled_on_the_platform_cannot_be_imported(finance, alice, client, password):
    workflow.start(finance, 2020, alice)
    client = logged_in(client, "alice", password)
    page = upload(client, finance, SEED_B)
    text = page.content.decode()
    assert "这份报告不能导入" in text and 'name="confirm"' not in text
    assert confirm(client, finance, page, confirm="1").status_code == 400
    assert not ReportVersion.objects.exists()


def test_a_year_compiled_on_the_platform_cannot_be_typed_in(finance, alice, client, password):
    workflow.start(finance, 2020, alice)
    client = logged_in(client, "alice", password)
    url = f"/work/annual-reports/{finance.code}/type/2020/"
    assert "这份报告不能录入" in client.get(url).content.decode()
    assert client.post(url, typed(FIGURES_2020, store="1")).status_code == 200
    assert not ReportVersion.objects.exists()
    assert AnnualReport.objects.get().origin == "compiled"


def test_another_agencys_clerk_gets_404(finance, bob, client, password):
    client = logged_in(client, "bob", password)
    base = f"/work/annual-reports/{finance.code}"
    assert client.get(f"{base}/import/").status_code == 404
    assert upload(client, finance, SEED_B).status_code == 404
    assert client.get(f"{base}/type/2020/").status_code == 404
    assert client.post(f"{base}/type/2020/check/", {}).status_code == 404
    assert not AnnualReport.objects.exists() and staged_files() == []


def test_an_administrator_without_casework_gets_404(finance, dave, client, password):
    assert logged_in(client, "dave", password).get(
        f"/work/annual-reports/{finance.code}/import/").status_code == 404  # fmt: skip


def test_the_supervising_office_imports_a_subordinates_report(finance, carol, client, password):
    client = logged_in(client, "carol", password)
    assert confirm(client, finance, upload(client, finance, SEED_B), confirm="1").status_code == 302
    assert history.version_of_year(finance, 2020).published_by == carol


# --- typing the official table in --------------------------------------------------------


def typed(figures: dict, **fields) -> dict:
    data = {key: "" if value is None else str(value) for key, value in figures.items()}
    return {"published_on": "2021-01-25", **data, **fields}


def test_the_typed_form_is_the_official_table_with_an_input_per_cell(
    finance, alice, client, password
):
    page = logged_in(client, "alice", password).get(
        f"/work/annual-reports/{finance.code}/type/2020/")  # fmt: skip
    text = page.content.decode()
    assert page.status_code == 200
    assert text.count('class="figure"') == len(FIGURES_2020) == 198
    assert '<label class="visually-hidden" for="id_s3.new.natural">' in text
    assert 'data-check-url="/work/annual-reports/' in text and "typed-report.js" in text
    assert 'name="一"' in text and 'name="五"' in text  # the prose sections


def test_a_typed_report_that_agrees_with_itself_is_stored(finance, alice, client, password):
    client = logged_in(client, "alice", password)
    url = f"/work/annual-reports/{finance.code}/type/2020/"
    response = client.post(url, typed(FIGURES_2020, 一="本年度……", store="1"))
    assert response.status_code == 302
    report = AnnualReport.objects.get(agency=finance, year=2020)
    assert (report.origin, report.state, report.sections) == ("typed", "published",
                                                              {"一": "本年度……"})  # fmt: skip
    assert history.report_of_year(finance, 2020).cells == FIGURES_2020
    again = client.post(url, typed(FIGURES_2020, 一="本年度……", store="1"))
    assert again.status_code == 302 and ReportVersion.objects.count() == 1


def test_a_broken_consistency_rule_is_shown_and_needs_confirmation(
    finance, alice, client, password
):
    client = logged_in(client, "alice", password)
    url = f"/work/annual-reports/{finance.code}/type/2020/"
    broken = typed({**FIGURES_2020, "s3.new.natural": 1}, store="1")
    page = client.post(url, broken)
    text = page.content.decode()
    assert page.status_code == 400 and not AnnualReport.objects.exists()
    assert "B3-1" in text and "自然人列：一+二=1" in text
    assert 'id="id_confirm_errors_error"' in text
    assert client.post(url, {**broken, "confirm_errors": "on"}).status_code == 302
    assert AnnualReport.objects.get().cells["s3.new.natural"] == 1


def test_the_check_button_shows_the_findings_without_storing(finance, alice, client, password):
    page = logged_in(client, "alice", password).post(
        f"/work/annual-reports/{finance.code}/type/2020/",
        typed({**FIGURES_2020, "s3.new.natural": 1}, check="1"),
    )
    assert page.status_code == 200 and "B3-1" in page.content.decode()
    assert not AnnualReport.objects.exists()


def test_the_check_endpoint_answers_the_findings_as_json(finance, alice, client, password):
    response = logged_in(client, "alice", password).post(
        f"/work/annual-reports/{finance.code}/type/2020/check/",
        typed({**FIGURES_2020, "s3.new.natural": 1, "s3.new.research": "abc"}),
    )
    answer = response.json()
    assert response.status_code == 200 and answer["has_errors"] is True
    balance = next(f for f in answer["findings"] if f["rule"] == "B3-1")
    assert balance["severity"] == "error" and balance["label"] == "错误"
    assert "s3.new.natural" in balance["cells"] and balance["message"].startswith("自然人列")
    assert list(answer["invalid"]) == ["s3.new.research"]
    assert not AnnualReport.objects.exists()


def test_the_typed_form_checks_against_last_years_report(finance, alice, client, password):
    client = logged_in(client, "alice", password)
    client.post(f"/work/annual-reports/{finance.code}/type/2020/",
                typed(FIGURES_2020, store="1"))  # fmt: skip
    carried = FIGURES_2020["s3.carry_forward.total"] + 1
    answer = client.post(f"/work/annual-reports/{finance.code}/type/2021/check/",
                         typed({"s3.carried.total": carried})).json()  # fmt: skip
    assert "B3-5" in {f["rule"] for f in answer["findings"] if f["severity"] == "warning"}


def test_a_year_not_yet_over_cannot_be_typed_in(finance, alice, client, password):
    year = date.today().year
    page = logged_in(client, "alice", password).get(
        f"/work/annual-reports/{finance.code}/type/{year}/")  # fmt: skip
    assert page.status_code == 404


def test_the_reports_pages_link_to_the_import(finance, alice, client, password):
    client = logged_in(client, "alice", password)
    index = client.get("/work/annual-reports/?year=2023").content.decode()
    assert f"/work/annual-reports/{finance.code}/import/?year=2023" in index
    not_started = client.get(f"/work/annual-reports/{finance.code}/2023/").content.decode()
    assert f"/work/annual-reports/{finance.code}/type/2023/" in not_started
