#!/usr/bin/env python3
"""Fill the untranslated entries of the 简体中文 catalogue from a JSON file (msgid → msgstr).

    make messages                       # extract new strings (GNU gettext)
    scripts/po-fill.py new.json         # translate them; prints the msgids still missing
    scripts/po-fill.py --force fix.json # replace existing translations of these msgids
    make messages                       # compile

Several people may translate at once: run the three steps under
`flock /tmp/gongkai-po.lock …` so that no one's entries are lost.
"""

import json
import re
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "src/gongkai/web/locale"
CATALOGUE = LOCALE / "zh_Hans/LC_MESSAGES/django.po"
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def unquote(lines: list[str]) -> str:
    return "".join(QUOTED.findall("\n".join(lines))).replace('\\"', '"').replace("\\n", "\n")


def needs_translation(entry: str) -> bool:
    translated = re.search(r'^msgstr(?:\[\d\])? "(.+)"$|^msgstr(?:\[\d\])? ""\n"', entry, re.M)
    return not translated or "#, fuzzy" in entry


def fill(entry: str, table: dict[str, str], missing: list[str], force: bool = False) -> str:
    lines = entry.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("msgid ")), None)
    if start is None:
        return entry
    end = start + 1
    while end < len(lines) and lines[end].startswith('"'):
        end += 1
    msgid = unquote(lines[start:end])
    if not msgid or not (needs_translation(entry) or (force and msgid in table)):
        return entry
    if msgid not in table:  # leave it as it is, fuzzy guesses included: still to translate
        missing.append(msgid)
        return entry
    kept = [line.replace("#, fuzzy, ", "#, ") for line in lines
            if line != "#, fuzzy" and not line.startswith("#| ")]  # fmt: skip
    first_msgstr = next(i for i, line in enumerate(kept) if line.startswith("msgstr"))
    head = kept[:first_msgstr]
    text = table[msgid].replace('"', '\\"')
    plural = any(line.startswith("msgid_plural") for line in head)
    return "\n".join([*head, f'msgstr[0] "{text}"' if plural else f'msgstr "{text}"'])


def main() -> int:
    force = "--force" in sys.argv  # replace existing translations of the table's msgids too
    table = json.loads(Path(sys.argv[-1]).read_text(encoding="utf-8"))
    missing: list[str] = []
    entries = CATALOGUE.read_text(encoding="utf-8").split("\n\n")
    filled = (fill(entry, table, missing, force) for entry in entries)
    CATALOGUE.write_text("\n\n".join(filled), encoding="utf-8")
    for msgid in missing:
        print(f"untranslated: {msgid}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
