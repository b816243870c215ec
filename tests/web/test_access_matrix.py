"""Who may open what: every page of the URL configuration (the admin's included) and every
operation of the JSON API, for every role, on objects of the user's own agency (or the
supervised subtree) and of another agency — against a table written down here.

A URL name or an API operation that the table does not name fails
test_every_page_and_operation_is_in_the_table, naming it: a new page needs its row.

Outcomes: ALLOW is any 2xx/3xx the view gives, or the 400/422 of its own checks of what was
sent (a POST with an empty form reached the view); DENY is 403 or 404; LOGIN is the
anonymous visitor sent to log in (or 401 from the API). Whether a role may take a particular
step (approve, decide…) is the workflows' business and tested there; this table is about
reaching pages and objects (one API row sends a valid step, and names who may take it).
"""

from dataclasses import dataclass, field, replace
from datetime import date

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from tests.web.conftest import make_agency, make_person
from tests.web.intelligence_world import published_report
from tests.web.interpretations_world import matrix_objects
from tests.web.test_catalog_pages import entry as published_entry
from tests.web.test_catalog_registry import issue as issue_document

from gongkai.web.agencies.models import Membership
from gongkai.web.agencies.roles import AgencyLevel
from gongkai.web.annualreports.models import AnnualReport
from gongkai.web.appeals import workflow as appeals
from gongkai.web.appeals.models import AppealDocument
from gongkai.web.applications import signoff
from gongkai.web.applications.models import Attachment
from gongkai.web.applications.workflow import perform, submit
from gongkai.web.catalog.models.entries import EntryAttachment
from gongkai.web.catalog.models.registry import YearlyFigure
from gongkai.web.intelligence.models import ExternalAgency, ImportRun
from gongkai.web.kiosk.models import ReadingPoint
from gongkai.web.mailbox import workflow as mailbox
from gongkai.web.mailbox.models import MailboxPolicy

ANONYMOUS, CLERK, REVIEWER, HEAD = "anonymous", "clerk", "reviewer", "head"
ADMIN, SUPERVISOR, SUPERUSER, ROLELESS = "admin", "supervisor", "superuser", "roleless"
EVERYONE = frozenset({ANONYMOUS, CLERK, REVIEWER, HEAD, ADMIN, SUPERVISOR, SUPERUSER, ROLELESS})
VIEWERS = frozenset({CLERK, REVIEWER, HEAD, ADMIN, SUPERVISOR, SUPERUSER})
SIGNED_IN = VIEWERS | {ROLELESS}
HANDLERS = frozenset({CLERK, REVIEWER, HEAD, SUPERUSER})
MANAGERS = frozenset({ADMIN, SUPERUSER})
IMPORTERS = HANDLERS | {SUPERVISOR}  # an agency's own staff, or the office that collects
ANALYSTS = frozenset({SUPERVISOR, SUPERUSER})  # published reports: the supervising offices
ONLY_SUPERUSER = frozenset({SUPERUSER})
SUPERVISORS = frozenset({SUPERVISOR, SUPERUSER})
NOBODY = frozenset()
ALLOW, DENY, LOGIN = "allow", "deny", "login"
OWN, OTHER = "own", "other"  # finance: own agency (the supervisor's subtree); neighbour: other
YEAR = 2025


@dataclass(frozen=True)
class Row:
    """Who may open a page. `on`: the URL's arguments for an object of the target agency
    (None: the page has no object). Staff pages and objects answer LOGIN to the anonymous."""

    who: frozenset
    on: object = None
    method: str = "get"
    data: dict = field(default_factory=dict)
    login_first: bool = True  # False: the anonymous are refused like anyone, not sent to log in
    args: dict = field(default_factory=dict)  # the arguments of a URL without an object


def case(w, t):
    return {"pk": w[t]["case"].pk}


def entry(w, t):
    return {"pk": w[t]["entry"].pk}


def appeal(w, t):
    return {"pk": w[t]["appeal"].pk}


def report(w, t):
    return {"code": w[t]["agency"].code, "year": YEAR}


def agency(w, t):
    return {"code": w[t]["agency"].code}


def interpretation(w, t):
    return {"pk": w[t]["interpretation"].pk}


def interpretation_image(w, t):
    return interpretation(w, t) | {"which": "image"}


def draft_interpretation(w, t):
    return {"pk": w[t]["interpretation_draft"].pk}


def point(w, t):
    return {"code": w[t]["admin"]["kiosk.readingpoint"].code}


def published(w, t):
    return {"pk": w[t]["published_report"].pk}


def open_data_file(w, t):
    """A large open-data file already written on the task runner (export_jobs.py)."""
    from django.core.files.base import ContentFile

    from gongkai.web.intelligence.models import OpenDataExport, RunState

    job, _ = OpenDataExport.objects.get_or_create(
        token="matrix",
        fmt="csv",
        defaults={"state": RunState.DONE, "file": ContentFile(b"source\n", name="matrix.csv")},
    )
    return {"token": job.token}


PAGES = {
    # the public portal: every visitor, any agency
    "home": Row(EVERYONE),
    "agency": Row(EVERYONE, agency),
    "application-apply": Row(EVERYONE, agency),
    "application-receipt": Row(EVERYONE, lambda w, t: {"query_code": w[t]["case"].query_code}),
    "application-track": Row(EVERYONE),
    "application-status": Row(EVERYONE, lambda w, t: {"query_code": w[t]["case"].query_code}),
    # A letter opens only under the key the applicant's second factor gives (second_factor.py).
    "application-public-letter": Row(NOBODY, lambda w, t: {
        "query_code": w[t]["case"].query_code, "letter_id": w[t]["case"].letters.first().pk},
        login_first=False),
    "catalog": Row(EVERYONE),
    "agency-choices": Row(EVERYONE),  # every agency's name and code, public as on the portal
    "catalog-entry": Row(EVERYONE, entry),
    "catalog-attachment": Row(EVERYONE, lambda w, t: entry(w, t) | {
        "attachment_id": w[t]["entry_file"].pk}),
    "catalog-guide": Row(EVERYONE, agency),
    "catalog-article20": Row(EVERYONE, agency),
    "catalog-feed": Row(EVERYONE, agency),
    "catalog-annual-reports": Row(EVERYONE),
    "catalog-agency-annual-reports": Row(EVERYONE, agency),
    "sitemap-index": Row(EVERYONE),
    "sitemap": Row(EVERYONE, lambda w, t: {"section": "entries"}),
    "annual-report-public": Row(EVERYONE, report),
    "annual-report-version": Row(EVERYONE, lambda w, t: report(w, t) | {"number": 1}),
    # 政策解读 and 回应关切: the column, each published record and its image
    "interpretations": Row(EVERYONE),
    "interpretation": Row(EVERYONE, interpretation),
    "interpretation-file": Row(EVERYONE, interpretation_image),
    # the 政民互动 mailbox: asking, the receipt, tracking, the published questions
    "mailbox": Row(EVERYONE),
    "mailbox-agency": Row(EVERYONE, agency),
    "mailbox-ask": Row(EVERYONE, agency),
    "mailbox-question": Row(EVERYONE, lambda w, t: {"pk": w[t]["question"].pk}),
    "mailbox-receipt": Row(EVERYONE, lambda w, t: {"query_code": w[t]["question"].query_code}),
    "mailbox-track": Row(EVERYONE),
    "mailbox-status": Row(EVERYONE, lambda w, t: {"query_code": w[t]["question"].query_code}),
    # the kiosk of a 查阅点: anyone at the screen, no login
    "kiosk": Row(EVERYONE, lambda w, t: point(w, t)),
    "kiosk-keyboard": Row(EVERYONE, lambda w, t: point(w, t)),
    "kiosk-catalog": Row(EVERYONE, lambda w, t: point(w, t)),
    "kiosk-entry": Row(EVERYONE, lambda w, t: point(w, t) | entry(w, t)),
    "kiosk-guide": Row(EVERYONE, lambda w, t: point(w, t)),
    "kiosk-reset": Row(EVERYONE, lambda w, t: point(w, t)),
    "login": Row(EVERYONE),
    "logout": Row(EVERYONE, method="post"),
    "set_language": Row(EVERYONE, method="post", data={"language": "zh-hans", "next": "/"}),
    "display-toggle": Row(EVERYONE, method="post", data={"mode": "large-text", "next": "/"}),
    # the 使用手册 (docs/manual/): for everyone, the citizen's chapter and the staff's alike
    "manual": Row(EVERYONE),
    "manual-chapter": Row(EVERYONE, args={"slug": "clerk"}),
    "manual-image": Row(EVERYONE, args={"name": "clerk-inbox.png"}),
    # 扫一扫在手机打开: the QR code of a public page of this site (portal/qr_codes.py)
    "qr-code": Row(EVERYONE, data={"path": "/"}),
    "favicon": Row(EVERYONE),
    # the portal's choosers: an agency's page, 指南 or application form (portal/directory.py)
    "agency-directory": Row(EVERYONE),
    "portal-guide": Row(EVERYONE),
    "portal-apply": Row(EVERYONE),
    "api:openapi-json": Row(EVERYONE),
    "api:openapi-view": Row(EVERYONE),
    "api:api-root": Row(NOBODY, login_first=False),  # nothing there: 404 for everyone
    # staff pages without an object: scoped lists, or forms for those who may use them
    "workbench": Row(SIGNED_IN),
    "agency-choices-staff": Row(SIGNED_IN),  # the user's own agencies (none for the roleless)
    "application-inbox": Row(SIGNED_IN),
    "application-new": Row(HANDLERS),
    "catalog-staff": Row(SIGNED_IN),
    "catalog-staff-new": Row(HANDLERS),
    "catalog-import": Row(MANAGERS),
    "catalog-staff-legacy-import": Row(MANAGERS),
    "appeal-docket": Row(SIGNED_IN),
    "appeal-new": Row(HANDLERS),
    "annual-report-index": Row(SIGNED_IN),
    "kiosk-staff": Row(SIGNED_IN),  # the user's agencies' 查阅点 (none for the roleless)
    "privacy-applicant-data": Row(HANDLERS),
    "interpretation-staff": Row(SIGNED_IN),
    "interpretation-staff-new": Row(HANDLERS),
    "interpretation-staff-counts": Row(VIEWERS),
    "mailbox-inbox": Row(SIGNED_IN),
    # a case, an entry, an appeal, a report of the target agency
    "application-case": Row(VIEWERS, case),
    "application-action": Row(VIEWERS, lambda w, t: case(w, t) | {"action": "extend"},
                              method="post"),
    "application-letter": Row(VIEWERS, lambda w, t: case(w, t) | {
        "letter_id": w[t]["letter"].pk, "fmt": "docx"}),
    "application-service-proof": Row(VIEWERS, lambda w, t: case(w, t) | {
        "letter_id": w[t]["letter"].pk, "fmt": "docx"}),
    "application-attachment": Row(VIEWERS, lambda w, t: case(w, t) | {
        "attachment_id": w[t]["case_file"].pk}),
    # the draft 答复书 of a case in sign-off: whoever may open the case reads it
    "application-draft-letter": Row(VIEWERS, lambda w, t: {
        "pk": w[t]["draft_case"].pk, "fmt": "docx"}),
    # an agency's sign-off chain is set by its administrator
    "application-sign-off-chains": Row(MANAGERS),
    "application-sign-off": Row(MANAGERS, agency),
    # the supervising office's figures of its subtree, and its 督办 to an agency there
    "supervision": Row(SUPERVISORS),
    "supervision-remind": Row(SUPERVISORS, agency, method="post"),
    # a mailbox question: its agency's staff (answering is the workflow's business)
    "mailbox-staff-question": Row(VIEWERS, lambda w, t: {"pk": w[t]["question"].pk}),
    "mailbox-action": Row(VIEWERS, lambda w, t: {"pk": w[t]["question"].pk,
                                                 "action": "unpublish"}, method="post"),
    # an interpretation: its agency's staff; a draft is edited by its handlers
    "interpretation-staff-page": Row(VIEWERS, interpretation),
    "interpretation-staff-edit": Row(HANDLERS, draft_interpretation),
    "interpretation-staff-file": Row(VIEWERS, interpretation_image),
    "interpretation-staff-action": Row(VIEWERS, lambda w, t: interpretation(w, t) | {
        "action": "withdraw"}, method="post"),
    "catalog-staff-entry": Row(VIEWERS, entry),
    "catalog-staff-edit": Row(HANDLERS, entry),
    "catalog-staff-channel": Row(HANDLERS, entry, method="post"),
    "catalog-staff-upload": Row(HANDLERS, entry, method="post"),
    "catalog-staff-action": Row(VIEWERS, lambda w, t: entry(w, t) | {"action": "withdraw"},
                                method="post"),
    "appeal-case": Row(VIEWERS, appeal),
    "appeal-edit": Row(HANDLERS, appeal),
    "appeal-document": Row(VIEWERS, lambda w, t: appeal(w, t) | {
        "document_id": w[t]["appeal_file"].pk}),
    "appeal-step": Row(VIEWERS, lambda w, t: appeal(w, t) | {"action": "decide"},
                       method="post"),
    "annual-report": Row(VIEWERS, report),
    "annual-report-start": Row(VIEWERS, report, method="post"),
    "annual-report-draft": Row(VIEWERS, lambda w, t: report(w, t) | {"fmt": "json"}),
    "annual-report-cell": Row(VIEWERS, lambda w, t: report(w, t) | {
        "key": "s3.new.natural"}),
    "annual-report-action": Row(VIEWERS, lambda w, t: report(w, t) | {"action": "edit"},
                                method="post"),
    "annual-report-import": Row(IMPORTERS, agency),
    "annual-report-import-confirm": Row(IMPORTERS, agency, method="post"),
    "annual-report-type": Row(IMPORTERS, lambda w, t: agency(w, t) | {"year": 2023}),
    "annual-report-type-check": Row(IMPORTERS, lambda w, t: agency(w, t) | {"year": 2023},
                                    method="post"),
    # published reports: open data for everyone, the work for the supervising offices; a
    # report of an agency of the tree only for its own office, an import run for its starter
    "published-reports-export": Row(EVERYONE, args={"fmt": "csv"}),
    "published-reports-dictionary": Row(EVERYONE),
    "published-reports-export-job": Row(EVERYONE, open_data_file),
    "published-reports-export-file": Row(EVERYONE, open_data_file),
    # comparisons of published reports: public, like the figures they read
    "published-reports-compared": Row(EVERYONE),
    "published-reports-compare": Row(EVERYONE, lambda w, t: {
        "before": w[t]["published_report"].pk, "after": w[t]["published_report"].pk}),
    "published-reports-peers": Row(EVERYONE, published),
    "published-reports-agency": Row(EVERYONE, agency),
    "published-reports-previous-year": Row(EVERYONE, lambda w, t: agency(w, t) | {"year": 2024}),
    "published-reports-external": Row(EVERYONE, lambda w, t: {
        "pk": ExternalAgency.objects.get_or_create(name="濉溪县财政局", region="濉溪县",
                                                   level=AgencyLevel.COUNTY_DEPARTMENT)[0].pk}),
    # charts of the published reports: public, read-only
    "published-report-charts": Row(EVERYONE),
    "published-report-chart": Row(EVERYONE, args={"slug": "ranking"}),
    "published-report-chart-export": Row(EVERYONE, args={"slug": "failures", "fmt": "xlsx"}),
    "published-reports": Row(ANALYSTS),
    "published-reports-import": Row(ANALYSTS),
    "published-reports-run": Row(ANALYSTS, lambda w, t: {"pk": w[t]["import_run"].pk}),
    "published-reports-matches": Row(ANALYSTS),
    "published-reports-match": Row(ANALYSTS, published, method="post"),
    "published-reports-queue": Row(ANALYSTS),
    "published-reports-review": Row(ANALYSTS, published),
    "published-reports-correct": Row(ANALYSTS, lambda w, t: published(w, t) | {
        "key": "s3.new.total"}, method="post"),
    # the audit of a year's reports below an office: the supervising offices, their subtree
    "report-audits": Row(SUPERVISORS),
    "report-audit": Row(SUPERVISORS, lambda w, t: agency(w, t) | {"year": YEAR}),
    "report-audit-xlsx": Row(SUPERVISORS, lambda w, t: agency(w, t) | {"year": YEAR}),
    "report-audit-agency": Row(SUPERVISORS, lambda w, t: agency(w, t) | {
        "year": YEAR, "unit": w[t]["unit"].code}),
    "report-audit-opinion": Row(SUPERVISORS, lambda w, t: agency(w, t) | {
        "year": YEAR, "unit": w[t]["unit"].code, "fmt": "docx"}),
    # the admin's own pages
    "admin:index": Row(SIGNED_IN),
    "admin:login": Row(EVERYONE),
    "admin:logout": Row(EVERYONE, method="post"),
    "admin:password_change": Row(SIGNED_IN),
    "admin:password_change_done": Row(SIGNED_IN),
    "admin:jsi18n": Row(SIGNED_IN),
    "admin:autocomplete": Row(MANAGERS, data={"app_label": "agencies", "model_name":
                                              "membership", "field_name": "user"}),
    # no model here has a public URL: every signed-in user is told so
    "admin:view_on_site": Row(NOBODY, lambda w, t: {
        "content_type_id": ContentType.objects.get_for_model(w[t]["agency"]).pk,
        "object_id": w[t]["agency"].pk}),
    "admin:app_list": Row(VIEWERS, args={"app_label": "agencies"}),
}  # fmt: skip


@dataclass(frozen=True)
class AdminModel:
    """Who may open each admin page of a model; `owned`: its objects belong to an agency
    (else one global object is used for both targets)."""

    changelist: frozenset
    add: frozenset
    change: frozenset
    delete: frozenset
    owned: bool = True


READ_ONLY_SCOPED = AdminModel(VIEWERS, NOBODY, VIEWERS, NOBODY)
SUPERUSERS_ONLY = AdminModel(ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER, ONLY_SUPERUSER,
                             owned=False)  # fmt: skip
SUPERUSERS_READ = AdminModel(ONLY_SUPERUSER, NOBODY, ONLY_SUPERUSER, NOBODY, owned=False)
# a lockout is lifted by deleting its record
LOCKOUTS = AdminModel(ONLY_SUPERUSER, NOBODY, ONLY_SUPERUSER, ONLY_SUPERUSER, owned=False)
ADMIN_MODELS = {
    "agencies.agency": AdminModel(VIEWERS, ONLY_SUPERUSER, VIEWERS, ONLY_SUPERUSER),
    "agencies.membership": AdminModel(VIEWERS, MANAGERS, VIEWERS, MANAGERS),
    "agencies.user": AdminModel(MANAGERS, MANAGERS, MANAGERS, ONLY_SUPERUSER),
    "applications.application": READ_ONLY_SCOPED,
    "catalog.normativedocument": AdminModel(VIEWERS, MANAGERS, VIEWERS, MANAGERS),
    "catalog.yearlyfigure": AdminModel(VIEWERS, MANAGERS, VIEWERS, NOBODY),
    "appeals.appeal": READ_ONLY_SCOPED,
    "annualreports.annualreport": READ_ONLY_SCOPED,
    "kiosk.readingpoint": AdminModel(VIEWERS, MANAGERS, VIEWERS, MANAGERS),
    "interpretations.interpretation": READ_ONLY_SCOPED,
    "interpretations.interpretationsetting": AdminModel(VIEWERS, MANAGERS, VIEWERS, MANAGERS),
    "mailbox.mailboxpolicy": AdminModel(VIEWERS, MANAGERS, VIEWERS, MANAGERS),
    "auth.group": SUPERUSERS_ONLY,
    "workcalendar.officialschedule": SUPERUSERS_ONLY,
    "django_tasks_database.dbtaskresult": SUPERUSERS_READ,
    "axes.accessattempt": LOCKOUTS,
    "axes.accesslog": LOCKOUTS,
    "axes.accessfailurelog": LOCKOUTS,
    "jobs.notification": SUPERUSERS_READ,
    "jobs.scheduledrun": SUPERUSERS_READ,
    "jobs.workerheartbeat": SUPERUSERS_READ,
}


def admin_rows() -> dict[str, Row]:
    rows = {}
    for model, spec in ADMIN_MODELS.items():
        app, name = model.split(".")
        prefix = f"admin:{app}_{name}"

        def target(w, t, model=model, owned=spec.owned):
            return {"object_id": w[t if owned else OWN]["admin"][model].pk}

        rows[f"{prefix}_changelist"] = Row(spec.changelist)
        rows[f"{prefix}_add"] = Row(spec.add)
        rows[f"{prefix}_change"] = Row(spec.change, target)
        rows[f"{prefix}_history"] = Row(spec.change, target)
        rows[f"{prefix}_delete"] = Row(spec.delete, target)
    rows["admin:auth_user_password_change"] = Row(
        MANAGERS, lambda w, t: {"id": w[t]["admin"]["agencies.user"].pk}
    )
    return rows


# --- the API, from its OpenAPI document: (method, path) -> who --------------------------------

OPERATIONS = {
    ("get", "/api/health"): Row(EVERYONE),
    ("get", "/api/agencies"): Row(EVERYONE),
    ("get", "/api/agencies/{code}"): Row(EVERYONE, agency),
    ("post", "/api/v1/applications"): Row(EVERYONE, data={}),
    ("get", "/api/v1/applications"): Row(SIGNED_IN),
    ("get", "/api/v1/applications/track/{query_code}"): Row(EVERYONE, lambda w, t: {
        "query_code": w[t]["case"].query_code}),
    ("post", "/api/v1/applications/{case_id}/actions/{action}"): Row(VIEWERS, lambda w, t: {
        "case_id": w[t]["case"].pk, "action": "extend"}, data={}),
    ("get", "/api/v1/appeals"): Row(SIGNED_IN),
    ("post", "/api/v1/appeals"): Row(SIGNED_IN, data={}),
    ("get", "/api/v1/appeals/{appeal_id}"): Row(VIEWERS, lambda w, t: {
        "appeal_id": w[t]["appeal"].pk}),
    # a valid decision: it reaches the step, which only the agency's handlers may take
    ("post", "/api/v1/appeals/{appeal_id}/decision"): Row(HANDLERS, lambda w, t: {
        "appeal_id": w[t]["appeal"].pk}, data={"outcome": "upheld", "decided_on": "2025-05-06"}),
    ("get", "/api/v1/catalog/search"): Row(EVERYONE),
    ("get", "/api/v1/catalog/entry"): Row(EVERYONE),
    ("get", "/api/v1/annual-reports"): Row(EVERYONE),
    ("get", "/api/v1/annual-reports/{code}/{year}"): Row(EVERYONE, report),
    ("get", "/api/v1/reports"): Row(EVERYONE),
    ("get", "/api/v1/reports/figures"): Row(EVERYONE),
    ("get", "/api/v1/reports/{report_id}"): Row(EVERYONE, lambda w, t: {
        "report_id": w[t]["published_report"].pk}),
    ("get", "/api/v1/reports/{report_id}/figures"): Row(EVERYONE, lambda w, t: {
        "report_id": w[t]["published_report"].pk}),
    ("get", "/api/v1/reports/{report_id}/findings"): Row(EVERYONE, lambda w, t: {
        "report_id": w[t]["published_report"].pk}),
}  # fmt: skip


def url_names(patterns=None, namespace="") -> set[str]:
    """Every named URL, with its namespace; the API's operations are listed from its
    OpenAPI document instead."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace or ""]))
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            if getattr(pattern.callback, "__module__", "") == "ninja.operation":
                continue
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def api_operations() -> set[tuple[str, str]]:
    from gongkai.web.api import api

    paths = api.get_openapi_schema()["paths"]
    return {(method, path) for path, methods in paths.items() for method in methods}


def test_every_page_and_operation_is_in_the_table():
    table = PAGES | admin_rows()
    missing = sorted(url_names() - set(table))
    assert not missing, f"no row in tests/web/test_access_matrix.py for the URLs {missing}"
    unlisted = sorted(
        set(admin.site._registry)
        - {m for m in admin.site._registry if m._meta.label_lower in ADMIN_MODELS}
    )
    assert not unlisted, f"no row in ADMIN_MODELS for the admin of {unlisted}"
    operations = sorted(api_operations() - set(OPERATIONS))
    assert not operations, f"no row in OPERATIONS for the API operations {operations}"


# --- the world the table is checked against ---------------------------------------------------


def upload(name: str, content: bytes = b"%PDF-1.4\n%test\n") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def objects_of(agency, clerk, head, publish_report) -> dict:
    """A case with a letter and a file, a published entry with a file, an appeal with a
    document, a published annual report and what the admin lists, all of `agency`."""
    case = submit(agency, {"applicant_type": "natural", "name": "王小明", "phone": "13800000000",
                           "channel": "in_person", "received_on": date(2026, 9, 28),
                           "description": "预算执行情况", "form_requested": "paper",
                           "delivery": "collect"}, files=[upload("申请书.pdf")])  # fmt: skip
    entry = published_entry(agency, "财政预算公开")
    entry_file = EntryAttachment.objects.create(entry=entry, file=upload("预算.pdf"),
                                                name="预算.pdf", size=15,
                                                content_type="application/pdf")  # fmt: skip
    fields = {"kind": "review", "appellant": "王小明", "filed_on": date(YEAR, 3, 3),
              "body": "青山县人民政府", "matter": "对部分公开答复不服"}  # fmt: skip
    case_appeal = appeals.register(agency, fields, clerk)
    appeal_file = AppealDocument.objects.create(
        appeal=case_appeal, kind="decision", file=upload("决定书.pdf"), name="决定书.pdf",
        size=15, content_type="application/pdf")  # fmt: skip
    publish_report(agency, YEAR, clerk, head)
    return {
        "agency": agency, "case": case, "letter": case.letters.first() or letter_of(case),
        "draft_case": case_in_sign_off(agency, clerk),
        "case_file": Attachment.objects.get(application=case), "entry": entry,
        "entry_file": entry_file, "appeal": case_appeal, "appeal_file": appeal_file,
        "admin": {
            "agencies.agency": agency,
            "agencies.membership": Membership.objects.filter(user=clerk, agency=agency).first(),
            "agencies.user": clerk,
            "applications.application": case,
            "catalog.normativedocument": issue_document(agency, date(YEAR, 5, 1)),
            "catalog.yearlyfigure": YearlyFigure.objects.filter(agency=agency).first(),
            "appeals.appeal": case_appeal,
            "annualreports.annualreport": AnnualReport.objects.get(agency=agency, year=YEAR),
            "kiosk.readingpoint": ReadingPoint.objects.create(
                agency=agency, code=f"point-{agency.pk}", name="查阅点", address="大厅"),
            "mailbox.mailboxpolicy": MailboxPolicy.objects.create(agency=agency),
        },
        "question": published_question(agency, clerk),
    }  # fmt: skip


def published_question(agency, clerk):
    """A mailbox question answered and published with the asker's consent."""
    asked = mailbox.ask(agency, {"subject": "policy", "title": "补贴发放时间", "text": "何时发放？",
                                 "name": "陈秀英", "phone": "13907950101", "email": "",
                                 "consent_to_publish": True})  # fmt: skip
    return mailbox.answer(asked, clerk, "本月发放。", publish=True)


def case_in_sign_off(agency, clerk):
    """A case whose answer the clerk has drafted, awaiting the agency's 审核."""
    signoff.set_chain(agency, signoff.DEFAULT_CHAIN)
    drafted = submit(agency, {"applicant_type": "natural", "name": "李华", "phone": "13800000001",
                              "channel": "in_person", "received_on": date(2026, 9, 28),
                              "description": "采购合同", "form_requested": "paper",
                              "delivery": "collect"})  # fmt: skip
    return perform(drafted, "draft_decision", clerk, outcome="unable.not_held",
                   variant="not_exist", on=date(2026, 9, 29))  # fmt: skip


def letter_of(case):
    from gongkai.web.applications import letters

    return letters.issue(case, "acknowledgement", case.received_on, {})


def global_objects() -> dict:
    """One object of each model that belongs to no agency (superusers' pages)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth.models import Group
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from gongkai.web.jobs.models import Notification, ScheduledRun, WorkerHeartbeat
    from gongkai.web.workcalendar.models import OfficialSchedule

    now = timezone.now()
    seen = {"ip_address": "203.0.113.1", "user_agent": "test", "http_accept": "*/*",
            "path_info": "/accounts/login/", "username": "x"}  # fmt: skip
    return {
        "auth.group": Group.objects.create(name="test"),
        "workcalendar.officialschedule": OfficialSchedule.objects.create(year=2099, source="x"),
        "axes.accessattempt": AccessAttempt.objects.create(
            **seen, get_data="", post_data="", failures_since_start=1, attempt_time=now),
        "axes.accesslog": AccessLog.objects.create(**seen, attempt_time=now),
        "axes.accessfailurelog": AccessFailureLog.objects.create(**seen, attempt_time=now),
        "django_tasks_database.dbtaskresult": DBTaskResult.objects.first() or enqueue_one(),
        "jobs.notification": Notification.objects.first() or make(Notification),
        "jobs.scheduledrun": ScheduledRun.objects.first() or make(ScheduledRun),
        "jobs.workerheartbeat": WorkerHeartbeat.objects.first() or make(WorkerHeartbeat),
    }  # fmt: skip


def enqueue_one():
    from django_tasks_db.models import DBTaskResult

    from gongkai.web.jobs.tasks import prune_finished_work

    prune_finished_work.enqueue()
    return DBTaskResult.objects.get()


def make(model):
    """A row of a jobs model with its required fields given plain values."""
    from django.db import models

    values = {}
    for f in model._meta.concrete_fields:
        skipped = isinstance(f, models.AutoField) or f.has_default() or f.null
        if skipped or getattr(f, "auto_now_add", False):
            continue
        if isinstance(f, models.ForeignKey):
            values[f.name] = f.related_model.objects.first()
        elif isinstance(f, models.DateTimeField):
            from django.utils import timezone

            values[f.name] = timezone.now()
        elif isinstance(f, models.DateField):
            values[f.name] = date(YEAR, 1, 1)
        elif isinstance(f, models.IntegerField):
            values[f.name] = 1
        else:
            values[f.name] = "x"
    return model.objects.create(**values)


@pytest.fixture
def people(alice, finance, erin, dave, carol, frank, grace, neighbour):
    heidi = make_person("heidi", "何迪", finance, "reviewer")
    return {CLERK: alice, REVIEWER: heidi, HEAD: erin, ADMIN: dave, SUPERVISOR: carol,
            SUPERUSER: frank, ROLELESS: grace, ANONYMOUS: None}  # fmt: skip


@pytest.fixture
def world(people, finance, neighbour, publish_report):
    nina = make_person("nina", "倪娜", neighbour, "clerk")
    Membership.objects.create(user=nina, agency=neighbour, role="head")
    world = {
        OWN: objects_of(finance, people[CLERK], people[HEAD], publish_report),
        OTHER: objects_of(neighbour, nina, nina, publish_report),
    }
    world[OWN]["admin"] |= global_objects()
    for target, writer, reviewer in ((OWN, people[CLERK], people[HEAD]), (OTHER, nina, nina)):
        world[target] = matrix_objects(world[target], writer, reviewer)
    for target, owner, sha in ((OWN, people[SUPERVISOR], "a"), (OTHER, nina, "b")):
        world[target]["published_report"] = published_report(world[target]["agency"], sha=sha * 64)
        world[target]["import_run"] = ImportRun.objects.create(started_by=owner)
    for target, org_body in ((OWN, "01523653"), (OTHER, "01529928")):  # audited below them
        above = world[target]["agency"]
        world[target]["unit"] = make_agency(f"{above.name}办公室", org_body, AgencyLevel.OTHER,
                                            above)  # fmt: skip
    return world


# --- checking ---------------------------------------------------------------------------------


def outcome(response) -> str:
    status = response.status_code
    location = response.get("Location", "")
    if status in {301, 302} and ("/accounts/login/" in location or "/admin/login/" in location):
        return LOGIN
    if status == 401:
        return LOGIN
    if status in {403, 404}:
        return DENY
    if 200 <= status < 400 or status in {400, 422}:  # reached the view's own checks
        return ALLOW
    return f"status {status}"


def expected(row: Row, role: str, target: str | None) -> str:
    if role == ANONYMOUS and ANONYMOUS not in row.who and row.login_first:
        return LOGIN
    if role not in row.who:
        return DENY
    if target == OTHER and row.who != EVERYONE and role != SUPERUSER:
        return DENY
    return ALLOW


def request(client, row: Row, url: str, api: bool):
    """One request, undone afterwards so that every check sees the same world."""
    with transaction.atomic():
        send = getattr(client, row.method)
        if api and row.method != "get":
            response = send(url, row.data, content_type="application/json")
        else:
            response = send(url, row.data)
        transaction.set_rollback(True)
    return response


def checks(world):
    """(label, row, url, target, is_api) for every row and target."""
    for name, row in (PAGES | admin_rows()).items():
        for target in [OWN, OTHER] if row.on else [None]:
            try:
                url = reverse(name, kwargs=row.on(world, target) if row.on else row.args)
            except Exception as error:  # a row whose URL cannot be built is a failure too
                yield name, row, f"<{error}>", target, False
                continue
            yield name, row, url, target, False
    for (method, path), row in OPERATIONS.items():
        for target in [OWN, OTHER] if row.on else [None]:
            url = path.format(**row.on(world, target)) if row.on else path
            yield f"{method.upper()} {path}", replace(row, method=method), url, target, True


def test_the_access_matrix(client, people, world):
    wrong = []
    for role, user in people.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        for label, row, url, target, api in checks(world):
            if url.startswith("<"):
                wrong.append(f"{label}: cannot build its URL {url}")
                continue
            got = outcome(request(client, row, url, api))
            if user is not None and "_auth_user_id" not in client.session:
                client.force_login(user)  # that row logged out
            want = expected(row, role, target)
            if got != want:
                wrong.append(f"{label} {url} as {role} ({target or '-'}): {got}, expected {want}")
    assert not wrong, "\n".join(wrong)
