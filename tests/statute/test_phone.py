"""Applicants' telephone numbers: mainland mobiles and landlines with area codes and
extensions, service numbers and numbers abroad are accepted and written one way; anything
else gets a message that says what is expected."""

import pytest

from gongkai.statute.phone import InvalidPhone, validate_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("+86 138-0013-8000", "13800138000"),
        ("0086 13800138000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),  # full-width digits from a Chinese IME
        ("0795-7220000", "0795-7220000"),
        ("(0795)7220000", "0795-7220000"),
        ("（010）62345678", "010-62345678"),
        ("02087654321", "020-87654321"),
        ("0795-7220000转123", "0795-7220000转123"),
        ("0795-7220000 分机 8", "0795-7220000转8"),
        ("010-62345678-8021", "010-62345678转8021"),
        ("0795 722 0000 ext.12", "0795-7220000转12"),
        ("+86 795 7220000", "0795-7220000"),
        ("400-800-1234", "400-800-1234"),
        ("+852 2345 6789", "+85223456789"),
    ],
)
def test_numbers_people_write_are_accepted_and_written_one_way(typed, stored):
    assert validate_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["", "1", "110", "123456", "1380013800", "138001380001", "12800138000", "0795-72200",
     "010-1234567", "0795-1220000", "13800138000转1", "电话", "13800138000\n13900139000",
     "+86", "9" * 41, "javascript:alert(1)"],
)  # fmt: skip
def test_anything_else_is_refused_with_a_message_saying_what_is_expected(typed):
    with pytest.raises(InvalidPhone, match="带区号的固定电话"):
        validate_phone(typed)
