"""An agency's code is checked wherever it is entered: model validation and the admin form."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.roles import AgencyLevel


def agency_with_code(code: str) -> Agency:
    return Agency(name="青山县审计局", code=code, level=AgencyLevel.COUNTY_DEPARTMENT)


def code_errors(code: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        agency_with_code(code).full_clean()
    return caught.value.message_dict["code"]


def test_a_wrong_check_character_is_named_in_chinese(finance):
    bad = finance.code[:17] + ("0" if finance.code[17] != "0" else "1")
    [message] = code_errors(bad)
    assert "第18位" in message
    assert f"“{finance.code[17]}”" in message


def test_a_forbidden_character_is_named(finance):
    bad = finance.code[:4] + "I" + finance.code[5:]
    [message] = code_errors(bad)
    assert "第5位" in message and "I" in message


def test_a_wrong_length_is_explained(db):
    [message] = code_errors("11360999015236")
    assert "18" in message and "9" in message


def test_the_message_is_english_when_english_is_chosen(finance):
    bad = finance.code[:17] + ("0" if finance.code[17] != "0" else "1")
    with translation.override("en"):
        [message] = code_errors(bad)
    assert "18" in message and finance.code[17] in message
    assert "第" not in message


def test_a_legacy_organisation_code_is_accepted_with_or_without_hyphen(db):
    from gongkai.statute.agency_codes import org_code_check_digit

    body = "01523629"
    agency = agency_with_code(f"{body}-{org_code_check_digit(body)}")
    agency.full_clean()
    agency.save()
    assert agency.code == body + org_code_check_digit(body)


def test_the_admin_form_shows_the_message_and_saves_nothing(client, frank, county):
    client.force_login(frank)
    form = {
        "name": "青山县审计局",
        "code": county.code[:17] + ("0" if county.code[17] != "0" else "1"),
        "level": AgencyLevel.COUNTY_DEPARTMENT,
        "parent": county.pk,
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    response = client.post("/admin/agencies/agency/add/", form)
    assert response.status_code == 200
    assert "第18位" in response.content.decode()
    assert not Agency.objects.filter(name="青山县审计局").exists()
