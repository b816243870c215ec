"""The 规章 / 行政规范性文件 registry: status and counts on any date, the section-二 figures of
generations B and C, the yearly figures and who may enter them."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from gongkai.report.formats import GENERATIONS
from gongkai.statute.agency_codes import make_uscc
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.catalog.models import (
    DocumentKind,
    EventKind,
    NormativeDocument,
    NormativeEvent,
    YearlyFigure,
    YearlyFigureRevision,
)
from gongkai.web.catalog.registry import (
    Change,
    Counts,
    Status,
    record_figure,
    registry_counts,
    section_two_figures,
    status_on,
)

NORMATIVE = DocumentKind.NORMATIVE
REGULATION = DocumentKind.REGULATION


@pytest.fixture
def city(db):
    """A 设区的市 government: it has the power to make 规章."""
    return Agency.objects.create(
        name="青州市人民政府",
        code=make_uscc("1", "1", "360900", "01520001"),
        level=AgencyLevel.MUNICIPAL_GOVERNMENT,
    )


def issue(agency, issued_on, kind=NORMATIVE, **fields) -> NormativeDocument:
    fields.setdefault("title", f"关于{issued_on:%Y年%m月}事项的通知")
    return NormativeDocument.objects.create(agency=agency, kind=kind, issued_on=issued_on, **fields)


def happen(document, kind: EventKind, on: date, **fields) -> NormativeEvent:
    return NormativeEvent.objects.create(document=document, kind=kind, on=on, **fields)


def normative_counts(agency, day) -> Counts:
    return registry_counts(agency, day)[NORMATIVE]


# Status and counts on a date


def test_a_document_counts_from_its_issue_date_until_its_repeal(finance):
    document = issue(finance, date(2021, 3, 1), doc_no="青财发〔2021〕3号")
    happen(document, EventKind.REPEALED, date(2023, 6, 30), doc_no="青财发〔2023〕9号")

    assert normative_counts(finance, date(2021, 2, 28)) == Counts(0, 0, 0)
    assert normative_counts(finance, date(2021, 3, 1)) == Counts(issued=1)
    assert normative_counts(finance, date(2023, 6, 29)).in_force == 1
    after = normative_counts(finance, date(2023, 6, 30))
    assert (after.issued, after.repealed, after.lapsed, after.in_force) == (1, 1, 0, 0)


def test_an_amendment_or_republication_leaves_a_document_in_force(finance):
    document = issue(finance, date(2020, 1, 10))
    happen(document, EventKind.AMENDED, date(2021, 5, 1), doc_no="青财发〔2021〕7号")
    happen(document, EventKind.REPUBLISHED, date(2021, 6, 1))

    assert status_on(document, date(2021, 4, 30)) is Status.IN_FORCE
    assert status_on(document, date(2021, 6, 2)) is Status.IN_FORCE
    assert normative_counts(finance, date(2021, 6, 2)) == Counts(issued=1)


def test_a_lapsed_document_is_counted_as_lapsed_not_repealed(finance):
    document = issue(finance, date(2019, 4, 1))
    happen(document, EventKind.LAPSED, date(2022, 4, 1), note="有效期届满")

    assert status_on(document, date(2022, 3, 31)) is Status.IN_FORCE
    assert status_on(document, date(2022, 4, 1)) is Status.LAPSED
    assert normative_counts(finance, date(2022, 4, 1)) == Counts(issued=1, lapsed=1)


def test_a_document_does_not_exist_before_its_issue_date(finance):
    document = issue(finance, date(2024, 2, 1))

    assert status_on(document, date(2024, 1, 31)) is Status.NOT_ISSUED


def test_counts_are_per_agency_and_per_kind(city, finance):
    issue(city, date(2022, 1, 5), REGULATION, title="青州市城市绿化管理办法")
    issue(city, date(2022, 2, 5))
    issue(finance, date(2022, 3, 5))

    counts = registry_counts(city, date(2022, 12, 31))
    assert counts[REGULATION] == Counts(issued=1)
    assert counts[NORMATIVE] == Counts(issued=1)


# Who may issue 规章


def test_a_township_cannot_issue_a_regulation(town):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        issue(town, date(2023, 1, 1), REGULATION)

    message = refused.value.message_dict["kind"][0]
    assert "乡镇街道" in message and "无权制定规章" in message
    assert not NormativeDocument.objects.exists()


def test_a_county_government_cannot_issue_a_regulation_and_is_told_its_level(county):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        issue(county, date(2023, 1, 1), REGULATION)

    assert "县级政府" in refused.value.message_dict["kind"][0]


def test_a_city_government_may_issue_a_regulation(city):
    regulation = issue(city, date(2023, 1, 1), REGULATION, doc_no="青州市人民政府令第5号")

    assert regulation.get_kind_display() == "规章"


def test_the_kinds_are_labelled_as_the_current_report_format_prints_them():
    labels = [row.label for row in GENERATIONS["C"].table("s2.documents").rows]
    assert [kind.label for kind in DocumentKind] == labels


# Events that cannot happen


def test_an_event_before_the_issue_date_is_refused(finance):
    document = issue(finance, date(2022, 5, 1))

    with pytest.raises(ValidationError):
        happen(document, EventKind.AMENDED, date(2022, 4, 30))


def test_nothing_happens_to_a_document_after_its_repeal(finance):
    document = issue(finance, date(2020, 5, 1))
    happen(document, EventKind.REPEALED, date(2022, 1, 1))

    with pytest.raises(ValidationError):
        happen(document, EventKind.AMENDED, date(2022, 6, 1))
    with pytest.raises(ValidationError):
        happen(document, EventKind.LAPSED, date(2021, 6, 1))
    assert document.events.count() == 1


def test_a_document_cannot_be_made_public_before_it_is_issued(finance):
    with pytest.raises(ValidationError) as refused:
        issue(finance, date(2022, 5, 1), published_on=date(2022, 4, 1))

    assert "published_on" in refused.value.message_dict


def test_a_document_links_only_to_a_catalogue_entry_of_its_own_agency(finance, land):
    from gongkai.web.catalog.models import Entry

    theirs = Entry.objects.create(agency=land, title="用地审批办法", generated_on=date(2022, 1, 1))
    ours = Entry.objects.create(
        agency=finance, title="公务卡管理办法", generated_on=date(2022, 1, 1)
    )

    with pytest.raises(ValidationError) as refused:
        issue(finance, date(2022, 1, 1), entry=theirs)
    assert "entry" in refused.value.message_dict
    assert issue(finance, date(2022, 1, 1), entry=ours).entry == ours


# Section 二 figures


@pytest.fixture
def finance_documents(finance):
    """财政局: two documents in 2021, one more in 2022 and 2023; one repealed in 2023, one
    lapsed in 2023, one amended."""
    first = issue(finance, date(2021, 3, 1), published_on=date(2021, 3, 5))
    second = issue(finance, date(2021, 9, 1), published_on=date(2021, 9, 2))
    third = issue(finance, date(2022, 6, 1), published_on=date(2023, 1, 10))
    issue(finance, date(2023, 2, 1), published_on=date(2023, 2, 3))
    happen(first, EventKind.AMENDED, date(2022, 3, 1))
    happen(first, EventKind.REPEALED, date(2023, 6, 30))
    happen(second, EventKind.LAPSED, date(2023, 9, 1))
    return [first, second, third]


def test_generation_c_figures_count_issued_repealed_and_in_force_in_the_year(
    finance, finance_documents
):
    figures = section_two_figures(finance, 2023, "C")

    assert figures["s2.normative.issued"] == 1
    assert figures["s2.normative.repealed"] == 2  # one 废止, one 失效
    assert figures["s2.normative.in_force"] == 2
    assert (figures["s2.regulations.issued"], figures["s2.regulations.in_force"]) == (0, 0)


def test_generation_c_in_force_rolls_over_from_the_year_before(finance, finance_documents):
    before = section_two_figures(finance, 2022, "C")
    after = section_two_figures(finance, 2023, "C")

    assert before["s2.normative.in_force"] == 3
    assert after["s2.normative.in_force"] == (
        before["s2.normative.in_force"]
        + after["s2.normative.issued"]
        - after["s2.normative.repealed"]
    )


def test_the_rulebook_finds_the_compiled_section_two_consistent_across_years(
    finance, finance_documents, dave
):
    from gongkai.report.model import Report
    from gongkai.report.rulebook import run_rulebook
    from gongkai.report.rulebook.engine import RuleStatus

    record_figure(finance, 2023, "s2.fees.amount", Decimal("3.5"), dave)
    reports = [
        Report("C", year, "青山县财政局", cells=section_two_figures(finance, year, "C"))
        for year in (2022, 2023)
    ]

    result = run_rulebook(reports[1], previous=reports[0])
    for rule in ("C2-1", "C2-2", "C2-3"):
        assert result.result(rule).status is RuleStatus.PASSED, rule


def test_generation_b_figures_count_made_published_and_public_in_total(finance):
    issue(finance, date(2019, 3, 1), published_on=date(2019, 3, 2))
    late = issue(finance, date(2019, 11, 1), published_on=date(2020, 1, 6))
    issue(finance, date(2020, 5, 1))  # not made public yet
    happen(late, EventKind.REPEALED, date(2020, 12, 1))

    figures = section_two_figures(finance, 2020, "B")

    assert figures["s2.normative.made"] == 1
    assert figures["s2.normative.published"] == 1
    assert figures["s2.normative.public_total"] == 2  # a repealed document stays published


def test_the_figures_have_exactly_the_section_two_keys_of_the_generation(finance):
    for code in "BC":
        keys = {key for key in GENERATIONS[code].cells if key.startswith("s2.")}
        assert set(section_two_figures(finance, 2022, code)) == keys


def test_a_figure_nobody_entered_is_blank_not_zero(finance):
    figures = section_two_figures(finance, 2023, "C")

    assert figures["s2.licensing.decisions"] is None
    assert figures["s2.fees.amount"] is None


def test_entered_figures_appear_with_the_kind_of_their_cell(finance, dave):
    record_figure(finance, 2023, "s2.licensing.decisions", 128, dave)
    record_figure(finance, 2023, "s2.fees.amount", Decimal("26.0480"), dave)

    figures = section_two_figures(finance, 2023, "C")

    assert figures["s2.licensing.decisions"] == 128
    assert isinstance(figures["s2.licensing.decisions"], int)
    assert figures["s2.fees.amount"] == Decimal("26.048")
    assert isinstance(figures["s2.fees.amount"], Decimal)


def test_generation_b_items_last_year_follow_from_the_year_before(finance, dave):
    record_figure(finance, 2019, "s2.penalty.prev_items", 40, dave)
    record_figure(finance, 2019, "s2.penalty.change", -8, dave)
    record_figure(finance, 2020, "s2.penalty.change", 3, dave)

    figures = section_two_figures(finance, 2020, "B")

    assert figures["s2.penalty.prev_items"] == 32
    assert figures["s2.penalty.change"] == 3
    assert figures["s2.licensing.prev_items"] is None


def test_an_entered_items_last_year_wins_over_the_rolled_over_one(finance, dave):
    record_figure(finance, 2019, "s2.fees.prev_items", 10, dave)
    record_figure(finance, 2019, "s2.fees.change", 1, dave)
    record_figure(finance, 2020, "s2.fees.prev_items", 12, dave)

    assert section_two_figures(finance, 2020, "B")["s2.fees.prev_items"] == 12


def test_generation_a_has_no_section_two_figures(finance):
    with pytest.raises(ValueError):
        section_two_figures(finance, 2017, "A")


# Yearly figures: validation, history, permissions


def test_a_count_cannot_be_negative_but_a_change_can(finance, dave):
    with pytest.raises(ValidationError):
        record_figure(finance, 2020, "s2.penalty.decisions", -1, dave)

    assert record_figure(finance, 2020, "s2.penalty.change", -2, dave) is Change.CREATED


def test_a_figure_must_belong_to_the_format_of_its_year(finance, dave):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        record_figure(finance, 2020, "s2.fees.amount", 1, dave)

    assert "国办公开办函〔2019〕60号" in refused.value.messages[0]
    with pytest.raises(ValidationError):
        record_figure(finance, 2023, "s2.procurement.items", 4, dave)


def test_a_count_must_be_a_whole_number(finance, dave):
    with pytest.raises(ValidationError):
        record_figure(finance, 2023, "s2.licensing.decisions", Decimal("2.5"), dave)


def test_registry_cells_cannot_be_entered_by_hand(finance, dave):
    with pytest.raises(ValidationError):
        record_figure(finance, 2023, "s2.normative.issued", 3, dave)


def test_every_change_of_a_figure_is_kept(finance, dave, erin):
    record_figure(finance, 2023, "s2.penalty.decisions", 17, dave)
    record_figure(finance, 2023, "s2.penalty.decisions", 19, dave, provenance="更正：漏计两件")

    figure = YearlyFigure.objects.get(agency=finance, year=2023, key="s2.penalty.decisions")
    assert figure.typed_value == 19
    history = list(figure.revisions.values_list("value", "provenance", "entered_by"))
    assert history == [(17, "", dave.pk), (19, "更正：漏计两件", dave.pk)]


def test_entering_the_same_value_again_changes_nothing(finance, dave):
    record_figure(finance, 2023, "s2.coercion.decisions", 4, dave)

    assert record_figure(finance, 2023, "s2.coercion.decisions", 4, dave) is Change.UNCHANGED
    assert YearlyFigureRevision.objects.count() == 1


def test_the_history_of_a_figure_cannot_be_rewritten(finance, dave):
    record_figure(finance, 2023, "s2.coercion.decisions", 4, dave)
    revision = YearlyFigureRevision.objects.get()

    revision.value = 5
    with pytest.raises(ValidationError):
        revision.save()
    with pytest.raises(ValidationError):
        revision.delete()
    assert YearlyFigureRevision.objects.get().value == 4


def test_the_agency_administrator_enters_figures_for_the_agency(finance, dave):
    assert record_figure(finance, 2023, "s2.licensing.decisions", 5, dave) is Change.CREATED


def test_a_clerk_of_another_agency_cannot_enter_figures(finance, bob):
    with pytest.raises(PermissionDenied):
        record_figure(finance, 2023, "s2.licensing.decisions", 5, bob)
    assert not YearlyFigure.objects.exists()


def test_an_administrator_cannot_enter_figures_for_another_agency(land, dave):
    with pytest.raises(PermissionDenied):
        record_figure(land, 2023, "s2.licensing.decisions", 5, dave)


def test_a_supervisor_sees_but_does_not_enter_figures(finance, carol):
    with pytest.raises(PermissionDenied):
        record_figure(finance, 2023, "s2.licensing.decisions", 5, carol)


# The admin


DOCUMENTS_PAGE = "/admin/catalog/normativedocument/"


def test_the_document_list_shows_the_counts_and_statuses_on_the_chosen_day(
    client, finance, finance_documents, dave
):
    client.force_login(dave)
    before = client.get(DOCUMENTS_PAGE + "?as_of=2023-06-29")
    after = client.get(DOCUMENTS_PAGE + "?as_of=2023-12-31")

    assert before.status_code == after.status_code == 200
    assert before.context["subtitle"].endswith(
        "行政规范性文件：制发4件，废止0件，失效0件，现行有效4件"
    )
    assert "2023-06-29" in before.context["subtitle"]
    assert before.content.decode().count('<td class="field-status">现行有效</td>') == 4
    assert after.content.decode().count('<td class="field-status">现行有效</td>') == 2
    assert after.context["subtitle"].endswith(
        "行政规范性文件：制发4件，废止1件，失效1件，现行有效2件"
    )


def test_another_agencys_document_does_not_exist_for_a_clerk(client, finance, bob):
    document = issue(finance, date(2022, 1, 1))
    client.force_login(bob)

    assert client.get(f"{DOCUMENTS_PAGE}{document.pk}/change/").status_code == 404
    assert document.title not in client.get(DOCUMENTS_PAGE).content.decode()


def test_a_figure_entered_in_the_admin_is_recorded_with_who_entered_it(client, finance, dave):
    client.force_login(dave)
    response = client.post(
        "/admin/catalog/yearlyfigure/add/",
        {
            "agency": finance.pk,
            "year": 2023,
            "key": "s2.penalty.decisions",
            "value": "14",
            "provenance": "执法台账",
            "revisions-TOTAL_FORMS": "0",
            "revisions-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    revision = YearlyFigureRevision.objects.get()
    assert (revision.value, revision.entered_by, revision.provenance) == (14, dave, "执法台账")


def test_correcting_a_figure_in_the_admin_appends_to_its_history(client, finance, dave):
    record_figure(finance, 2023, "s2.penalty.decisions", 14, dave)
    figure = YearlyFigure.objects.get()
    client.force_login(dave)

    response = client.post(
        f"/admin/catalog/yearlyfigure/{figure.pk}/change/",
        {"value": "16", "provenance": "更正", "revisions-TOTAL_FORMS": "1",
         "revisions-INITIAL_FORMS": "1"},
    )  # fmt: skip

    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(figure.revisions.values_list("value", flat=True)) == [14, 16]
    assert client.get(f"/admin/catalog/yearlyfigure/{figure.pk}/delete/").status_code == 403


def test_a_clerk_cannot_add_a_figure_in_the_admin(client, finance, alice):
    client.force_login(alice)

    assert client.get("/admin/catalog/yearlyfigure/add/").status_code == 403


# The demo county


def test_the_demo_registry_loads_once_and_feeds_section_two(db):
    from gongkai.web.agencies.demo import load_demo
    from gongkai.web.catalog.demo_registry import load_demo_registry

    load_demo()
    assert load_demo_registry() == load_demo_registry() == 10
    county = Agency.objects.get(parent=None)
    land = Agency.objects.get(short_name="县自然资源局")

    assert registry_counts(county, date(2023, 12, 31))[NORMATIVE] == Counts(issued=4, lapsed=1)
    assert registry_counts(county, date(2024, 1, 1))[NORMATIVE].in_force == 2
    assert registry_counts(county, date(2025, 12, 31))[NORMATIVE].in_force == 3  # 青府发〔2025〕3号
    assert section_two_figures(land, 2020, "B")["s2.licensing.prev_items"] == 24
    assert section_two_figures(land, 2024, "C")["s2.fees.amount"] == Decimal("91.075")
    assert YearlyFigureRevision.objects.count() == YearlyFigure.objects.count()
