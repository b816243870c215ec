"""The review queue: only doubtful cells and findings like misreadings; the side-by-side
page; a correction is one post (Enter in the field), recorded with who, when, before and
after, and changes the figure everywhere — the export, the API, the agency's history."""

from decimal import Decimal

import pytest
from django.urls import reverse
from tests.shared_copies import SEEDS
from tests.web.conftest import make_agency
from tests.web.intelligence_world import published_report

from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.annualreports.history import version_of_year
from gongkai.web.intelligence.models import Confidence, Correction, Figure, PublishedReport
from gongkai.web.intelligence.review import correct, recount, review_items
from gongkai.web.intelligence.runs import import_paths

SEED_B = SEEDS / "002_d041f4bcca68913a.txt"
CENTRE = "濉溪县公共资源交易中心"  # the agency of SEED_B


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def doubtful(finance):
    """青山县财政局's report with one ambiguous cell (s3.new.total, read from line 2)."""
    return published_report(finance)


def correct_on_page(client, report, key, value):
    url = reverse("published-reports-correct", args=[report.pk, key])
    return client.post(url, {"value": value})


def test_only_the_doubtful_cell_is_put_to_people(doubtful):
    items = review_items(doubtful)
    assert [[f.key for f in item.figures] for item in items] == [["s3.new.total"]]
    assert recount(doubtful) == 1


def test_the_review_page_shows_the_source_line_next_to_the_official_table(client, carol, doubtful):
    client.force_login(carol)
    page = client.get(reverse("published-reports-review", args=[doubtful.pk])).content.decode()
    assert '<li value="2" class="marked" id="marked-line">一、本年新收 | 3</li>' in page
    assert 'data-key="s3.new.total"' in page and 'table class="statutory"' in page
    assert "<script>" not in page  # the page's behaviour is in review.js


def test_a_correction_is_recorded_and_changes_the_figure_everywhere(client, carol, doubtful):
    client.force_login(carol)
    response = correct_on_page(client, doubtful, "s3.new.total", "4")
    assert response.status_code == 302
    figure = Figure.objects.get(report=doubtful, key="s3.new.total")
    assert (figure.value, figure.confidence) == (Decimal(4), Confidence.CORRECTED)
    correction = Correction.objects.get()
    assert (correction.before, correction.after, correction.by) == (Decimal(3), Decimal(4), carol)
    assert correction.confidence_before == Confidence.AMBIGUOUS and correction.at is not None
    doubtful.refresh_from_db()
    assert doubtful.review_items == 0
    figures = client.get("/api/v1/reports/figures", {"key": "s3.new.total"}).json()
    assert [(f["value"], f["confidence"]) for f in figures] == [(4, "corrected")]
    queue = client.get(reverse("published-reports-queue")).content.decode()
    assert reverse("published-reports-review", args=[doubtful.pk]) not in queue


def test_enter_on_the_value_as_read_confirms_it(client, carol, doubtful):
    client.force_login(carol)
    correct_on_page(client, doubtful, "s3.new.total", "3")
    figure = Figure.objects.get(report=doubtful, key="s3.new.total")
    assert (figure.value, figure.confidence) == (Decimal(3), Confidence.CONFIRMED)
    correction = Correction.objects.get()
    assert correction.before == correction.after == Decimal(3)


def test_a_value_that_is_no_figure_changes_nothing(client, carol, doubtful):
    client.force_login(carol)
    response = correct_on_page(client, doubtful, "s3.new.total", "三")
    assert response.status_code == 302
    assert Figure.objects.get(report=doubtful, key="s3.new.total").value == Decimal(3)
    assert not Correction.objects.exists()


def test_a_correction_is_never_rewritten(doubtful, carol):
    correction = correct(Figure.objects.get(report=doubtful, key="s3.new.total"), Decimal(5), carol)
    with pytest.raises(Exception, match="cannot be changed"):
        correction.save()
    with pytest.raises(Exception, match="cannot be deleted"):
        correction.delete()


def test_a_report_of_another_county_is_not_reviewed_by_this_office(client, carol, neighbour):
    report = published_report(neighbour, name="白水县人民政府")
    client.force_login(carol)
    assert client.get(reverse("published-reports-review", args=[report.pk])).status_code == 403
    assert correct_on_page(client, report, "s3.new.total", "9").status_code == 403
    assert not Correction.objects.exists()


def test_a_corrected_figure_reaches_the_agencys_history(county, carol):
    """The agency's report of 2020 came from the import; a correction publishes version 2."""
    centre = make_agency(CENTRE, "01523711", AgencyLevel.COUNTY_DEPARTMENT, county)
    import_paths([SEED_B])
    report = PublishedReport.objects.get()
    assert report.history_version.number == 1
    figure = report.figures.get(key="s3.new.total")
    correct(figure, figure.value + 1, carol)
    latest = version_of_year(centre, 2020)
    assert latest.number == 2 and latest.as_report().cells["s3.new.total"] == figure.value
    assert "s3.new.total" in latest.reason
    report.refresh_from_db()
    assert report.history_version == latest


def test_the_database_refuses_to_rewrite_a_correction(doubtful, carol):
    from django.db import DatabaseError, transaction

    correct(Figure.objects.get(report=doubtful, key="s3.new.total"), Decimal(5), carol)
    for change in (lambda: Correction.objects.update(after=Decimal(6)),
                   lambda: Correction.objects.all().delete()):  # fmt: skip
        with pytest.raises(DatabaseError), transaction.atomic():
            change()
    assert Correction.objects.get().after == Decimal(5)


def test_the_parsers_confidence_is_read_where_it_is_given_and_absent_means_printed():
    from gongkai.web.intelligence.figures import cell_confidence

    document = {"confidence": {"s3.new.total": "inferred", "s3.new.natural": "sideways"},
                "provenance": {"s3.new.legal": {"line": 3, "confidence": "ambiguous"}}}  # fmt: skip
    assert cell_confidence(document, "s3.new.total") == "inferred"
    assert cell_confidence(document, "s3.new.legal") == "ambiguous"
    assert cell_confidence(document, "s3.new.natural") == "printed"  # not a confidence: ignored
    assert cell_confidence({}, "s3.new.total") == "printed"
