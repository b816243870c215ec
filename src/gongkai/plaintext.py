"""Text as people paste it → text that every store and writer accepts. No Django.

Text pasted from Word carries its soft line break (\\x0b, vertical tab) and now and then other
C0 control characters; JSON may carry lone surrogates ("\\ud800"). XML 1.0 — hence DOCX,
XLSX and the Atom feed — cannot hold a control character (python-docx and Django's feed
writer refuse the whole document), PostgreSQL refuses NUL in text, and no database can store
a lone surrogate as UTF-8. Input is cleaned once where it arrives (`clean_line`,
`clean_multiline`); the document writers clean again (`xml_safe`), so that a row stored
before the cleaning existed cannot break them either.
"""

import re
from typing import Any

# Line breaks of every kind, Word's soft break (\x0b) and form feed (\x0c) among them.
LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# What no text field keeps: other C0 and C1 controls, DEL, lone surrogates, and the two
# non-characters XML forbids.
UNWANTED = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
TABS = re.compile("\t")


def clean_multiline(text: str) -> str:
    """A text area's value: every line break becomes \\n, tabs stay, other controls go."""
    return UNWANTED.sub("", LINE_BREAKS.sub("\n", text))


def clean_line(text: str) -> str:
    """A one-line field's value: line breaks and tabs become spaces, other controls go."""
    return UNWANTED.sub("", TABS.sub(" ", LINE_BREAKS.sub(" ", text)))


def xml_safe(text: str) -> str:
    """Text that a DOCX, XLSX or XML writer accepts (cleaned as a multi-line value)."""
    return clean_multiline(text)


def clean_tree(value: Any) -> Any:
    """Every string (keys too) of a JSON-like tree of dicts and lists, cleaned as text areas."""
    if isinstance(value, str):
        return clean_multiline(value)
    if isinstance(value, list | tuple):
        return [clean_tree(item) for item in value]
    if isinstance(value, dict):
        return {clean_tree(key): clean_tree(item) for key, item in value.items()}
    return value
