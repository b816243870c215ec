"""The staff pages of published reports: a supervising office uploads a zip of reports, the
task runner imports them while the progress page counts, a doubtful agency is confirmed on
its page and the report becomes that agency's history; other staff are turned away."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from tests.shared_copies import SEEDS
from tests.web.conftest import make_agency

from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.annualreports.history import version_of_year
from gongkai.web.intelligence.models import ImportRun, Match, PublishedReport
from gongkai.web.jobs.worker import run_queued_tasks

SEED_B = SEEDS / "002_d041f4bcca68913a.txt"  # 濉溪县公共资源交易中心, 2020


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def archive(*paths: Path) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for path in paths:
            bundle.write(path, f"reports/{path.name}")
        bundle.writestr("reports/readme.txt", "这不是报告")
    return SimpleUploadedFile("reports.zip", buffer.getvalue(), content_type="application/zip")


@pytest.mark.django_db(transaction=True)
def test_an_uploaded_archive_is_imported_in_the_background(client, carol):
    client.force_login(carol)
    seeds = sorted(SEEDS.glob("*.txt"))
    response = client.post(reverse("published-reports-import"), {"files": [archive(*seeds)]})
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{run.pk}/")
    waiting = client.get(response["Location"]).content.decode()
    assert 'data-running="true"' in waiting and '<progress max="6" value="0">' in waiting
    assert run_queued_tasks() == 1
    done = client.get(response["Location"]).content.decode()
    assert "data-running" not in done and '<progress max="6" value="6">' in done
    assert "readme.txt" in done  # listed among the files that could not be read
    assert PublishedReport.objects.count() == 5


def test_a_file_of_another_kind_is_refused_before_anything_is_kept(client, carol):
    client.force_login(carol)
    exe = SimpleUploadedFile("setup.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client.post(reverse("published-reports-import"), {"files": [exe]})
    assert response.status_code == 200 and not ImportRun.objects.exists()
    assert "setup.exe" in response.content.decode()


def test_an_agencys_own_staff_do_not_open_the_bulk_pages(client, alice):
    client.force_login(alice)
    assert client.get(reverse("published-reports")).status_code == 403
    assert client.get(reverse("published-reports-import")).status_code == 403


@pytest.mark.django_db
def test_a_confirmed_agency_takes_the_report_into_its_history(client, carol, county):
    from gongkai.web.intelligence.runs import import_paths

    centre = make_agency("濉溪县公共资源交易中心（县政府采购中心）", "01523711",
                         AgencyLevel.COUNTY_DEPARTMENT, county)  # fmt: skip
    import_paths([SEED_B])
    report = PublishedReport.objects.get()
    assert report.match == Match.PENDING
    client.force_login(carol)
    page = client.get(reverse("published-reports-matches")).content.decode()
    assert f'value="{centre.pk}"' in page
    client.post(reverse("published-reports-match", args=[report.pk]), {"agency": centre.pk})
    report.refresh_from_db()
    assert (report.match, report.agency, report.region) == (Match.TREE, centre, "濉溪县")
    assert set(report.figures.values_list("agency", flat=True)) == {centre.pk}
    assert report.history_version == version_of_year(centre, 2020)


@pytest.mark.django_db
def test_an_agency_outside_the_platform_is_recorded_on_confirmation(client, carol, county):
    from gongkai.web.intelligence.runs import import_paths

    make_agency("濉溪县公共资源交易中心（县政府采购中心）", "01523711",
                AgencyLevel.COUNTY_DEPARTMENT, county)  # fmt: skip
    import_paths([SEED_B])
    report = PublishedReport.objects.get()
    client.force_login(carol)
    client.post(reverse("published-reports-match", args=[report.pk]), {"agency": "external"})
    report.refresh_from_db()
    assert report.match == Match.EXTERNAL and report.external.name == "濉溪县公共资源交易中心"
    assert report.history_version is None
