"""Letters of a case: issued by workflow steps, rendered by gongkai.letters.

The snapshot holds everything the letter says (agency letterhead, applicant, case facts), so
an issued letter does not change when the agency's address or the case moves on.
"""

from dataclasses import asdict, fields
from datetime import date

from gongkai.letters import (
    LetterAgency,
    LetterApplicant,
    LetterCase,
    LetterContext,
    LetterRecipient,
    MissingField,
    compose,
    render_letter,
)
from gongkai.statute.clock import Pause
from gongkai.statute.fees import FeeMethod
from gongkai.statute.receipt import Channel
from gongkai.web.applications.models import Application, Letter

# Which step issues which letter, and the word in its number (青山县财政局依申复〔2026〕3号).
LETTER_OF_ACTION = {
    "submit": "acknowledgement",
    "request_correction": "correction",
    "extend": "extension",
    "start_consultation": "consultation",  # third party or agency: see letter_kind
    "send_fee_notice": "fee_notice",
    "decide": "decision",
    "issue": "decision",  # the answer signed off through the agency's chain (signoff.py)
    "abandon_correction": "abandoned_correction",
    "abandon_payment": "abandoned_fee",
    "withdraw": "withdrawn",
}
NUMBER_WORDS = {
    "acknowledgement": "受", "correction": "补", "extension": "延",
    "consultation_third_party": "征", "consultation_agency": "征", "fee_notice": "费",
    "decision": "复", "abandoned_correction": "终", "abandoned_fee": "终", "withdrawn": "终",
}  # fmt: skip
# The letters that go to the applicant; the others (征求意见) go to third parties and agencies.
APPLICANT_LETTERS = frozenset(NUMBER_WORDS) - {"consultation_third_party", "consultation_agency"}
# A notice that closes a case names the notice whose period ran out.
FOLLOWS_UP = {"abandoned_correction": "correction", "abandoned_fee": "fee_notice"}
DEFAULT_PAYMENT = "持本通知书通过非税收入收缴系统缴纳"
DATE_FIELDS = {f.name for f in fields(LetterCase) if "date" in str(f.type)}


def letter_kind(action: str, params: dict) -> str | None:
    kind = LETTER_OF_ACTION.get(action)
    if kind == "consultation":
        return (
            "consultation_agency" if params.get("kind") == "agency" else "consultation_third_party"
        )
    return kind


def letter_number(case: Application, kind: str) -> str:
    """青财依申复〔2026〕12号: the agency's 机关代字 (or, where none is set, its short name)."""
    year, serial = case.number.split("-")
    prefix = case.agency.letter_code or case.agency.short_name or case.agency.name
    return f"{prefix}依申{NUMBER_WORDS[kind]}〔{year}〕{int(serial)}号"


def agency_letterhead(case: Application) -> dict:
    agency = case.agency
    review_body = agency.parent.name if agency.parent_id else ""
    office = {"office_name": agency.ogi_office} if agency.ogi_office else {}
    return asdict(LetterAgency(
        name=agency.name, address=agency.office_address, postal_code=agency.postal_code,
        phone=agency.phone, fax=agency.fax, email=agency.email, website=agency.website,
        review_body=review_body, office_phone=agency.ogi_office_phone, **office,
    ))  # fmt: skip


def case_facts(case: Application, kind: str, issued_on: date, params: dict) -> dict:
    facts = {
        "number": letter_number(case, kind), "issued_on": issued_on,
        "query_code": case.query_code, "received_on": case.received_on,
        "channel": case.channel, "information": case.description,
        "extension_days": case.extension_days,
        "pauses": [[p.first_day, p.last_day or p.first_day, p.label] for p in case.pauses.all()],
    }  # fmt: skip
    known = {f.name for f in fields(LetterCase)}
    facts |= {name: value for name, value in params.items() if name in known and value}
    return facts


def follow_up(case: Application, kind: str) -> dict:
    """The 文号 and period of the notice a closing notice follows up (补正, 收费)."""
    earlier = case.letters.filter(kind=FOLLOWS_UP.get(kind, "")).order_by("-id").first()
    if earlier is None:
        return {}
    return {"previous_notice": earlier.number,
            "correction_due": earlier.snapshot["case"].get("correction_due")}  # fmt: skip


def snapshot(case: Application, kind: str, issued_on: date, params: dict) -> dict:
    applicant = LetterApplicant(case.name, case.address, case.postal_code, case.phone, case.email,
                                organisation=case.is_organisation)  # fmt: skip
    recipient = None
    if kind.startswith("consultation"):
        recipient = asdict(
            LetterRecipient(params.get("party", ""), interest=params.get("interest", ""))
        )
    return {
        "agency": agency_letterhead(case),
        "applicant": asdict(applicant),
        "case": jsonable(case_facts(case, kind, issued_on, params)),
        "recipient": recipient,
    }


def jsonable(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def context_of(data: dict, kind: str) -> LetterContext:
    case = dict(data["case"])
    for name in DATE_FIELDS & set(case):
        case[name] = date.fromisoformat(case[name]) if case[name] else None
    case["pauses"] = tuple(Pause(date.fromisoformat(a), date.fromisoformat(b), reason)
                           for a, b, reason in case.get("pauses", []))  # fmt: skip
    case["channel"] = Channel(case["channel"]) if case.get("channel") else None
    if case.get("fee_method"):
        case["fee_method"] = FeeMethod(case["fee_method"])
    for name in ("correction_items", "attachments"):
        if name in case:
            case[name] = tuple(case[name])
    recipient = LetterRecipient(**data["recipient"]) if data.get("recipient") else None
    return LetterContext(LetterAgency(**data["agency"]), LetterApplicant(**data["applicant"]),
                         LetterCase(**case), recipient)  # fmt: skip


class LetterIncomplete(ValueError):
    """The step lacks what its letter must say; the message names the fields in Chinese."""


def issue(case: Application, kind: str, issued_on: date, params: dict, actor=None,
          signer=None) -> Letter:  # fmt: skip
    """Issue a letter. `signer`: its 签发人 (an answer's), named on the record and kept in the
    snapshot beside what the letter says."""
    data = snapshot(case, kind, issued_on, follow_up(case, kind) | params)
    if signer is not None:
        data["signer"] = signer.get_full_name()
    try:
        composed = compose(kind, context_of(data, kind))
    except MissingField as error:
        raise LetterIncomplete(str(error)) from None
    return Letter.objects.create(application=case, kind=kind, title=composed.title,
                                 number=data["case"]["number"], issued_on=issued_on,
                                 snapshot=data, created_by=actor, signed_by=signer)  # fmt: skip


def rendered(letter: Letter, fmt: str) -> bytes:
    """The letter as PDF or DOCX, rendered once and then served from the database."""
    stored = getattr(letter, fmt)
    if stored:
        return bytes(stored)
    content = render_letter(letter.kind, context_of(letter.snapshot, letter.kind), fmt)
    Letter.objects.filter(pk=letter.pk).update(**{fmt: content})
    return content
