"""`gongkai manage check --deploy`: a site still showing the demo county's footer (its 网站标识码
and 备案号 are not this site's) is told so."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def footer_is_not_the_demos(app_configs, **kwargs):
    still_demo = [
        name
        for name, demo in settings.DEMO_SITE_IDENTITY.items()
        if getattr(settings, name) == demo
    ]
    if not still_demo:
        return []
    return [
        Warning(
            "The page footer shows the demo county's " + ", ".join(still_demo) + ".",
            hint="Set them to this website's values, or to an empty string to hide a line.",
            id="gongkai.W101",
        )
    ]
