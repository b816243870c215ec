"""The mailbox's pages: asking with the captcha, the receipt and tracking (the question and
answer behind the phone's last four digits), the published list and page without personal
data, the staff's inbox with due dates, and their steps."""

import re
from datetime import date, timedelta
from html import unescape

from django.utils import timezone

from gongkai.web.applications import captcha
from gongkai.web.mailbox import workflow
from gongkai.web.mailbox.models import Question, QuestionState

PHONE, ID_NUMBER = "13907950101", "360999196803150037"


def ask_url(agency) -> str:
    return f"/agencies/{agency.code}/mailbox/ask/"


def form_data(**changes) -> dict:
    return {"subject": "policy", "title": "补贴发放时间", "name": "陈秀英", "phone": PHONE,
            "email": "", "consent_to_publish": "yes",
            "text": f"请问补贴何时发放？电话{PHONE}，身份证{ID_NUMBER}。",
            "submission_token": "t-1", "captcha_token": captcha.token_for(7),
            "captcha_answer": "7"} | changes  # fmt: skip


def asked(agency, consent=True, days_ago=3):
    fields = {"subject": "policy", "title": "补贴发放时间", "name": "陈秀英", "phone": PHONE,
              "email": "", "consent_to_publish": consent,
              "text": f"请问补贴何时发放？电话{PHONE}，身份证{ID_NUMBER}。"}  # fmt: skip
    return workflow.ask(agency, fields, received_on=timezone.localdate() - timedelta(days_ago))


def text(response) -> str:
    return unescape(response.content.decode())


def test_the_public_asks_and_gets_a_query_code(client, finance):
    response = client.post(ask_url(finance), form_data(), follow=True)
    question = Question.objects.get()
    assert question.phone == PHONE and question.consent_to_publish is True
    assert question.received_on == timezone.localdate()
    assert question.query_code in text(response) and PHONE not in text(response)
    again = client.post(ask_url(finance), form_data())  # a double click: the same question
    assert again.status_code == 302 and Question.objects.count() == 1


def test_a_bad_phone_or_a_wrong_sum_is_refused_in_chinese(client, finance):
    response = client.post(ask_url(finance), form_data(phone="12345", captcha_answer="8"))
    assert response.status_code == 200 and not Question.objects.exists()
    assert "电话号码格式不正确" in text(response) and "答案不正确" in text(response)


def test_tracking_shows_the_answer_only_after_the_phones_last_digits(client, finance, alice):
    question = workflow.answer(asked(finance, consent=False), alice, "本月下旬发放。")
    url = f"/track/{question.query_code}/".replace("/track/", "/mailbox/track/")
    page = text(client.get(url))
    assert "已答复" in page and "本月下旬发放" not in page and PHONE not in page
    assert "本月下旬发放" not in text(client.post(url, {"digits": "9999"}))
    opened = client.post(url, {"digits": "0101"})
    assert "本月下旬发放" in text(opened) and opened["Cache-Control"] == "no-store"
    typed = client.get("/mailbox/track/", {"code": question.query_code.lower().replace("-", "")})
    assert typed["Location"] == url


def test_published_answers_show_without_personal_data(client, finance, alice):
    shown = workflow.answer(asked(finance), alice, "陈秀英您好，本月下旬发放。", publish=True)
    private = workflow.answer(asked(finance, consent=False), alice, "私下答复。")
    unpublished = workflow.answer(asked(finance), alice, "未公开的答复。")
    listing = text(client.get(f"/agencies/{finance.code}/mailbox/"))
    assert f"/mailbox/questions/{shown.pk}/" in listing
    assert f"/mailbox/questions/{private.pk}/" not in listing
    assert f"/mailbox/questions/{unpublished.pk}/" not in listing
    page = text(client.get(f"/mailbox/questions/{shown.pk}/"))
    assert "本月下旬发放" in page and "139****0101" in page
    squeezed = re.sub(r"[\s-]", "", page)
    for secret in (PHONE, ID_NUMBER, "陈秀英"):
        assert secret not in squeezed
    for hidden in (private, unpublished):
        assert client.get(f"/mailbox/questions/{hidden.pk}/").status_code == 404
    assert f"/mailbox/questions/{shown.pk}/" in text(client.get("/mailbox/"))


def test_the_inbox_lists_open_questions_by_due_date_and_marks_the_overdue(client, finance,
                                                                          land, alice):  # fmt: skip
    late, fresh = asked(finance, days_ago=30), asked(finance, days_ago=1)
    elsewhere = asked(land)
    client.force_login(alice)
    page = text(client.get("/work/mailbox/"))
    assert page.index(late.number) < page.index(fresh.number)
    assert re.search(rf'class="overdue">\s*<th[^>]*><a href="/work/mailbox/{late.pk}/"', page)
    assert f"/work/mailbox/{elsewhere.pk}/" not in page
    overdue = text(client.get("/work/mailbox/", {"view": "overdue"}))
    assert f"/work/mailbox/{late.pk}/" in overdue and f"/work/mailbox/{fresh.pk}/" not in overdue


def test_staff_answer_publish_and_convert_from_the_question_page(client, finance, alice):
    question, other = asked(finance), asked(finance, days_ago=8)
    client.force_login(alice)
    page = text(client.get(f"/work/mailbox/{question.pk}/"))
    assert PHONE in page and "陈秀英" in page  # the staff see who asked
    client.post(f"/work/mailbox/{question.pk}/answer/", {"answer": "本月发放。", "publish": "on"})
    question.refresh_from_db()
    assert question.state == QuestionState.ANSWERED and question.is_public
    assert question.events.filter(action="view_personal_data", actor=alice).count() == 1
    client.post(f"/work/mailbox/{other.pk}/convert/",
                {"form_requested": "paper", "delivery": "collect", "note": ""})  # fmt: skip
    other.refresh_from_db()
    case = other.application
    assert case.received_on == timezone.localdate() - timedelta(8)
    case_page = text(client.get(f"/work/applications/{case.pk}/"))
    assert f"/work/mailbox/{other.pk}/" in case_page and "由政民互动留言转来" in case_page
    question_page = text(client.get(f"/work/mailbox/{other.pk}/"))
    assert f"/work/applications/{case.pk}/" in question_page
    assert "转为依申请公开" in question_page


def test_a_step_refused_says_why_and_changes_nothing(client, finance, alice):
    question = workflow.answer(asked(finance, consent=False), alice, "答复。")
    client.force_login(alice)
    response = client.post(f"/work/mailbox/{question.pk}/publish/", follow=True)
    assert "留言人不同意公开" in text(response)
    question.refresh_from_db()
    assert question.published_on is None
    assert client.post(f"/work/mailbox/{question.pk}/nonsense/").status_code == 404


def test_the_demo_has_a_dozen_questions_in_every_state(db):
    from gongkai.web.agencies.demo import load_demo
    from gongkai.web.mailbox.demo import load_demo_questions

    load_demo()
    assert load_demo_questions() == 12 and load_demo_questions() == 12
    states = set(Question.objects.values_list("state", flat=True))
    assert states == {"open", "answered", "converted"}
    today = timezone.localdate()
    assert Question.objects.filter(state="open", due_on__lt=today).exists()
    assert Question.objects.filter(published_on__isnull=False).count() >= 5
    converted = Question.objects.get(state="converted")
    assert converted.application.received_on == converted.received_on < today
    assert date(2000, 1, 1) < converted.received_on
