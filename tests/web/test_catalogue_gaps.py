"""Every string that Django and the third-party apps show has a 简体中文 translation.

Django's own 简体中文 catalogues lack some strings (and django-axes and django-tasks-db have
none); src/gongkai/web/core/catalogue_gaps.py lists those, so that they are in our
catalogue. Read here: every message of Django's catalogues that our pages or the admin can
show, the admin's JavaScript catalogue as served, and every name of the third-party apps'
models and fields. A Django upgrade that adds a string fails here until it is listed.
"""

import re
from pathlib import Path

import django
import pytest
from django.apps import apps
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import trans_real

from gongkai.web.core.admin_site import CompletedJavaScriptCatalog

DJANGO = Path(django.__file__).parent
# The catalogues whose strings reach our pages: forms, validators and dates (conf), the
# admin, accounts, content types and sessions (the admin's lists of them).
CATALOGUES = [
    "conf/locale/en/LC_MESSAGES/django.po",
    "contrib/admin/locale/en/LC_MESSAGES/django.po",
    "contrib/auth/locale/en/LC_MESSAGES/django.po",
    "contrib/contenttypes/locale/en/LC_MESSAGES/django.po",
    "contrib/sessions/locale/en/LC_MESSAGES/django.po",
]
THIRD_PARTY_APPS = ["axes", "django_tasks_database"]
CHINESE_OR_ID = re.compile(r"[一-龥]|^ID$|^id$")


def unquoted(text: str) -> str:
    joined = "".join(re.findall(r'"(.*)"', text))
    return joined.replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")


def messages(po: Path) -> list[str]:
    """The catalogue's keys as gettext looks them up: "context\\x04msgid" where there is a
    context, (msgid, 0) for plurals."""
    keys = []
    for entry in po.read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
        if not msgid or not (text := unquoted(msgid.group(1))):
            continue
        if context := re.search(r'^msgctxt "(.*)"', entry, re.M):
            text = f"{context.group(1)}\x04{text}"
        keys.append((text, 0) if "msgid_plural" in entry else text)
    return keys


@pytest.mark.parametrize("path", CATALOGUES)
def test_every_message_of_djangos_catalogues_is_translated(path):
    chinese = trans_real.translation("zh-hans")._catalog
    missing = [key for key in messages(DJANGO / path) if key not in chinese]
    assert missing == [], "add these to src/gongkai/web/core/catalogue_gaps.py"


def test_the_admins_scripts_read_in_chinese():
    request = RequestFactory().get("/admin/jsi18n/")
    with translation.override("zh-hans"):
        view = CompletedJavaScriptCatalog(packages=["django.contrib.admin"])
        view.translation = trans_real.DjangoTranslation("zh-hans", domain="djangojs")
        view.request = request
        catalog = view.get_catalog()
    po = DJANGO / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"
    keys = [key if isinstance(key, str) else key[0] for key in messages(po)]
    assert [key for key in keys if key not in catalog] == []
    assert catalog["one letter Monday\x04M"] == "一"
    assert catalog["Today (%(date)s)"] == "今天（%(date)s）"


def test_the_third_party_apps_models_and_fields_are_named_in_chinese():
    untranslated = []
    for label in THIRD_PARTY_APPS:
        for model in apps.get_app_config(label).get_models():
            names = [model._meta.verbose_name, model._meta.verbose_name_plural]
            for field in model._meta.get_fields():
                names += [getattr(field, "verbose_name", ""), getattr(field, "help_text", "")]
            with translation.override("zh-hans"):
                untranslated += [str(n) for n in names if n and not CHINESE_OR_ID.search(str(n))]
    assert untranslated == []


def test_the_third_party_apps_are_named_in_chinese():
    with translation.override("zh-hans"):
        names = {label: str(apps.get_app_config(label).verbose_name) for label in THIRD_PARTY_APPS}
    assert names == {"axes": "登录锁定", "django_tasks_database": "任务队列"}
