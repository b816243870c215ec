#!/usr/bin/env python3
"""Re-extract the 简体中文 catalogue and fill in translations from a JSON file.

    .venv/bin/python scripts/translate.py TRANSLATIONS.json

TRANSLATIONS.json maps English source strings (msgid) to their Chinese (msgstr); plural
entries map to a list of forms; an entry with a context (pgettext) is keyed
"context\u0004msgid". Strings already translated in the catalogue keep their translation
unless the file gives a new one. The catalogue is locked while this runs, so
several people (or agents) working on the tree can add their strings at the same time.
Then the catalogue is compiled. Needs GNU gettext (scripts/ensure-system-packages.sh).
"""

import fcntl
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "src" / "gongkai" / "web"
CATALOGUE = WEB / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
GONGKAI = ROOT / ".venv" / "bin" / "gongkai"


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def unquote(lines: list[str]) -> str:
    joined = "".join(re.fullmatch(r'"(.*)"', line.strip()).group(1) for line in lines)
    return joined.replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")


def fill(entry: str, translations: dict) -> str:
    """The entry with its msgstr set, when the file translates its msgid."""
    head, sep, _rest = entry.partition("\nmsgstr")
    if not sep:
        return entry
    match = re.search(r'^msgid ("(?:.*)"(?:\n".*")*)', head, re.M)
    if not match:
        return entry
    msgid = unquote(match.group(1).split("\n"))
    # An entry with a context (pgettext) is looked up as "context\x04msgid", as gettext does.
    context = re.search(r'^msgctxt "(.*)"', head, re.M)
    key = f"{context.group(1)}\x04{msgid}" if context else msgid
    if key not in translations:
        return entry
    value = translations[key]
    # A translation given here replaces msgmerge's fuzzy guess and its note of the old msgid.
    kept = [line for line in head.split("\n") if not line.startswith(("#, fuzzy", "#| "))]
    head = "\n".join(kept).replace(", fuzzy", "")
    if "msgid_plural" in head:
        forms = value if isinstance(value, list) else [value]
        return head + "\n" + "\n".join(f"msgstr[{i}] {quoted(f)}" for i, f in enumerate(forms))
    return head + "\nmsgstr " + quoted(value)


def main(path: str) -> None:
    translations = json.loads(Path(path).read_text(encoding="utf-8"))
    with open(CATALOGUE.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manage = [str(GONGKAI), "manage"]
        subprocess.run([*manage, "makemessages", "-l", "zh_Hans", "--no-obsolete",
                        "--no-location", "-i", "migrations/*"], cwd=WEB, check=True)  # fmt: skip
        entries = CATALOGUE.read_text(encoding="utf-8").split("\n\n")
        CATALOGUE.write_text("\n\n".join(fill(e, translations) for e in entries), "utf-8")
        subprocess.run([*manage, "compilemessages"], cwd=WEB, check=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
