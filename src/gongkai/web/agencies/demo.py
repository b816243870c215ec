"""The demo county: a 县人民政府 with three departments and two towns, and staff in every role.

Loading is idempotent: agencies are matched by code and accounts by username, so running
`gongkai demo` again restores the demo without duplicating anything.
"""

from dataclasses import dataclass

from django.db import transaction

from gongkai.statute.agency_codes import make_uscc
from gongkai.web.agencies.models import Agency, Membership, User
from gongkai.web.agencies.roles import AgencyLevel, Role

DEMO_PASSWORD = "gongkai-demo"
DIVISION = "360999"  # a 6-digit 行政区划码 of the fictional 青山县
OFFICE_HOURS = "工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）"


@dataclass(frozen=True)
class DemoAgency:
    key: str
    name: str
    short_name: str
    level: AgencyLevel
    org_body: str  # the first 8 characters of the 组织机构代码
    parent: str | None
    address: str
    phone: str
    email: str


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    agency: str
    role: Role | None
    description: str


COUNTY = "county"
AGENCIES = [
    DemoAgency(COUNTY, "青山县人民政府", "县政府", AgencyLevel.COUNTY_GOVERNMENT, "01523601",
               None, "青山县人民大道1号", "0795-7221001", "xxgk@qingshan.gov.cn"),
    DemoAgency("fgw", "青山县发展和改革委员会", "县发改委", AgencyLevel.COUNTY_DEPARTMENT,
               "01523612", COUNTY, "青山县人民大道1号行政中心3楼", "0795-7221120",
               "fgw@qingshan.gov.cn"),
    DemoAgency("czj", "青山县财政局", "县财政局", AgencyLevel.COUNTY_DEPARTMENT, "01523629",
               COUNTY, "青山县府前路18号", "0795-7222306", "czj@qingshan.gov.cn"),
    DemoAgency("zrzyj", "青山县自然资源局", "县自然资源局", AgencyLevel.COUNTY_DEPARTMENT,
               "01523645", COUNTY, "青山县建设路66号", "0795-7225018",
               "zrzyj@qingshan.gov.cn"),
    DemoAgency("qsz", "青山县青山镇人民政府", "青山镇", AgencyLevel.TOWNSHIP, "01523701",
               COUNTY, "青山镇解放街9号", "0795-7231002", "qsz@qingshan.gov.cn"),
    DemoAgency("dlx", "青山县东岭乡人民政府", "东岭乡", AgencyLevel.TOWNSHIP, "01523728",
               COUNTY, "东岭乡东岭村委会旁", "0795-7246003", "dlx@qingshan.gov.cn"),
]  # fmt: skip

# 机关代字 (letter numbers such as 青财依申复〔2026〕12号) and the OGI office named in letters.
LETTER_DETAILS = {
    COUNTY: ("青府", "县政府办公室（县政务公开办）", "0795-7221002"),
    "fgw": ("青发改", "办公室", "0795-7221121"),
    "czj": ("青财", "办公室", "0795-7222307"),
    "zrzyj": ("青自然资", "政策法规股", "0795-7225019"),
    "qsz": ("青山镇", "党政综合办公室", "0795-7231003"),
    "dlx": ("东岭乡", "党政综合办公室", "0795-7246004"),
}

ACCOUNTS = [
    DemoAccount("admin", "系统管理员", COUNTY, None, "平台超级管理员 / platform superuser"),
    DemoAccount("lina", "李娜", COUNTY, Role.SUPERVISOR,
                "县政务公开办：督导全县 / supervising office, whole county"),
    DemoAccount("zhangwei", "张伟", "czj", Role.CLERK, "县财政局 公开专员 / clerk"),
    DemoAccount("wangfang", "王芳", "czj", Role.REVIEWER, "县财政局 审核人 / reviewer"),
    DemoAccount("liuyang", "刘洋", "czj", Role.HEAD, "县财政局 负责人 / head"),
    DemoAccount("chenjing", "陈静", "czj", Role.ADMIN, "县财政局 管理员 / agency admin"),
    DemoAccount("zhaolei", "赵磊", "zrzyj", Role.CLERK, "县自然资源局 公开专员 / clerk"),
    DemoAccount("sunli", "孙丽", "qsz", Role.CLERK, "青山镇 公开专员 / clerk"),
]  # fmt: skip


def demo_code(agency: DemoAgency) -> str:
    # Registration authority 1 (机构编制), category 1 (机关): how every government agency's
    # 统一社会信用代码 begins.
    return make_uscc("1", "1", DIVISION, agency.org_body)


@transaction.atomic
def load_demo() -> list[DemoAccount]:
    agencies: dict[str, Agency] = {}
    for spec in AGENCIES:
        agencies[spec.key], _ = Agency.objects.update_or_create(
            code=demo_code(spec),
            defaults={
                "name": spec.name,
                "short_name": spec.short_name,
                "level": spec.level,
                "parent": agencies.get(spec.parent) if spec.parent else None,
                "office_address": spec.address,
                "office_hours": OFFICE_HOURS,
                "phone": spec.phone,
                "fax": spec.phone,
                "email": spec.email,
                "website": "https://www.qingshan.gov.cn/xxgk/",
                **letter_details(spec.key),
            },
        )
    for account in ACCOUNTS:
        load_account(account, agencies[account.agency])
    return ACCOUNTS


def letter_details(key: str) -> dict:
    letter_code, office, office_phone = LETTER_DETAILS[key]
    return {"letter_code": letter_code, "ogi_office": office, "ogi_office_phone": office_phone}


def load_account(account: DemoAccount, agency: Agency) -> User:
    user, created = User.objects.update_or_create(
        username=account.username,
        defaults={
            "full_name": account.full_name,
            # Reminders from `gongkai worker` reach them (var/mail/ without an SMTP host).
            "email": f"{account.username}@qingshan.gov.cn",
            "is_staff": True,
            "is_superuser": account.role is None,
            "is_active": True,
        },
    )
    if created:  # hashing is slow, and a password someone changed is theirs to keep
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    if account.role is not None:
        Membership.objects.get_or_create(user=user, agency=agency, role=account.role)
    return user
