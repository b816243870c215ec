"""Defect 2 of issue 14: ten wrong passwords lock the account and the address for a while,
the right password included; every failure is logged, never with the password."""

import logging

import pytest
from axes.models import AccessAttempt

from gongkai.web.agencies import login_throttle

LOGIN = "/accounts/login/"
LIMIT = 10


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password},
                       REMOTE_ADDR=address)  # fmt: skip


def fail(client, username, times, address="203.0.113.7"):
    return [attempt(client, username, "wrong", address).status_code for _ in range(times)]


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_nine_failures_leave_the_right_password_working(client, alice, password):
    assert fail(client, "alice", LIMIT - 1) == [200] * (LIMIT - 1)
    response = attempt(client, "alice", password)
    assert response.status_code == 302 and logged_in(client)


def test_after_ten_failures_the_right_password_no_longer_logs_in(client, alice, password):
    assert fail(client, "alice", LIMIT)[-1] == 429
    response = attempt(client, "alice", password)
    assert response.status_code == 429 and not logged_in(client)
    html = response.content.decode()
    assert "登录失败次数过多" in html and "15 分钟后再试" in html


def test_the_lock_holds_for_the_account_from_another_address(client, alice, password):
    fail(client, "alice", LIMIT, address="203.0.113.7")
    assert attempt(client, "alice", password, address="198.51.100.20").status_code == 429


def test_the_lock_holds_for_the_address_whichever_account_it_tries(client, alice, bob, password):
    for name in ["nobody-1", "nobody-2"] * (LIMIT // 2):
        attempt(client, name, "wrong")
    assert attempt(client, "bob", password).status_code == 429
    assert attempt(client, "bob", password, address="198.51.100.20").status_code == 302


def test_the_wait_counts_down_from_the_last_counted_failure(client, alice, password):
    from datetime import timedelta

    fail(client, "alice", LIMIT)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time
                                 - timedelta(minutes=11))  # fmt: skip
    assert "4 分钟后再试" in attempt(client, "alice", password).content.decode()
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time
                                 - timedelta(minutes=5))  # fmt: skip
    assert attempt(client, "alice", password).status_code == 302


def test_a_success_before_the_limit_clears_the_count(client, alice, password):
    fail(client, "alice", LIMIT - 1)
    attempt(client, "alice", password)
    client.logout()
    assert fail(client, "alice", LIMIT - 1) == [200] * (LIMIT - 1)


def test_the_admin_login_is_throttled_too(client, frank, password):
    for _ in range(LIMIT):
        client.post("/admin/login/", {"username": "frank", "password": "wrong"})
    client.post("/admin/login/", {"username": "frank", "password": password})
    assert not logged_in(client)


def test_failed_logins_are_logged_without_the_password(client, alice, caplog):
    with caplog.at_level(logging.WARNING, logger="gongkai.security"):
        attempt(client, "alice", "s3cret-guess")
    failures = [r for r in caplog.records if getattr(r, "event", "") == "login_failed"]
    assert len(failures) == 1
    record = failures[0]
    assert record.username == "alice" and record.client_address == "203.0.113.7"
    assert "alice" in record.getMessage()
    assert "s3cret-guess" not in str(record.__dict__)
    assert "s3cret-guess" not in AccessAttempt.objects.get().post_data


def test_the_lockout_is_logged(client, alice, caplog):
    with caplog.at_level(logging.WARNING, logger="gongkai.security"):
        fail(client, "alice", LIMIT)
    assert any(getattr(r, "event", "") == "login_locked" for r in caplog.records)


@pytest.mark.django_db
def test_with_every_slot_taken_a_login_is_turned_away_at_once_and_not_counted(
    client, alice, password, settings
):
    settings.GONGKAI_LOGIN_SLOTS = 1
    with login_throttle.password_check_slot() as held:
        assert held
        response = attempt(client, "alice", password)
    assert response.status_code == 429 and not logged_in(client)
    assert "系统正忙" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert attempt(client, "alice", password).status_code == 302


def test_a_slot_is_given_back_after_each_check(client, alice, password, settings):
    settings.GONGKAI_LOGIN_SLOTS = 1
    fail(client, "alice", 3)
    assert attempt(client, "alice", password).status_code == 302
