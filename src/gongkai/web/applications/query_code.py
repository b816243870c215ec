"""The query code as people type it: ABCD-EFGH-JKMN, abcd efgh jkmn, ＡＢＣＤＥＦＧＨＪＫＭＮ…

A query code is read off a receipt, copied from an e-mail or dictated over the phone: the
tracking page and the API both take it through `normalised`, so that hyphens left out or
typed as dashes, spaces, lower case and full-width characters (a Chinese input method's
default) all find the case.
"""

import re
import unicodedata

GROUP, GROUPS = 4, 3
# Anything people put between the groups: spaces and every dash an input method offers.
SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−ー_.·・]+")
MOST_TYPED = 64  # longer input is no query code; it is not worked on


def normalised(typed: str) -> str:
    """The code as stored (upper case, hyphens between groups of four), or, when what was
    typed has not twelve characters, the typed text tidied (it then finds nothing)."""
    text = unicodedata.normalize("NFKC", (typed or "")[:MOST_TYPED]).upper()
    characters = SEPARATORS.sub("", text)
    if len(characters) != GROUP * GROUPS:
        return text.strip()
    return "-".join(characters[i : i + GROUP] for i in range(0, len(characters), GROUP))
