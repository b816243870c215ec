import random

import pytest

from gongkai.statute.agency_codes import (
    MESSAGES,
    ORG_CODE_ALPHABET,
    USCC_ALPHABET,
    USCC_WEIGHTS,
    InvalidAgencyCode,
    make_uscc,
    normalize_code,
    org_code_check_digit,
    uscc_check_character,
    validate_agency_code,
    validate_org_code,
    validate_uscc,
)

# Real codes as published; each was checked by hand against GB 32100 / GB 11714 before being
# listed here, so a failure means the validator changed, not the data.
PUBLISHED_CODES = {
    "91350100M000100Y43": "the example quoted by most USCC libraries' documentation (Fuzhou)",
    "11140800558745220K": "晋中市文化和旅游局, purchaser on a public procurement contract",
    "11410182005291054B": "荥阳市司法局, respondent in ruling (2019)豫01行终492号",
    "11440000006939561H": "中共广东省委宣传部",
    "81440000742971228Y": "中共广东省委宣传部机关工会委员会 (registered by a trade union: 8)",
    "12441400091783572D": "广东汉剧传承研究院, a public institution (事业单位: 12)",
    "12440600MB2C07549J": "a Foshan public institution reported in xbeginagain/generator#2",
    "914403001922038216": "华为技术有限公司",
    "92141127MA0KD1Y64A": "an individual business, cited with cods.org.cn in regexp-example#23",
    "91420300793273075J": "十堰卓丰工贸有限公司, prefix of its pollutant discharge permit number",
    "91441900742973952F": "东莞市鸿业造纸有限公司, prefix of its pollutant discharge permit number",
}

# Issued in Xiamen before the national rules settled; the registries still show them, but their
# 18th character does not follow GB 32100 (hutool issues #2020 and #4119). We keep the standard.
EARLY_XIAMEN_CODES = {"91350203M0001FUE2P": "J", "91350203M0001QKT19": "F"}

QINGSHAN_COUNTY_GOVERNMENT = make_uscc("1", "1", "330100", "MB000017")
QINGSHAN_JUSTICE_BUREAU_ORG_CODE = "MB000006X"


def rejection(code: str, validate=validate_agency_code) -> InvalidAgencyCode:
    with pytest.raises(InvalidAgencyCode) as caught:
        validate(code)
    return caught.value


def test_the_uscc_weights_are_powers_of_three_modulo_31():
    assert tuple(pow(3, i, 31) for i in range(17)) == USCC_WEIGHTS
    assert len(USCC_ALPHABET) == 31 and not set("IOZSV") & set(USCC_ALPHABET)


@pytest.mark.parametrize("code", PUBLISHED_CODES)
def test_it_accepts_published_codes_of_agencies_and_companies(code):
    assert validate_uscc(code) == code
    assert validate_agency_code(code) == code


@pytest.mark.parametrize("code", PUBLISHED_CODES)
def test_the_organisation_code_inside_a_published_uscc_validates_on_its_own(code):
    hyphenated = f"{code[8:16]}-{code[16]}"
    assert validate_org_code(hyphenated) == code[8:17]


def test_it_rejects_a_uscc_whose_check_character_is_wrong_and_names_it():
    error = rejection("91350100M000100Y44")
    assert (error.kind, error.position, error.character, error.expected) == (
        "uscc_check",
        18,
        "4",
        "3",
    )
    assert error.message_zh == "第18位校验码应为“3”，实际为“4”"
    assert error.message_en == "character 18 (check character) should be '3', not '4'"


def test_it_rejects_a_letter_the_uscc_never_uses_and_names_it():
    error = rejection("9135I100M000100Y43")
    assert (error.position, error.character, error.expected) == (5, "I", None)
    assert error.message_zh == "第5位“I”不是统一社会信用代码允许的字符（不使用I、O、Z、S、V）"
    assert "character 5 'I'" in error.message_en


@pytest.mark.parametrize("letter", "IOZSV")
def test_each_excluded_letter_is_named_wherever_it_appears(letter):
    code = QINGSHAN_COUNTY_GOVERNMENT[:9] + letter + QINGSHAN_COUNTY_GOVERNMENT[10:]
    error = rejection(code)
    assert (error.kind, error.position, error.character) == ("uscc_character", 10, letter)


def test_it_rejects_a_letter_in_the_division_code():
    error = rejection("913501A0M000100Y43")
    assert (error.kind, error.position, error.character) == ("uscc_division_character", 7, "A")
    assert error.message_zh == "第7位“A”应为数字（第3–8位是登记管理机关行政区划码）"


def test_it_says_when_the_embedded_organisation_code_check_digit_is_wrong():
    error = rejection("91350100M000100Y53")
    assert (error.kind, error.position, error.character, error.expected) == (
        "uscc_org_code_check",
        17,
        "5",
        "4",
    )
    assert "组织机构代码" in error.message_zh and "第17位" in error.message_zh
    assert "应为“4”，实际为“5”" in error.message_zh
    assert "embedded organisation code" in error.message_en


def test_a_code_with_a_valid_check_character_but_a_broken_embedded_code_is_still_rejected():
    first17 = "11330100MB0000175"  # 17th character should be 4
    error = rejection(first17 + uscc_check_character(first17))
    assert (error.position, error.expected) == (17, "4")


def test_it_reports_the_length_of_a_code_that_is_neither_a_uscc_nor_an_org_code():
    # A footer published as 1150105MA0MYPN58Y lost its leading 9.
    error = rejection("1150105MA0MYPN58Y")
    assert error.message_zh == "统一社会信用代码应为18位，组织机构代码应为9位，实际为17位"
    assert (error.position, error.character, error.expected) == (None, None, None)
    assert validate_agency_code("91150105MA0MYPN58Y") == "91150105MA0MYPN58Y"


def test_an_empty_code_is_reported_as_zero_characters_long():
    assert rejection("  ").message_en.endswith("but this has 0")


def test_the_specific_validators_report_only_their_own_length():
    assert rejection("55874522", validate_uscc).message_zh == "统一社会信用代码应为18位，实际为8位"
    assert rejection("558745220K", validate_org_code).kind == "org_code_length"


@pytest.mark.parametrize("code", ["55874522-0", "558745220", " 55874522 - 0 ", "55783407-x"])
def test_it_accepts_an_org_code_with_or_without_the_hyphen(code):
    assert validate_org_code(code) == normalize_code(code)
    assert "-" not in validate_agency_code(code)


def test_it_rejects_an_org_code_whose_check_digit_is_wrong_and_names_it():
    error = rejection("55874522-7")
    assert (error.kind, error.position, error.character, error.expected) == (
        "org_code_check",
        9,
        "7",
        "0",
    )
    assert error.message_zh == "第9位校验码应为“0”，实际为“7”"
    assert error.message_en == "character 9 (check digit) should be '0', not '7'"


def test_a_letter_other_than_x_in_the_org_code_check_position_is_a_wrong_check_digit():
    error = rejection("55783407-Y")
    assert (error.kind, error.character, error.expected) == ("org_code_check", "Y", "X")


def test_it_rejects_a_character_that_is_not_a_digit_or_capital_letter_in_an_org_code():
    error = rejection("5587号522-0")
    assert (error.kind, error.position, error.character) == ("org_code_character", 5, "号")
    assert error.message_zh == "第5位“号”不是组织机构代码允许的字符（只使用数字和大写字母）"


def test_digits_from_other_scripts_are_not_taken_for_digits():
    error = rejection("5587٤522-0")  # Arabic-Indic four
    assert (error.position, error.character) == (5, "٤")


def test_the_check_computations_cover_the_special_remainders():
    assert org_code_check_digit("00000000") == "0"  # 11 − 0 = 11 is written 0
    assert org_code_check_digit("MB000006") == "X"  # 10 is written X
    assert validate_org_code(QINGSHAN_JUSTICE_BUREAU_ORG_CODE) == "MB000006X"
    assert uscc_check_character("11330100MB0000174") == "0"  # 31 − 0 = 31 is written 0
    assert validate_uscc("11330100MB00001740") == "11330100MB00001740"


def test_the_check_computations_refuse_input_of_the_wrong_shape():
    with pytest.raises(ValueError):
        uscc_check_character("9135010")
    with pytest.raises(ValueError):
        uscc_check_character("91350100M000100YI")
    with pytest.raises(ValueError):
        org_code_check_digit("5587452")


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("91350100m000100y43", "91350100M000100Y43"),
        (" 9135 0100 M000 100Y 43\n", "91350100M000100Y43"),
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
        ("\u200b91350100M000100Y43\ufeff", "91350100M000100Y43"),
        ("9135\u30000100M000100Y43", "91350100M000100Y43"),
        ("55874522-0", "558745220"),
        ("５５８７４５２２－０", "558745220"),
        ("55874522–0", "558745220"),
        ("55783407-x", "55783407X"),
        ("5587-45220", "5587-45220"),
        ("91350100-M000100Y43", "91350100-M000100Y43"),
    ],
)
def test_it_normalizes_what_people_paste(text, normalized):
    assert normalize_code(text) == normalized


def test_a_validator_returns_the_normalized_code():
    assert validate_agency_code(" ９１３５０１００ｍ０００１００ｙ４３ ") == "91350100M000100Y43"


def test_a_hyphen_anywhere_else_is_not_silently_dropped():
    error = rejection("91350100-M000100Y43")
    assert error.message_zh.endswith("实际为19位")


@pytest.mark.parametrize(("code", "expected"), EARLY_XIAMEN_CODES.items())
def test_it_still_rejects_early_xiamen_codes_and_says_what_the_standard_expects(code, expected):
    error = rejection(code)
    assert (error.position, error.expected) == (18, expected)
    assert validate_org_code(code[8:17]) == code[8:17]


def test_an_invalid_agency_code_is_a_value_error_that_reads_in_chinese():
    error = rejection("91350100M000100Y44")
    assert isinstance(error, ValueError)
    assert str(error) == error.message_zh


def test_every_message_has_both_languages_and_names_what_went_wrong():
    for kind, (zh, en) in MESSAGES.items():
        assert zh and en, kind
        if kind.endswith("_length"):
            assert "{length}" in zh and "{length}" in en
        else:
            assert "{character}" in zh and "{character}" in en, kind


def test_make_uscc_builds_the_county_government_code():
    assert QINGSHAN_COUNTY_GOVERNMENT == "11330100MB00001740"
    assert make_uscc("9", "1", "350100", "M000100Y") == "91350100M000100Y43"


def test_make_uscc_always_builds_a_valid_code():
    rng = random.Random(32100)
    for _ in range(2000):
        authority, category = rng.choice(USCC_ALPHABET), rng.choice(USCC_ALPHABET)
        division = "".join(rng.choices("0123456789", k=6))
        body = "".join(rng.choices(USCC_ALPHABET, k=8))
        code = make_uscc(authority, category, division, body)
        assert validate_uscc(code) == code
        assert code[16] == org_code_check_digit(body)


def test_make_uscc_names_a_bad_part():
    with pytest.raises(ValueError, match="division"):
        make_uscc("1", "1", "33010", "MB000017")
    with pytest.raises(InvalidAgencyCode) as caught:
        make_uscc("1", "1", "330100", "MBI00017")
    assert (caught.value.position, caught.value.character) == (11, "I")


@pytest.mark.parametrize("code", [*PUBLISHED_CODES, QINGSHAN_COUNTY_GOVERNMENT])
def test_changing_any_single_character_of_a_valid_uscc_is_caught(code):
    for index, original in enumerate(code):
        position = index + 1
        for replacement in USCC_ALPHABET.replace(original, ""):
            changed = code[:index] + replacement + code[index + 1 :]
            error = rejection(changed, validate_uscc)
            # The fault is reported where it is, or at the check character that exposes it.
            assert error.position in {position, 17, 18}, changed
            assert error.position >= position, changed


def test_changing_any_single_digit_of_an_org_code_is_caught():
    # Digit for digit only: between letters the modulo-11 check has a blind spot (next test).
    for code in ("558745220", "55783407X", "005291054"):
        for index, original in enumerate(code):
            for replacement in "0123456789X".replace(original, ""):
                if index < 8 and replacement == "X":
                    continue
                changed = code[:index] + replacement + code[index + 1 :]
                assert rejection(changed, validate_org_code).position == 9, changed


def test_the_org_code_check_cannot_see_letters_eleven_apart_but_the_uscc_check_can():
    # GB 11714 works modulo 11 over values 0..35, so 0 → B (value 11) keeps the same check digit.
    assert ORG_CODE_ALPHABET.index("B") == 11
    assert validate_org_code("00000000-0") == "000000000"
    assert validate_org_code("B0000000-0") == "B00000000"
    valid = make_uscc("1", "1", "330100", "00000000")
    error = rejection(valid[:8] + "B" + valid[9:], validate_uscc)
    assert (error.kind, error.position) == ("uscc_check", 18)
