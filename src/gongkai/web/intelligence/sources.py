"""What an import reads: the files named, the report files in each folder, the report files
inside each zip archive — one (name, bytes) at a time, so memory stays flat however many.

A zip archive is a stranger's file: only the sizes its members declare are trusted (Python's
zipfile never inflates a member beyond them), each member at most the parser's file limit,
and at most `MAX_ARCHIVE_MEMBERS` of them. No Django here.
"""

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gongkai.report.parse.limits import MAX_FILE_BYTES
from gongkai.report.parse.readers import READERS

ARCHIVES = (".zip",)
MAX_ARCHIVE_MEMBERS = 100_000


@dataclass(frozen=True)
class Source:
    name: str  # the path as given, or archive.zip/member
    data: bytes | None
    error: str = ""  # why it cannot be imported (data is None)


def is_report_name(name: str) -> bool:
    path = PurePosixPath(name)
    hidden = any(part.startswith((".", "__MACOSX")) for part in path.parts)
    return path.suffix.lower() in READERS and not hidden


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Every report file of the paths: files as named, folders walked (sorted), archives
    opened; a path that is none of these is a Source with its error."""
    for path in map(Path, paths):
        if path.is_dir():
            for inner in sorted(p for p in path.rglob("*") if p.is_file()):
                if is_report_name(str(inner)) or inner.suffix.lower() in ARCHIVES:
                    yield from from_file(inner)
        else:
            yield from from_file(path)


def from_file(path: Path) -> Iterator[Source]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES and path.suffix.lower() not in ARCHIVES:
            yield Source(str(path), None, f"超过 {MAX_FILE_BYTES // 2**20} MB / too large")
            return
        data = path.read_bytes()
    except OSError as error:
        yield Source(str(path), None, error.strerror or str(error))
        return
    yield from from_bytes(str(path), data)


def from_bytes(name: str, data: bytes) -> Iterator[Source]:
    """An uploaded or read file: an archive's report files, or the file itself."""
    if PurePosixPath(name).suffix.lower() in ARCHIVES:
        yield from from_archive(name, data)
    elif is_report_name(name):
        yield Source(name, data)
    else:
        yield Source(
            name,
            None,
            "只能导入文本、网页、Word（.docx）、PDF 文件或 zip 压缩包 "
            "/ not a text, HTML, DOCX, PDF or zip file",
        )


def from_archive(name: str, data: bytes) -> Iterator[Source]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir() and is_report_name(m.filename)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        yield Source(name, None, f"压缩包已损坏 / damaged zip archive: {error}")
        return
    if len(members) > MAX_ARCHIVE_MEMBERS:
        yield Source(name, None, f"超过 {MAX_ARCHIVE_MEMBERS} 个文件 / too many files")
        return
    for member in sorted(members, key=lambda m: m.filename):
        yield member_source(archive, member, f"{name}/{member.filename}")


def member_source(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> Source:
    if member.file_size > MAX_FILE_BYTES:
        return Source(name, None, f"超过 {MAX_FILE_BYTES // 2**20} MB / too large")
    try:
        return Source(name, archive.read(member))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, RuntimeError) as error:
        return Source(name, None, f"无法解压 / cannot be extracted: {error}")
