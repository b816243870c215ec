import pytest

from gongkai.statute.identity import IdentityType, InvalidIdentity, validate_identity


def test_a_resident_id_with_a_correct_check_character_is_accepted_and_normalised():
    # The GB 11643-1999 worked example.
    assert validate_identity(IdentityType.RESIDENT_ID, "110105 19491231 002x") == (
        "11010519491231002X"
    )


def test_a_wrong_check_character_is_named():
    with pytest.raises(InvalidIdentity, match="第18位校验码应为“X”，实际为“1”"):
        validate_identity(IdentityType.RESIDENT_ID, "110105194912310021")


def test_an_impossible_birth_date_is_refused():
    with pytest.raises(InvalidIdentity, match="出生日期"):
        validate_identity(IdentityType.RESIDENT_ID, "110105194902300025")


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        (IdentityType.PASSPORT, "E12345678"),
        (IdentityType.HK_MACAO_PERMIT, "H12345678"),
        (IdentityType.TAIWAN_PERMIT, "12345678"),
        (IdentityType.PERMANENT_RESIDENCE, "USA110090030501"),
    ],
)
def test_other_documents_are_checked_for_their_shape(kind, number):
    assert validate_identity(kind, number) == number
    with pytest.raises(InvalidIdentity, match="格式不正确"):
        validate_identity(kind, "#")
