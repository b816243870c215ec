"""What a published report's file must pass before the parser reads it, and the limits the
parser reads it under.

An uploaded report is a stranger's file. Its kind is checked by name and first bytes (the
applications' upload helpers). A Word file is a zip archive, and a small one can inflate to
gigabytes (issue 14: 1.25 MB expanding to GBs), so the sizes its members declare are added
up before anything is inflated: Python's zipfile, which python-docx reads through, never
inflates a member beyond its declared size (it stops there and fails the checksum), so the
declared sizes bound what the reader can produce. PDF streams and HTML are no zips: the
parser runs in a child process that is stopped after `PARSE_SECONDS` and may not grow beyond
`PARSE_MEMORY_BYTES` — a thread could be neither stopped nor limited.
"""

import io
import multiprocessing
import zipfile
from pathlib import Path

from django import forms
from django.utils.translation import gettext as _

from gongkai.report import Report
from gongkai.web.applications import uploads

MAX_BYTES = uploads.MAX_BYTES  # 10 MB, as for the public's uploads
MAX_EXPANDED_BYTES = 50 * 1024 * 1024  # what the members of a Word file may inflate to
MAX_MEMBERS = 2_000  # a real .docx has a few dozen parts
PARSE_SECONDS = 30.0
PARSE_MEMORY_BYTES = 1536 * 1024 * 1024  # address space of the parsing process
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# extension -> (leading bytes, media type); text and HTML have no signature of their own.
SIGNATURES = {
    ".txt": (b"", "text/plain"),
    ".md": (b"", "text/plain"),
    ".html": (b"", "text/html"),
    ".htm": (b"", "text/html"),
    ".shtml": (b"", "text/html"),
    ".docx": (b"PK\x03\x04", DOCX),
    ".pdf": (b"%PDF-", "application/pdf"),
}
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


class UnreadableDocument(Exception):
    """The file is no report the platform can read; the message says why, for the user."""


def checked_upload(upload):
    """The upload of a published report, if its name and first bytes agree on a kind read."""
    if suffix_of(upload.name) not in SIGNATURES:
        raise forms.ValidationError(
            _(
                "%(name)s: only text, HTML, Word (.docx) or PDF files can be read. Save a .doc "
                "or .wps file as .docx first."
            )
            % {"name": upload.name}
        )
    return uploads.checked(upload, SIGNATURES)


def suffix_of(name: str) -> str:
    return Path(name or "").suffix.lower()


def refuse_unsafe(data: bytes, name: str) -> None:
    """Raise UnreadableDocument for a file that must not reach the parser."""
    if not data.strip():
        raise UnreadableDocument(_("%(name)s is empty.") % {"name": name})
    if len(data) > MAX_BYTES:
        raise UnreadableDocument(_("%(name)s is larger than 10 MB.") % {"name": name})
    if data.startswith(b"PK\x03\x04"):
        refuse_zip_bomb(data, name)
    elif not data.startswith((b"%PDF", *UTF16_MARKS)) and b"\x00" in data[:65536]:
        raise UnreadableDocument(
            _("%(name)s is a binary file, not a text, HTML, Word or PDF document.") % {"name": name}
        )


def refuse_zip_bomb(data: bytes, name: str) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise UnreadableDocument(
            _("%(name)s is a damaged Word file: %(reason)s") % {"name": name, "reason": error}
        ) from None
    expanded = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or expanded > MAX_EXPANDED_BYTES:
        raise UnreadableDocument(
            _(
                "%(name)s would expand to %(size)s MB when opened (at most %(limit)s MB are "
                "allowed): it is refused as a possible zip bomb."
            )
            % {"name": name, "size": expanded // 2**20, "limit": MAX_EXPANDED_BYTES // 2**20}
        )


def parse_within_limits(data: bytes, name: str) -> Report:
    """The report in the file as the parser reads it (parse findings only, no rulebook)."""
    refuse_unsafe(data, name)
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads, no DB
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=parse_in_child, args=(sender, data, name), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(PARSE_SECONDS):
            raise UnreadableDocument(
                _("Reading %(name)s took longer than %(seconds)s seconds and was stopped.")
                % {"name": name, "seconds": f"{PARSE_SECONDS:g}"}
            )
        outcome, value = receiver.recv()
    except EOFError:
        outcome, value = "crashed", ""
    finally:
        child.kill()
        child.join()
        receiver.close()
    return parse_outcome(outcome, value, name)


def parse_outcome(outcome: str, value, name: str) -> Report:
    if outcome == "report":
        return value
    reasons = {
        "unreadable": _("%(name)s cannot be read: %(reason)s"),
        "memory": _("Reading %(name)s needed more memory than allowed and was stopped."),
    }
    message = reasons.get(outcome, _("%(name)s cannot be read: the reader failed (%(reason)s)."))
    raise UnreadableDocument(message % {"name": name, "reason": value or outcome})


def parse_in_child(sender, data: bytes, name: str) -> None:
    """Runs in the child process: limit its memory, parse, send back the report or why not."""
    limit_memory(PARSE_MEMORY_BYTES)
    from gongkai.report.parse import parse_lines
    from gongkai.report.parse.readers import UnreadableSource, read_bytes

    try:
        report = parse_lines(read_bytes(data, suffix_of(name)), source=name, rulebook=False)
        sender.send(("report", report))
    except UnreadableSource as error:
        sender.send(("unreadable", str(error)))
    except MemoryError:
        sender.send(("memory", ""))
    except Exception as error:  # a parser bug: the user gets a message, not a server error
        sender.send(("failed", f"{type(error).__name__}: {error}"))
    finally:
        sender.close()


def limit_memory(size: int) -> None:
    try:
        import resource
    except ImportError:  # not on Unix: the time limit still applies
        return
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    if hard != resource.RLIM_INFINITY:
        size = min(size, hard)
    resource.setrlimit(resource.RLIMIT_AS, (size, hard))
