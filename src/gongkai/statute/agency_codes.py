"""Agency identifiers: 统一社会信用代码 (USCC, GB 32100-2015) and 组织机构代码 (GB 11714-1997).

Every validator returns the normalized code or raises `InvalidAgencyCode`, whose messages name
the offending character and its 1-based position so a clerk can fix a typo without guessing.
"""

from string import ascii_uppercase, digits

USCC_LENGTH = 18
ORG_CODE_LENGTH = 9
ORG_CODE_BODY_LENGTH = 8

# GB 32100-2015: digits and capital letters except I, O, Z, S, V; a character's value is its
# index here (0..30).
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# Weights for characters 1..17 are 3^(i-1) mod 31 (ISO 7064 MOD 31-3), as tabulated in the standard.
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# Characters 3–8 are the registration authority's GB/T 2260 division code: digits only.
USCC_DIVISION_POSITIONS = range(3, 9)
# The parts `make_uscc` assembles, in order, with their lengths; the check characters follow.
USCC_PARTS = (("authority", 1), ("category", 1), ("division", 6), ("org_body8", 8))
# Characters 1 and 2 (registration authority, organisation category) are deliberately not checked
# against a table: GB 32100 gives only examples and leaves the codes to each authority, and real
# codes use authorities beyond them (8 工会: 81440000742971228Y; 9 with category 2: 92…).

# GB 11714-1997: digits and capital letters; a character's value is its index (A = 10 … Z = 35).
ORG_CODE_ALPHABET = digits + ascii_uppercase
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# 11 − (Σ mod 11) gives 1..11; 10 and 11 are written as these characters.
ORG_CODE_CHECK_SPECIAL = {10: "X", 11: "0"}

HYPHENS = "-‐‑‒–—―−"
INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff"

# kind -> (简体中文, English). Fields: position, character, expected, length.
MESSAGES: dict[str, tuple[str, str]] = {
    "agency_code_length": (
        "统一社会信用代码应为18位，组织机构代码应为9位，实际为{length}位",
        "a USCC has 18 characters and an organisation code 9, but this has {length}",
    ),
    "uscc_length": (
        "统一社会信用代码应为18位，实际为{length}位",
        "a USCC has 18 characters, but this has {length}",
    ),
    "org_code_length": (
        "组织机构代码应为9位（可写作“8位-1位”），实际为{length}位",
        "an organisation code has 9 characters (may be written 8-1), but this has {length}",
    ),
    "uscc_character": (
        "第{position}位“{character}”不是统一社会信用代码允许的字符（不使用I、O、Z、S、V）",
        "character {position} '{character}' is not allowed in a USCC"
        " (the letters I, O, Z, S and V are never used)",
    ),
    "uscc_division_character": (
        "第{position}位“{character}”应为数字（第3–8位是登记管理机关行政区划码）",
        "character {position} '{character}' should be a digit"
        " (characters 3–8 are the registration authority's division code)",
    ),
    "uscc_org_code_check": (
        "第17位是主体标识码（组织机构代码，第9–17位）的校验码，应为“{expected}”，实际为“{character}”",
        "character 17 (check digit of the embedded organisation code, characters 9–17)"
        " should be '{expected}', not '{character}'",
    ),
    "uscc_check": (
        "第18位校验码应为“{expected}”，实际为“{character}”",
        "character 18 (check character) should be '{expected}', not '{character}'",
    ),
    "org_code_character": (
        "第{position}位“{character}”不是组织机构代码允许的字符（只使用数字和大写字母）",
        "character {position} '{character}' is not allowed in an organisation code"
        " (only digits and capital letters)",
    ),
    "org_code_check": (
        "第9位校验码应为“{expected}”，实际为“{character}”",
        "character 9 (check digit) should be '{expected}', not '{character}'",
    ),
}

_USCC_VALUES = {character: value for value, character in enumerate(USCC_ALPHABET)}
_ORG_CODE_VALUES = {character: value for value, character in enumerate(ORG_CODE_ALPHABET)}
_NORMALIZE_TABLE = str.maketrans(
    {
        # Full-width ASCII (！ … ～) sits exactly 0xFEE0 above its half-width form.
        **{code_point: code_point - 0xFEE0 for code_point in range(0xFF01, 0xFF5F)},
        **{ord(hyphen): "-" for hyphen in HYPHENS},
        **{ord(invisible): None for invisible in INVISIBLE_CHARACTERS},
    }
)


class InvalidAgencyCode(ValueError):
    """A USCC or organisation code that fails GB 32100 / GB 11714, with bilingual messages."""

    def __init__(
        self,
        kind: str,
        *,
        position: int | None = None,
        character: str | None = None,
        expected: str | None = None,
        length: int | None = None,
    ) -> None:
        template_zh, template_en = MESSAGES[kind]
        fields = {
            "position": position,
            "character": character,
            "expected": expected,
            "length": length,
        }
        self.kind = kind
        self.position = position
        self.character = character
        self.expected = expected
        self.message_zh = template_zh.format(**fields)
        self.message_en = template_en.format(**fields)
        super().__init__(self.message_zh)


def normalize_code(text: str) -> str:
    """Drop spaces and invisible characters, fold full-width and lower case, unhyphenate 8-1."""
    code = "".join(text.translate(_NORMALIZE_TABLE).split()).upper()
    if len(code) == ORG_CODE_LENGTH + 1 and code[ORG_CODE_BODY_LENGTH] == "-":
        code = code[:ORG_CODE_BODY_LENGTH] + code[ORG_CODE_BODY_LENGTH + 1 :]
    return code


def uscc_check_character(first17: str) -> str:
    """The 18th character of a USCC whose first 17 characters are given."""
    if len(first17) != USCC_LENGTH - 1 or not set(first17) <= _USCC_VALUES.keys():
        raise ValueError(f"expected 17 USCC characters, got {first17!r}")
    total = sum(_USCC_VALUES[c] * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_code_check_digit(first8: str) -> str:
    """The 9th character of an organisation code whose 8-character body is given (GB 11714)."""
    if len(first8) != ORG_CODE_BODY_LENGTH or not set(first8) <= _ORG_CODE_VALUES.keys():
        raise ValueError(f"expected 8 organisation code characters, got {first8!r}")
    total = sum(_ORG_CODE_VALUES[c] * w for c, w in zip(first8, ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return ORG_CODE_CHECK_SPECIAL.get(check, str(check))


def validate_agency_code(code: str) -> str:
    """Validate a USCC (18 characters) or an organisation code (9), told apart by length."""
    normalized = normalize_code(code)
    if len(normalized) == USCC_LENGTH:
        return validate_uscc(normalized)
    if len(normalized) == ORG_CODE_LENGTH:
        return validate_org_code(normalized)
    raise InvalidAgencyCode("agency_code_length", length=len(normalized))


def validate_uscc(code: str) -> str:
    """Return the normalized USCC, or raise `InvalidAgencyCode` naming the first fault."""
    normalized = normalize_code(code)
    if len(normalized) != USCC_LENGTH:
        raise InvalidAgencyCode("uscc_length", length=len(normalized))
    _check_uscc_characters(normalized)
    # Characters 9–17 are a GB 11714 organisation code. It is checked first: a typo there breaks
    # both checks, and character 17 is the nearer hint.
    _check_digit("uscc_org_code_check", 17, normalized[16], org_code_check_digit(normalized[8:16]))
    _check_digit("uscc_check", 18, normalized[17], uscc_check_character(normalized[:17]))
    return normalized


def validate_org_code(code: str) -> str:
    """Return the normalized organisation code, or raise `InvalidAgencyCode`."""
    normalized = normalize_code(code)
    if len(normalized) != ORG_CODE_LENGTH:
        raise InvalidAgencyCode("org_code_length", length=len(normalized))
    body = normalized[:ORG_CODE_BODY_LENGTH]
    for position, character in enumerate(body, start=1):
        if character not in _ORG_CODE_VALUES:
            raise InvalidAgencyCode("org_code_character", position=position, character=character)
    _check_digit("org_code_check", 9, normalized[8], org_code_check_digit(body))
    return normalized


def make_uscc(authority: str, category: str, division: str, org_body8: str) -> str:
    """Assemble a valid USCC from its parts, computing both check characters (for demo data)."""
    values = (authority, category, division, org_body8)
    for (name, length), value in zip(USCC_PARTS, values, strict=True):
        if len(value) != length:
            raise ValueError(f"{name} must have {length} characters, got {value!r}")
    first16 = authority + category + division + org_body8
    _check_uscc_characters(first16)
    first17 = first16 + org_code_check_digit(org_body8)
    return validate_uscc(first17 + uscc_check_character(first17))


def _check_uscc_characters(code: str) -> None:
    for position, character in enumerate(code, start=1):
        if character not in _USCC_VALUES:
            raise InvalidAgencyCode("uscc_character", position=position, character=character)
        if position in USCC_DIVISION_POSITIONS and character not in digits:
            raise InvalidAgencyCode(
                "uscc_division_character", position=position, character=character
            )


def _check_digit(kind: str, position: int, character: str, expected: str) -> None:
    if character != expected:
        raise InvalidAgencyCode(kind, position=position, character=character, expected=expected)
