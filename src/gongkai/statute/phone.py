"""Applicants' telephone numbers (第二十九条: 联系方式), checked and written one way.

Mainland China numbers: mobile numbers (11 digits from 13–19, with or without +86),
landlines with their area code — 010 and 02X are followed by 8 digits, the other area codes
(0XXX) by 7 or 8 — and an extension after 转, 分机, ext, x, # or a last hyphen; 400 and 800
service numbers. Numbers abroad (Hong Kong, Macao, Taiwan, other countries) in the
international form, + and the country code. Full-width digits and the usual separators
(spaces, hyphens, dots, brackets round the area code) are accepted and dropped.
"""

import re
import unicodedata

MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"(?P<area>010|02\d|0[3-9]\d{2})(?P<number>[2-9]\d{6,7})")
SERVICE = re.compile(r"(?P<prefix>[48]00)(?P<number>\d{7})")
INTERNATIONAL = re.compile(r"\+(?!86)[1-9]\d{6,14}")
EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#)\s*(?P<extension>\d{1,6})$", re.IGNORECASE)
SEPARATORS = re.compile(r"[\s\-.()（）]")
MAX_LENGTH = 30  # as stored


class InvalidPhone(ValueError):
    """The number is none of the accepted forms; the message says what is expected."""


MESSAGE = (
    "电话号码格式不正确：请填写11位手机号码，或带区号的固定电话（如 0795-7220000，"
    "分机写作 0795-7220000转123），境外号码以“+国家或地区代码”开头。"
)


def validate_phone(text: str) -> str:
    """The number written one way (13800138000, 0795-7220000转123, +85223456789)."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw or len(raw) > 40:
        raise InvalidPhone(MESSAGE)
    raw, extension = split_extension(raw)
    number = normalised(raw, extension)
    if number is None or len(number) > MAX_LENGTH:
        raise InvalidPhone(MESSAGE)
    return number


def split_extension(raw: str) -> tuple[str, str]:
    if match := EXTENSION.search(raw):
        return raw[: match.start()].strip(), match["extension"]
    head, hyphen, tail = raw.rpartition("-")
    short = hyphen and tail.isascii() and tail.isdigit() and len(tail) <= 6
    if short and LANDLINE.fullmatch(SEPARATORS.sub("", head)):  # 0795-7220000-123
        return head, tail
    return raw, ""


def normalised(raw: str, extension: str) -> str | None:
    digits = SEPARATORS.sub("", raw)
    if digits.startswith("0086"):
        digits = "+86" + digits[4:]
    if digits.startswith("+86"):
        digits = digits[3:]
        if LANDLINE.fullmatch("0" + digits):  # +86 795 7220000: the trunk 0 is dropped abroad
            digits = "0" + digits
    if MOBILE.fullmatch(digits) and not extension:
        return digits
    if match := LANDLINE.fullmatch(digits):
        return f"{match['area']}-{match['number']}" + (f"转{extension}" if extension else "")
    if (match := SERVICE.fullmatch(digits)) and not extension:
        return f"{match['prefix']}-{match['number'][:3]}-{match['number'][3:]}"
    if INTERNATIONAL.fullmatch(digits):
        return digits + (f"转{extension}" if extension else "")
    return None
