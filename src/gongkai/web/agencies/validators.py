from django.core.exceptions import ValidationError
from django.utils.translation import get_language

from gongkai.statute.agency_codes import InvalidAgencyCode, validate_agency_code


def validate_code(value: str) -> None:
    """Django validator for an agency's 统一社会信用代码 or legacy 组织机构代码."""
    try:
        validate_agency_code(value)
    except InvalidAgencyCode as error:
        english = (get_language() or "").startswith("en")
        raise ValidationError(
            error.message_en if english else error.message_zh, code="invalid_agency_code"
        ) from None
