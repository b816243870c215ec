"""How long each kind of personal data is kept — data, configurable per deployment.

个人信息保护法第十九条: personal data is kept no longer than the purpose needs; 第四十七条:
when that time is up the handler deletes it (or, where deletion is not possible, stops all
processing but storage and protection). The purpose here is answering the application and
defending that answer. What is NOT personal data to purge is the statutory record: the case
number, dates, what was asked, the outcome (a row of the annual report), the letters as
issued — the agency's case file, kept under 《中华人民共和国档案法》 and 国家档案局
《机关文件材料归档范围和文书档案保管期限规定》 (the archive keeps its own copy of every letter
as issued; the platform is not the archive).

Default periods, counted from the end of the case (answered or closed), and from the last
decision of any 复议/诉讼 concerning it — never while one is pending:

- the applicant's identity number, phone, e-mail, postal address and contact names: 5 years.
  The answer letters tell the applicant of 60 days for 复议 (行政复议法) and 6 months for a
  lawsuit (行政诉讼法第四十六条第一款), but a court still hears a case brought within 5 years
  of the act when the applicant was not told (第四十六条第二款); within that time the agency
  must be able to show whom it answered and how it reached them.
- attachments the applicant sent (identity documents, supporting papers): 1 year. They served
  to verify the applicant while the case was handled; a year covers the 6 months for a
  lawsuit with room for its filing to reach the agency.
- the names of 复议 applicants and plaintiffs in the docket: 5 years after the decision (the
  annual report counts cases by kind, year and result; it needs no names).
- the recipients and bodies of e-mail notifications (staff addresses, case numbers): 1 year,
  enough to show a reminder was sent for the report year it concerned.

Each period is a setting (README, 配置): a deployment whose archives office requires longer
may keep longer; shorter is allowed down to zero (purge at the next run).
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Rule:
    key: str
    setting: str  # the GONGKAI_RETENTION_DAYS key (environment: GONGKAI_RETAIN_<KEY>_DAYS)
    label: str  # what is removed, as the history says it
    counted_from: str


RULES = (
    Rule("applicant_details", "applicant_details",
         "申请人身份证件号码、联系电话、电子邮箱、通信地址、邮政编码、联系人", "案件办结"),
    Rule("applicant_attachments", "applicant_attachments", "申请人提交的附件（身份证明等）",
         "案件办结"),
    Rule("appellant_names", "appellant_names", "行政复议申请人、原告姓名", "复议或诉讼审结"),
    Rule("notification_recipients", "notification_recipients", "邮件通知的收件人和正文",
         "发送"),
)  # fmt: skip
DEFAULT_DAYS = {
    "applicant_details": 5 * 365,
    "applicant_attachments": 365,
    "appellant_names": 5 * 365,
    "notification_recipients": 365,
}


def days_kept(rule: Rule) -> int:
    return settings.GONGKAI_RETENTION_DAYS.get(rule.setting, DEFAULT_DAYS[rule.setting])
