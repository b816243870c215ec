"""Importing an agency's previous 目录: legacy 索引号 kept as written, vocabularies matched by
name, every row checked with a precise Chinese error, nothing imported unless every row is
right — and the imported entries are public, searchable and never collide with new numbers."""

import io
import os
import time
from datetime import date

import pytest
from click.testing import CliRunner
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from openpyxl import Workbook

from gongkai.cli import main
from gongkai.web.catalog import search, tally
from gongkai.web.catalog.legacy_import import (
    Defaults,
    check_legacy_catalog,
    import_legacy_catalog,
)
from gongkai.web.catalog.listing import CatalogFilters
from gongkai.web.catalog.models import Entry, FormCategory, SubjectCategory
from gongkai.web.catalog.services import create_draft, ensure_chain
from gongkai.web.catalog.workflow import perform

HEADER = ["索引号", "名称", "发布日期", "生成日期", "文号", "主题分类", "体裁分类", "有效性",
          "关键词", "内容概述", "正文"]  # fmt: skip


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


@pytest.fixture
def today(monkeypatch):
    pinned = date(2026, 11, 23)
    monkeypatch.setattr(timezone, "localdate", lambda *args: pinned)
    return pinned


def csv_bytes(rows) -> bytes:
    lines = [",".join(f'"{cell}"' if "," in str(cell) else str(cell) for cell in row)
             for row in rows]  # fmt: skip
    return ("\n".join(lines) + "\n").encode("utf-8")


def row(index_no, title="青山县财政局关于做好2019年预算公开工作的通知", published="2019-03-05",
        **cells) -> list:  # fmt: skip
    values = {"生成日期": "", "文号": "", "主题分类": "财政、金融、审计", "体裁分类": "通知",
              "有效性": "有效", "关键词": "预算", "内容概述": "",
              "正文": "现将有关事项通知如下。"}  # fmt: skip
    values |= cells
    return [index_no, title, published, *(values[column] for column in HEADER[3:])]


def errors(result) -> list[str]:
    return [str(error) for error in result.errors]


def test_legacy_numbers_of_every_shape_are_kept_as_written(finance):
    rows = [
        HEADER,
        row("11320100014142345W/2019-00012", 文号="青财预〔2019〕3号", 生成日期="2019/2/28"),
        row("000014349/2020-00045", "关于公布2020年行政事业性收费目录的公告",
            "2020年4月1日", 体裁分类="公告", 有效性="已废止"),
        row("QX-CZJ-2018-001", "青山县财政局2017年部门决算", "20180620", 体裁分类="其他",
            有效性="失效", 正文="收入总计1021.3万元。"),
    ]  # fmt: skip
    result = import_legacy_catalog(csv_bytes(rows), "旧目录.csv", finance)

    assert result.ok, errors(result)
    assert result.created == 3
    entries = {e.index_no: e for e in Entry.objects.all()}
    assert set(entries) == {"11320100014142345W/2019-00012", "000014349/2020-00045",
                            "QX-CZJ-2018-001"}  # fmt: skip
    first = entries["11320100014142345W/2019-00012"]
    assert (first.state, first.index_imported, first.agency) == ("published", True, finance)
    assert (first.published_on, first.generated_on) == (date(2019, 3, 5), date(2019, 2, 28))
    assert first.doc_no == "青财预〔2019〕3号" and first.subject.name == "财政、金融、审计"
    assert first.form.name == "通知" and first.late_working_days is None
    fee = entries["000014349/2020-00045"]
    assert (fee.validity, fee.form.name, fee.generated_on) == ("repealed", "公告", date(2020, 4, 1))
    assert entries["QX-CZJ-2018-001"].validity == "expired"
    event = first.events.get()
    assert (event.action, event.comment) == ("import", "旧目录.csv 第2行")


def test_imported_entries_are_in_the_catalogue_and_found_by_search(client, finance):
    rows = [HEADER, row("QX-CZJ-2018-001", "青山县财政局2017年部门决算", "2018-06-20",
                        正文="部门决算收入总计1021.3万元。")]  # fmt: skip
    assert import_legacy_catalog(csv_bytes(rows), "old.csv", finance).ok

    assert tally.years() == [2018] and tally.count(CatalogFilters()) == 1
    assert "QX-CZJ-2018-001" in client.get("/catalog/").content.decode()
    found = search.search("部门决算")
    assert [r.entry.index_no for r in found.results] == ["QX-CZJ-2018-001"]


def test_an_xlsx_with_date_cells_and_numeric_numbers_is_read(finance):
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(row(2019000123, published=date(2019, 5, 6), 生成日期=date(2019, 5, 1)))
    buffer = io.BytesIO()
    book.save(buffer)

    result = import_legacy_catalog(buffer.getvalue(), "export.xlsx", finance)

    assert result.ok, errors(result)
    entry = Entry.objects.get()
    assert (entry.index_no, entry.published_on, entry.generated_on) == (
        "2019000123", date(2019, 5, 6), date(2019, 5, 1))  # fmt: skip


def test_every_wrong_row_is_reported_in_chinese_and_nothing_is_imported(finance, today):
    Entry.objects.create(agency=finance, title="已有", generated_on=date(2020, 1, 1),
                         published_on=date(2020, 1, 1), state="published",
                         index_no="OLD-1")  # fmt: skip
    rows = [
        HEADER,
        row("A-1"),
        row(""),
        row("A-1"),
        row("OLD-1"),
        row("X" * 51),
        row("索引-\x072"),
        row("A-3", 主题分类="财政预决算"),
        row("A-4", 体裁分类="简报"),
        row("A-5", published="2019-02-30"),
        row("A-6", published="2027-01-01"),
        row("A-7", 有效性="暂停"),
        row("A-8", published="2019-03-05", 生成日期="2019-04-01"),
        row("A-9", title=""),
    ]
    result = import_legacy_catalog(csv_bytes(rows), "old.csv", finance)

    assert errors(result) == [
        "第3行：索引号为空。",
        "第4行：索引号A-1与第2行重复。",
        "第5行：索引号OLD-1已在目录中。",
        f"第6行：索引号{'X' * 51}超过50个字符。",
        "第7行：索引号索引-\\x072含有控制字符。",
        "第8行：未知的主题分类：财政预决算。",
        "第9行：未知的体裁分类：简报。",
        "第10行：发布日期2019-02-30不是有效日期。",
        "第11行：发布日期2027-01-01晚于今天。",
        "第12行：未知的有效性“暂停”，应为有效、失效或废止。",
        "第13行：生成日期晚于发布日期。",
        "第14行：名称为空。",
    ]
    assert result.created == 0 and Entry.objects.count() == 1


def test_a_file_without_the_required_columns_is_refused(finance):
    result = import_legacy_catalog(csv_bytes([["标题", "日期"], ["通知", "2020-01-01"]]), "x.csv",
                                   finance)  # fmt: skip
    assert errors(result) == ["缺少列：索引号、发布日期。"]


def test_unknown_vocabulary_names_take_the_configured_defaults(finance):
    other_subject = SubjectCategory.objects.get(name="其他", agency=None)
    other_form = FormCategory.objects.get(name="其他", agency=None)
    rows = [HEADER, row("A-1", 主题分类="财政预决算", 体裁分类="简报"), row("A-2", 主题分类="")]
    result = import_legacy_catalog(csv_bytes(rows), "old.csv", finance,
                                   defaults=Defaults(other_subject, other_form))  # fmt: skip
    assert result.ok, errors(result)
    first, second = Entry.objects.order_by("index_no")
    assert (first.subject, first.form) == (other_subject, other_form)
    assert second.subject == other_subject and second.form.name == "通知"


def test_rows_may_name_agencies_below_the_importing_one_only(county, finance, neighbour):
    rows = [[*HEADER, "发布机构"], [*row("A-1"), "青山县财政局"], [*row("A-2"), ""],
            [*row("A-3"), "白水县人民政府"]]  # fmt: skip
    result = check_legacy_catalog(csv_bytes(rows), "old.csv", county)
    assert errors(result) == ["第4行：未知机关白水县人民政府，或您无权为该机关录入数据。"]
    assert [r.entry.agency for r in result.entries] == [finance, county]


def test_new_numbers_continue_after_the_imported_series(finance, alice, frank, today):
    rows = [HEADER, row(f"{finance.code}/2026-00007", published="2026-10-09")]
    assert import_legacy_catalog(csv_bytes(rows), "old.csv", finance).ok
    Entry.objects.create(agency=finance, title="手工录入", generated_on=today, published_on=today,
                         state="published", index_no=f"{finance.code}/2026-00008")  # fmt: skip

    ensure_chain(finance)
    draft = create_draft(finance, alice, title="新通知", generated_on=date(2026, 11, 20))
    perform(draft, "submit", alice)
    perform(draft, "review", frank, passed=True, disclosure_mode="proactive")
    for _step in finance.approval_steps.all():
        entry = perform(draft, "approve", frank)

    assert entry.index_no == f"{finance.code}/2026-00009"


def test_only_an_administrator_of_the_agency_may_import(finance, alice, dave):
    rows = csv_bytes([HEADER, row("A-1")])
    with pytest.raises(PermissionDenied):
        import_legacy_catalog(rows, "old.csv", finance, alice)
    assert import_legacy_catalog(rows, "old.csv", finance, dave).ok
    assert Entry.objects.get().events.get().actor == dave


def test_the_staff_page_previews_then_imports_on_confirmation(client, finance, dave):
    client.force_login(dave)
    upload = SimpleUploadedFile("旧目录.csv", csv_bytes([HEADER, row("QX-CZJ-2018-001")]))
    preview = client.post("/work/catalog/import/", {"agency": finance.pk, "file": upload})

    html = preview.content.decode()
    assert "旧目录.csv：全部 1 行正确，可以导入。" in html and "QX-CZJ-2018-001" in html
    assert not Entry.objects.exists()

    done = client.post("/work/catalog/import/", {"commit": "1"}, follow=True)
    assert "从旧目录.csv导入了 1 条信息。" in done.content.decode()
    assert Entry.objects.get().index_no == "QX-CZJ-2018-001"
    again = client.post("/work/catalog/import/", {"commit": "1"}, follow=True)
    assert "没有等待导入的文件" in again.content.decode() and Entry.objects.count() == 1


def test_the_staff_page_lists_the_errors_per_row(client, finance, dave):
    client.force_login(dave)
    upload = SimpleUploadedFile("old.csv", csv_bytes([HEADER, row("A-1"), row("A-1")]))
    html = client.post("/work/catalog/import/", {"agency": finance.pk, "file": upload})
    assert "第3行：索引号A-1与第2行重复。" in html.content.decode()
    assert client.post("/work/catalog/import/", {"commit": "1"}).status_code == 302
    assert not Entry.objects.exists()


def test_a_clerk_cannot_open_the_import_page(client, alice):
    client.force_login(alice)
    assert client.get("/work/catalog/import/").status_code == 403


def test_the_command_imports_a_file_or_reports_its_errors(finance, tmp_path):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(csv_bytes([HEADER, row("QX-CZJ-2018-001"), row("QX-CZJ-2018-002")]))
    bad.write_bytes(csv_bytes([HEADER, row("QX-1", 主题分类="财政预决算")]))
    runner = CliRunner()

    checked = runner.invoke(main, ["catalog", "import", str(good), "--agency", finance.code,
                                   "--check"])  # fmt: skip
    assert checked.exit_code == 0 and not Entry.objects.exists()
    failed = runner.invoke(main, ["catalog", "import", str(bad), "--agency", finance.code])
    assert failed.exit_code == 1 and "第2行：未知的主题分类：财政预决算。" in failed.output
    defaulted = runner.invoke(main, ["catalog", "import", str(bad), "--agency", finance.code,
                                     "--default-subject", "其他"])  # fmt: skip
    assert defaulted.exit_code == 0, defaulted.output
    imported = runner.invoke(main, ["catalog", "import", str(good), "--agency", finance.code])
    assert imported.exit_code == 0 and "已导入 2 条" in imported.output
    assert Entry.objects.count() == 3
    unknown = runner.invoke(main, ["catalog", "import", str(good), "--agency", "nobody"])
    assert unknown.exit_code == 2


def test_files_checked_but_never_imported_are_swept_after_a_day(client, finance, dave, settings,
                                                                tmp_path):  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    client.force_login(dave)
    upload = SimpleUploadedFile("old.csv", csv_bytes([HEADER, row("A-1")]))
    client.post("/work/catalog/import/", {"agency": finance.pk, "file": upload})
    (abandoned,) = (tmp_path / "catalog/imports").iterdir()
    os.utime(abandoned, (time.time() - 2 * 86400,) * 2)

    other = client_for(dave)
    upload = SimpleUploadedFile("new.csv", csv_bytes([HEADER, row("A-2")]))
    other.post("/work/catalog/import/", {"agency": finance.pk, "file": upload})

    assert not abandoned.exists() and len(list((tmp_path / "catalog/imports").iterdir())) == 1


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client
