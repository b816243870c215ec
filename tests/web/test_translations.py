"""The 简体中文 catalogue is complete and compiled: no interface string falls back to English."""

import re
import shutil
import subprocess
from pathlib import Path

from django.core.management import call_command

import gongkai.web

WEB = Path(gongkai.web.__file__).parent
CATALOGUE = WEB / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def untranslated(po_text: str) -> list[str]:
    missing = []
    for entry in po_text.split("\n\n"):
        msgid = "".join(re.findall(r'^(?:msgid )?"(.*)"$', entry.split("msgstr")[0], re.M))
        msgstrs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', entry, re.M)
        continued = re.search(r'^msgstr(?:\[\d\])? ""\n"', entry, re.M)
        if msgid and ((not any(msgstrs) and not continued) or "#, fuzzy" in entry):
            missing.append(msgid)
    return missing


def test_every_entry_of_the_catalogue_is_translated():
    assert untranslated(CATALOGUE.read_text(encoding="utf-8")) == []


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path, settings, monkeypatch):
    copy = tmp_path / "web"
    shutil.copytree(WEB, copy, ignore=shutil.ignore_patterns("__pycache__"))
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages",
        locale=["zh_Hans"],
        no_obsolete=True,
        no_location=True,
        ignore_patterns=["migrations/*"],
        verbosity=0,
    )
    extracted = (copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po").read_text()
    assert untranslated(extracted) == [], "run `make messages` and translate the new strings"


def test_the_compiled_catalogue_is_up_to_date(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", compiled, CATALOGUE], check=True)
    assert compiled.read_bytes() == CATALOGUE.with_suffix(".mo").read_bytes(), "run `make messages`"
