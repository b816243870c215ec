"""How much a document may cost to open: the one guard for every place that opens one.

A Word or Excel file is a zip archive, and a small one can inflate to gigabytes (issue 14: a
1.25 MB DOCX cost 14 GB). Python's zipfile never inflates a member beyond the size the
archive declares for it (it stops there and fails the checksum), so adding up the declared
sizes before anything is inflated bounds what any reader can produce (`open_archive`). A PDF
is no zip, but its streams are deflated the same way: `refuse_pdf_bomb` inflates each one,
in bounded steps, before the PDF reader does. Time is bounded per file by a deadline that the
readers and the line parser check as they go (`time_limit`, `check_time`); in the main
thread of a process (the command line, its worker processes) a timer also interrupts code
that does not check. The parser (readers.py), the catalogue's attachments and the annual
report imports all open documents through here. Messages are Chinese first, for the person
who gave the file.
"""

import io
import re
import signal
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

MB = 1024 * 1024
MAX_FILE_BYTES = 64 * MB  # a published report with scanned pages stays well below
MAX_EXPANDED_BYTES = 128 * MB  # all members of an archive, as declared, images included
MAX_PART_BYTES = 24 * MB  # one XML part (a report's document.xml is a few hundred KB)
MAX_MEMBERS = 2_000  # a real .docx has a few dozen parts
MAX_PDF_INFLATED_BYTES = 256 * MB  # all of a PDF's deflated streams
MAX_PDF_PAGES = 2_000
MAX_LINES = 200_000  # lines handed to the line parser
SECONDS_PER_FILE = 60.0

_deadline: ContextVar[float | None] = ContextVar("gongkai_parse_deadline", default=None)


class UnreadableSource(Exception):
    """The file is not a report we can read (wrong format, damaged, encrypted, empty)."""


class TooCostly(UnreadableSource):
    """Reading the file would cost more memory or time than any real report does."""


def megabytes(size: int) -> str:
    return f"{size / MB:.0f} MB"


def refuse_oversized(data: bytes) -> None:
    refuse_size(len(data))


def refuse_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise TooCostly(
            f"文件有 {megabytes(size)}，超过 {megabytes(MAX_FILE_BYTES)} 的上限 "
            f"/ file larger than {megabytes(MAX_FILE_BYTES)}"
        )


def open_archive(data: bytes, kind: str = "Office") -> zipfile.ZipFile:
    """The zip archive in `data`, once the sizes its members declare are known to be safe."""
    refuse_oversized(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        EOFError,
    ) as error:
        raise UnreadableSource(f"{kind} 文件已损坏 / damaged {kind} file: {error}") from None
    expanded = sum(member.file_size for member in members)
    largest = max((m.file_size for m in members if m.filename.endswith(".xml")), default=0)
    if len(members) > MAX_MEMBERS or expanded > MAX_EXPANDED_BYTES or largest > MAX_PART_BYTES:
        raise TooCostly(
            f"文件解压后将有 {megabytes(expanded)}（{len(members)} 个部分），超过上限，"
            f"疑为“压缩炸弹”，拒绝打开 / would expand to {megabytes(expanded)} in "
            f"{len(members)} parts: refused as a possible zip bomb"
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, limit: int = MAX_PART_BYTES) -> bytes:
    """One member, inflated at most to `limit` bytes whatever its header says."""
    try:
        with archive.open(name) as stream:
            data = stream.read(limit + 1)
    except (zipfile.BadZipFile, NotImplementedError, EOFError, zlib.error) as error:
        # NotImplementedError: a damaged header claiming a zip version or method unknown
        raise UnreadableSource(f"文件已损坏 / damaged archive member {name}: {error}") from None
    if len(data) > limit:
        raise TooCostly(f"{name} 解压后超过 {megabytes(limit)} / expands beyond the limit")
    return data


STREAM = re.compile(rb"stream\r?\n")


def refuse_pdf_bomb(data: bytes) -> None:
    """Inflate every deflated stream of a PDF, a step at a time, and stop at the budget."""
    refuse_oversized(data)
    budget = MAX_PDF_INFLATED_BYTES
    for match in STREAM.finditer(data):
        budget -= inflated_size(data, match.end(), budget)
        if budget < 0:
            raise TooCostly(
                f"PDF 的压缩内容解压后超过 {megabytes(MAX_PDF_INFLATED_BYTES)}，拒绝打开 "
                f"/ its streams inflate beyond {megabytes(MAX_PDF_INFLATED_BYTES)}"
            )
        check_time()


def inflated_size(data: bytes, start: int, budget: int) -> int:
    """How far the zlib stream at `start` inflates, up to budget + 1 (0 if it is none)."""
    inflater, size, position, step = zlib.decompressobj(), 0, start, 1 << 20
    view = memoryview(data)  # a slice of a view copies nothing
    try:
        while size <= budget and not inflater.eof and position < len(data):
            chunk = view[position : position + step]
            position += len(chunk)
            size += len(inflater.decompress(chunk, budget + 1 - size))
            while inflater.unconsumed_tail and size <= budget:
                size += len(inflater.decompress(inflater.unconsumed_tail, budget + 1 - size))
    except zlib.error:
        pass  # not deflated, or damaged: the PDF reader decides
    return size


def check_time() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise too_slow()


def too_slow() -> TooCostly:
    return TooCostly("读取超时，已停止 / reading took longer than the limit and was stopped")


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Reading inside this block raises TooCostly once `seconds` (default: the limit per
    file) have passed, or an enclosing block's deadline, whichever comes first."""
    now = time.monotonic()
    outer = _deadline.get()
    deadline = now + (SECONDS_PER_FILE if seconds is None else seconds)
    deadline = deadline if outer is None else min(outer, deadline)
    token = _deadline.set(deadline)
    use_timer = threading.current_thread() is threading.main_thread() and hasattr(
        signal, "setitimer"
    )
    if use_timer:  # a second after the deadline, for code that does not check
        previous = signal.signal(signal.SIGALRM, _interrupt)
        outer_timer = signal.setitimer(signal.ITIMER_REAL, deadline - now + 1)[0]
    try:
        yield
    finally:
        if use_timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous or signal.SIG_DFL)
            if outer_timer:  # an enclosing block's timer goes on
                left = outer_timer - (time.monotonic() - now)
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
        _deadline.reset(token)


def _interrupt(signum, frame) -> None:
    raise too_slow()
