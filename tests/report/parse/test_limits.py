"""Decompression bombs and files no real report resembles are refused quickly, in bounded
memory, with a clear message (issue 14, defect 3: a 1.25 MB DOCX cost 14 GB and 230 s and
`gongkai parse` exited 0)."""

import io
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document

from gongkai.report.parse import TooCostly, UnreadableSource, limits, parse_report
from gongkai.report.parse.readers import read_bytes

CORPUS = Path(__file__).parent / "corpus"
WORD = CORPUS / "r4C2021_word.docx"
PARAGRAPH = (
    b"<w:p><w:r><w:t>" + "本年度共受理政府信息公开申请5件。".encode() * 20 + b"</w:t></w:r></w:p>"
)


def word_file(path: Path, megabytes: int) -> Path:
    """The corpus report with `megabytes` MB of paragraphs streamed into its document.xml."""
    chunk = PARAGRAPH * ((1 << 20) // len(PARAGRAPH) + 1)
    with zipfile.ZipFile(WORD) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, original.read(item.filename))
                continue
            head, tail = original.read(item.filename).split(b"<w:body>")
            with out.open("word/document.xml", "w", force_zip64=True) as stream:
                stream.write(head + b"<w:body>")
                for _ in range(megabytes):
                    stream.write(chunk)
                stream.write(tail)
    return path


@pytest.fixture(scope="module")
def docx_bomb(tmp_path_factory) -> Path:
    return word_file(tmp_path_factory.mktemp("bomb") / "report.docx", 300)


def test_gongkai_parse_refuses_a_docx_bomb_fast_in_bounded_memory(docx_bomb, run_gongkai):
    assert docx_bomb.stat().st_size < 3 * 1024 * 1024  # a small file that inflates to 300 MB
    started = time.monotonic()
    finished = run_gongkai("parse", str(docx_bomb))
    assert finished.returncode == 1
    assert "压缩炸弹" in finished.stderr and "zip bomb" in finished.stderr
    assert "Traceback" not in finished.stderr and finished.stdout == ""
    assert time.monotonic() - started < 15
    assert finished.peak_mb < 150


def test_a_member_that_inflates_beyond_its_declared_size_is_not_read_on():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        with zipfile.ZipFile(WORD) as original:
            for item in original.infolist():
                out.writestr(item, original.read(item.filename))
        out.writestr("word/media/filler.bin", b"\0" * (50 * 1024 * 1024))
    data = declare_size(archive.getvalue(), "word/media/filler.bin", 1000)
    with zipfile.ZipFile(io.BytesIO(data)) as lying:
        assert lying.getinfo("word/media/filler.bin").file_size == 1000
        with pytest.raises(zipfile.BadZipFile):  # stops at the declared 1000 bytes
            lying.read("word/media/filler.bin")
    assert parse_report(data, "report.docx").cells  # the document itself is still read


def declare_size(data: bytes, name: str, size: int) -> bytes:
    """The archive with the central directory declaring `size` bytes for `name`."""
    entry = data.rindex(b"PK\x01\x02", 0, data.rindex(name.encode()) + 1)
    return data[: entry + 24] + struct.pack("<I", size) + data[entry + 28 :]


def test_an_archive_of_too_many_parts_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as out:
        for number in range(limits.MAX_MEMBERS + 1):
            out.writestr(f"word/part{number}.xml", b"")
    with pytest.raises(TooCostly, match="zip bomb"):
        read_bytes(archive.getvalue(), ".docx")


def test_a_pdf_whose_streams_inflate_too_far_is_refused_before_pdfminer_reads_it():
    inflater = zlib.compressobj(9)
    stream = b"".join(inflater.compress(b"0 0 m " * 10_000) for _ in range(5_000))
    stream += inflater.flush()  # 300 MB of drawing operators, about 300 KB deflated
    head = b"%%PDF-1.4\n1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
    pdf = head + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    started = time.process_time()  # this process's CPU: a busy machine's waits do not count
    with pytest.raises(TooCostly, match="PDF"):
        parse_report(pdf, "report.pdf")
    assert time.process_time() - started < 10


def test_reading_stops_at_the_time_limit(tmp_path, monkeypatch):
    slow = word_file(tmp_path / "long.docx", 8)  # 8 MB of paragraphs: seconds to read
    monkeypatch.setattr(limits, "SECONDS_PER_FILE", 0.3)
    started = time.monotonic()
    with pytest.raises(TooCostly, match="超时"):
        parse_report(slow)
    assert time.monotonic() - started < 3


def test_the_deadline_is_also_checked_outside_the_main_thread(tmp_path, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    slow = word_file(tmp_path / "long.docx", 8)
    monkeypatch.setattr(limits, "SECONDS_PER_FILE", 0.3)
    with ThreadPoolExecutor(1) as pool, pytest.raises(TooCostly, match="超时"):
        pool.submit(parse_report, slow).result(timeout=30)


def test_a_file_larger_than_any_report_is_not_even_read(tmp_path, run_gongkai):
    huge = tmp_path / "report.txt"
    with huge.open("wb") as out:
        out.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: no disk used
    finished = run_gongkai("parse", str(huge))
    assert finished.returncode == 1 and "64 MB" in finished.stderr
    assert finished.peak_mb < 100


def test_a_binary_txt_file_exits_non_zero_with_a_reason(tmp_path, run_gongkai):
    binary = tmp_path / "report.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    finished = run_gongkai("parse", str(binary))
    assert finished.returncode == 1
    assert "二进制文件" in finished.stderr and "Traceback" not in finished.stderr
    with pytest.raises(UnreadableSource):
        read_bytes(binary.read_bytes(), ".txt")


@pytest.mark.parametrize("contents", [[], ["notes.xlsx", "photo.jpg", ".hidden.txt"]])
def test_a_folder_with_no_reports_exits_non_zero(tmp_path, run_gongkai, contents):
    for name in contents:
        (tmp_path / name).write_bytes(b"x")
    finished = run_gongkai("parse", str(tmp_path))
    assert finished.returncode == 1
    assert "没有找到报告文件" in finished.stderr and finished.stdout == ""


def test_text_in_utf16_with_its_byte_order_mark_is_no_binary_file():
    text = "一、总体情况\n本年度收到政府信息公开申请5件。"
    lines = read_bytes(text.encode("utf-16"), ".txt")
    assert lines[0].text == "一、总体情况"


def test_a_word_file_whose_header_claims_an_unknown_zip_version_is_unreadable(tmp_path):
    """zipfile answers NotImplementedError for a version it does not know: a damaged file
    says so, like every other damage, and raises nothing else."""
    document = Document()
    document.add_paragraph("2020年政府信息公开工作年度报告")
    buffer = io.BytesIO()
    document.save(buffer)
    data = bytearray(buffer.getvalue())
    directory = data.find(b"PK\x01\x02")
    while directory != -1:  # every central-directory entry: version needed to extract 19.3
        data[directory + 6 : directory + 8] = (193).to_bytes(2, "little")
        directory = data.find(b"PK\x01\x02", directory + 4)
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableSource, match="damaged"):
        parse_report(path)
