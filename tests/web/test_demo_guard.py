"""Defect 1: the demo's published password must never be reachable from the network.
`gongkai serve` refuses a non-loopback address while an active account has it (found by the
password hasher, whatever the account's name); `make run` still serves on 127.0.0.1. (That
`serve --production` refuses on any address is in test_production_serving.py.)"""

import pytest
import waitress
from click.testing import CliRunner
from django.contrib.auth import hashers

from gongkai.cli import main
from gongkai.web.agencies.demo import DEMO_PASSWORD, load_demo
from gongkai.web.agencies.models import User
from gongkai.web.ops.demo_guard import accounts_with_demo_password, is_loopback


@pytest.fixture
def served(monkeypatch) -> list[dict]:
    """What waitress was asked to serve (nothing is served)."""
    calls = []
    monkeypatch.setattr(waitress, "serve", lambda app, **options: calls.append(options))
    return calls


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("[::1]", True),
     ("localhost", True), ("0.0.0.0", False), ("::", False), ("192.168.1.20", False),
     ("gongkai.example.cn", False), ("unix:/run/gongkai.sock", False)],
)  # fmt: skip
def test_only_loopback_addresses_count_as_private(host, loopback):
    assert is_loopback(host) is loopback


def test_accounts_are_found_by_their_password_not_their_name(db, password):
    User.objects.create_user("renamed-demo", password=DEMO_PASSWORD)
    User.objects.create_user("retired-demo", password=DEMO_PASSWORD, is_active=False)
    User.objects.create_user("zhangwei", password=password)  # a demo name, a real password
    User.objects.create_user("no-password")
    assert accounts_with_demo_password() == ["renamed-demo"]


def test_a_password_found_not_to_be_the_demos_is_not_hashed_again(db, password, monkeypatch):
    User.objects.create_user("alice", password=password)
    assert accounts_with_demo_password() == []
    checked = []
    real = hashers.check_password
    monkeypatch.setattr(hashers, "check_password", lambda *a: checked.append(a) or real(*a))
    assert accounts_with_demo_password() == []
    assert checked == []
    alice = User.objects.get(username="alice")
    alice.set_password(DEMO_PASSWORD)  # a new password is a new hash: checked, and found
    alice.save()
    assert accounts_with_demo_password() == ["alice"]
    assert len(checked) == 1


def test_serve_refuses_a_public_address_while_the_demo_is_loaded(db, served):
    load_demo()
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "gongkai-demo" in result.output and "lina" in result.output and "admin" in result.output
    assert served == []


def test_make_run_still_serves_the_demo_on_loopback(db, served):
    load_demo()
    result = CliRunner().invoke(main, ["serve", "--host", "127.0.0.1", "--port", "8000"])
    assert result.exit_code == 0, result.output
    assert served == [{"host": "127.0.0.1", "port": 8000, "threads": 8, "ident": "gongkai"}]


def test_serve_takes_a_public_address_once_the_demo_passwords_are_changed(db, served, password):
    load_demo()
    for user in User.objects.all():
        user.set_password(password)
        user.save()
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert served[0]["host"] == "0.0.0.0"
