"""Policy documents and interpretations for the interpretation tests: 财政局's 行政规范性文件
published on Tuesday 10 November 2026, and helpers that write records as staff would."""

from datetime import date

from tests.web.conftest import make_person
from tests.web.test_catalog_pages import entry as published_entry

from gongkai.web.catalog.models.entries import FormCategory
from gongkai.web.interpretations import workflow
from gongkai.web.interpretations.models import Interpretation, Kind

PUBLISHED_ON = date(2026, 11, 10)  # a Tuesday with no holiday near it
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def policy_document(agency, title="青山县县级财政专项资金管理办法", **fields):
    form, _ = FormCategory.objects.get_or_create(name="行政规范性文件", agency=None)
    fields = {"form": form, "published_on": PUBLISHED_ON, "doc_no": "青财发〔2026〕6号"} | fields
    return published_entry(agency, title, **fields)


def reviewer_at(agency, username="heidi"):
    return make_person(username, "何迪", agency, "reviewer")


def written(agency, clerk, entry=None, **fields) -> Interpretation:
    """A draft written through the workflow (a text interpretation unless told)."""
    fields = {"kind": Kind.TEXT, "title": "《青山县县级财政专项资金管理办法》解读",
              "body": "一、制定背景……二、主要内容……"} | fields  # fmt: skip
    return workflow.create(agency, clerk, entry=entry, **fields)


def published(agency, clerk, reviewer, entry=None, on=PUBLISHED_ON, **fields) -> Interpretation:
    return workflow.publish(written(agency, clerk, entry, **fields), reviewer, on=on)


def matrix_objects(objects: dict, clerk, reviewer) -> dict:
    """The access matrix's objects of one agency (tests/web/test_access_matrix.py) with a
    published illustrated interpretation of its entry, a draft, and the agency's setting."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.web.interpretations.models import InterpretationSetting

    agency, entry = objects["agency"], objects["entry"]
    image = SimpleUploadedFile("图解.png", PNG, content_type="image/png")
    shown = published(agency, clerk, reviewer, entry, kind=Kind.GRAPHIC, image=image)
    admin = {"interpretations.interpretation": shown,
             "interpretations.interpretationsetting": InterpretationSetting.objects.create(
                 agency=agency)}  # fmt: skip
    draft = written(agency, clerk, entry)
    return objects | {"interpretation": shown, "interpretation_draft": draft,
                      "admin": objects["admin"] | admin}  # fmt: skip
