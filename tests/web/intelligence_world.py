"""A published report imported for an agency, made directly (no parser): for the tests that
need one to exist — the access matrix, the API, the review pages."""

from decimal import Decimal

from gongkai.web.intelligence.models import Figure, Match, PublishedReport

DOCUMENT = {
    "format": "gongkai.report/1",
    "generation": "C",
    "year": 2024,
    "cells": {"s3.new.total": 3, "s3.new.natural": 2, "s3.new.commercial": 1},
    "provenance": {"s3.new.total": {"line": 2, "text": "一、本年新收政府信息公开申请数量",
                                    "value": "3", "confidence": "ambiguous"}},
}  # fmt: skip


def published_report(agency=None, name="青山县财政局", sha="0" * 64) -> PublishedReport:
    report = PublishedReport.objects.create(
        sha256=sha[:64], source_name="report.txt", document=DOCUMENT, generation="C",
        year=2024, agency_name=name, agency=agency,
        match=Match.TREE if agency else Match.EXTERNAL,
        source_lines=[["2024年度报告", {"line": 1}], ["一、本年新收 | 3", {"line": 2}]],
        review_items=1,
    )  # fmt: skip
    for key, value in DOCUMENT["cells"].items():
        confidence = "ambiguous" if key == "s3.new.total" else "printed"
        Figure.objects.create(report=report, agency=agency, year=2024, generation="C", key=key,
                              value=Decimal(value), confidence=confidence)  # fmt: skip
    return report
