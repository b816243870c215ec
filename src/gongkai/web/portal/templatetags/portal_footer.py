"""{% site_identity %}: the footer lines that Chinese government websites carry — 主办单位,
contact, 网站标识码, ICP备案号, 公安机关备案号 — from settings; a line whose setting is empty is
left out."""

import re

from django import template
from django.conf import settings

register = template.Library()

# The MIIT ICP register, and the public-security register queried by the record's number.
ICP_REGISTER = "https://beian.miit.gov.cn/"
PUBLIC_SECURITY_REGISTER = "https://beian.mps.gov.cn/#/query/webSearch?code="


@register.inclusion_tag("portal/_site_identity.html")
def site_identity() -> dict:
    security = settings.GONGKAI_PUBLIC_SECURITY_RECORD
    digits = "".join(re.findall(r"\d", security))
    return {
        "sponsor": settings.GONGKAI_SITE_SPONSOR,
        "phone": settings.GONGKAI_SITE_PHONE,
        "email": settings.GONGKAI_SITE_EMAIL,
        "identifier": settings.GONGKAI_SITE_IDENTIFIER,
        "icp": settings.GONGKAI_ICP_RECORD,
        "icp_register": ICP_REGISTER,
        "security": security,
        "security_register": PUBLIC_SECURITY_REGISTER + digits if digits else "",
    }
