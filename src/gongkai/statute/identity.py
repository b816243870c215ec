"""Identity documents of applicants (条例第二十九条: 身份证明), checked where a standard exists.

The 居民身份证 number carries a GB 11643-1999 check character and a birth date; the other
documents are checked for their published shape only.
"""

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class IdentityType(StrEnum):
    RESIDENT_ID = "resident_id"
    PASSPORT = "passport"
    HK_MACAO_PERMIT = "hk_macao_permit"
    TAIWAN_PERMIT = "taiwan_permit"
    PERMANENT_RESIDENCE = "permanent_residence"
    OTHER = "other"


@dataclass(frozen=True)
class IdentityShape:
    label: str
    pattern: str  # the whole number, after normalisation
    example: str


SHAPES = {
    IdentityType.RESIDENT_ID: IdentityShape("居民身份证", r"\d{17}[\dX]", "110101199003071234"),
    IdentityType.PASSPORT: IdentityShape("护照", r"[A-Z0-9]{5,17}", "E12345678"),
    IdentityType.HK_MACAO_PERMIT: IdentityShape(
        "港澳居民来往内地通行证", r"[HM]\d{8}(\d{2})?", "H12345678"
    ),
    IdentityType.TAIWAN_PERMIT: IdentityShape(
        "台湾居民来往大陆通行证", r"\d{8}(\d{2})?", "12345678"
    ),
    IdentityType.PERMANENT_RESIDENCE: IdentityShape(
        "外国人永久居留身份证", r"[A-Z]{3}\d{12}|9\d{17}", "USA110090030501"
    ),
    IdentityType.OTHER: IdentityShape("其他身份证明", r".{2,40}", ""),
}
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"


class InvalidIdentity(ValueError):
    """The message is Chinese: it is shown to the applicant on the public form."""


def resident_id_check_character(first17: str) -> str:
    return CHECK_CHARACTERS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def normalize_identity(number: str) -> str:
    return re.sub(r"[\s-]", "", number).upper()


def validate_identity(kind: IdentityType, number: str) -> str:
    number = normalize_identity(number)
    shape = SHAPES[kind]
    if not re.fullmatch(shape.pattern, number):
        example = f"，例如 {shape.example}" if shape.example else ""
        raise InvalidIdentity(f"{shape.label}号码格式不正确{example}")
    if kind is IdentityType.RESIDENT_ID:
        check_resident_id(number)
    return number


def check_resident_id(number: str) -> None:
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidIdentity("居民身份证号码第7至14位不是有效的出生日期") from None
    expected = resident_id_check_character(number[:17])
    if number[17] != expected:
        raise InvalidIdentity(f"居民身份证号码第18位校验码应为“{expected}”，实际为“{number[17]}”")
