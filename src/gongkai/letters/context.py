"""What a letter is written from: the agency, the applicant, the case, and who else it goes to.

Plain dataclasses, so the Django app (or a script) fills them from its own records. Optional
fields default to empty; each template says which ones it needs, and a missing one is
reported by its Chinese name (`fields.FIELD_LABELS`).
"""

from dataclasses import dataclass, field
from datetime import date

from gongkai.statute.calendar import WorkingCalendar
from gongkai.statute.clock import Pause
from gongkai.statute.fees import FeeMethod
from gongkai.statute.receipt import Channel


@dataclass(frozen=True)
class LetterAgency:
    name: str  # the agency that signs the letter (落款)
    office_name: str = "政府信息公开工作机构"  # e.g. 办公室, 政务公开科
    office_phone: str = ""  # the OGI office's own line; empty: `phone`
    address: str = ""
    postal_code: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    # Where the applicant may seek remedies (条例第五十一条); named in every decision letter.
    review_body: str = ""  # 行政复议机关, e.g. 青山县人民政府
    court: str = ""  # 人民法院, e.g. 青山县人民法院


@dataclass(frozen=True)
class LetterApplicant:
    name: str  # 姓名或者名称
    address: str = ""
    postal_code: str = ""
    phone: str = ""
    email: str = ""
    # True: a 法人或者其他组织 (addressed 你单位); False: a natural person (你); None: not
    # known — a letter issued before the kind was recorded says 你（单位）.
    organisation: bool | None = None


@dataclass(frozen=True)
class LetterRecipient:
    """A third party (第三十二条) or another agency (第三十四条) whose opinion is sought."""

    name: str
    address: str = ""
    interest: str = ""  # what of theirs is involved: 商业秘密, 个人隐私, 共同制作的文件…
    organisation: bool | None = None  # as LetterApplicant.organisation


@dataclass(frozen=True)
class LetterCase:
    number: str = ""  # the letter's 文号, e.g. 青财依申复〔2026〕12号
    issued_on: date | None = None  # the date under the 落款
    query_code: str = ""
    received_on: date | None = None  # 第三十一条; after 补正, the corrected application's
    channel: Channel | None = None
    information: str = ""  # the information sought, as the applicant described it
    # The statutory clock (deadlines are computed from these, never typed)
    pauses: tuple[Pause, ...] = ()
    extension_days: int = 0
    extension_reason: str = ""
    # 补正 (第三十条)
    correction_items: tuple[str, ...] = ()
    correction_due: date | None = None
    guidance: str = ""  # 指导和释明
    corrected_on: date | None = None
    # Decisions
    decision: str = ""  # a key of templates.DECISION_KEYS
    variant: str = ""  # granted: already_public / provided; unable.not_held: not_exist / not_ours
    reasons: str = ""
    withheld_content: str = ""  # the parts not disclosed (部分公开)
    provided_content: str = ""  # what is provided
    provision_method: str = ""  # 提供方式 (第四十条)
    access_method: str = ""  # where and how to obtain it (已主动公开, 公开出版物)
    attachments: tuple[str, ...] = ()
    legal_basis: str = ""  # the law forbidding disclosure, or with special access rules
    special_procedure: str = ""  # how to obtain it under those special rules
    search_description: str = ""  # how the agency searched (信息不存在)
    responsible_agency: str = ""
    responsible_agency_contact: str = ""
    third_party_opinion: str = ""
    petition_channel: str = ""
    previous_reply: str = ""  # the earlier answer to the same request (文号 and date)
    publication: str = ""
    reason_requested_on: date | None = None  # 第三十五条: when the applicant was asked why
    # A notice that closes a case (视为放弃) names the earlier notice it follows up
    previous_notice: str = ""  # its 文号: the 补正告知书 or the 收费通知
    # 送达回证: the letter served, and how
    served_title: str = ""
    served_number: str = ""
    service_method: str = ""  # 邮寄, 直接送达, 电子邮件…
    # 信息处理费
    fee_method: FeeMethod | None = None
    fee_quantity: int | None = None
    fee_reason: str = ""
    payment_method: str = ""


@dataclass(frozen=True)
class LetterContext:
    agency: LetterAgency
    applicant: LetterApplicant
    case: LetterCase = field(default_factory=LetterCase)
    recipient: LetterRecipient | None = None  # for the two consultation letters
    calendar: WorkingCalendar | None = None  # the official calendar unless the caller keeps one
