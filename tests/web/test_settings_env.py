import os
import stat

import pytest
from django.core.exceptions import ImproperlyConfigured

from gongkai.web.env import envbool, envint, envlist, persistent_secret_key


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("YES", True), ("off", False)])
def test_envbool_reads_the_usual_words(monkeypatch, raw, expected):
    monkeypatch.setenv("GK_FLAG", raw)
    assert envbool("GK_FLAG", not expected) is expected


def test_envbool_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("GK_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="GK_FLAG"):
        envbool("GK_FLAG", False)


def test_envint_refuses_a_word(monkeypatch):
    monkeypatch.setenv("GK_NUMBER", "twenty")
    with pytest.raises(ImproperlyConfigured, match="GK_NUMBER"):
        envint("GK_NUMBER", 1)


def test_envlist_splits_on_commas(monkeypatch):
    monkeypatch.setenv("GK_HOSTS", "gongkai.example.cn, localhost,")
    assert envlist("GK_HOSTS", []) == ["gongkai.example.cn", "localhost"]


def test_the_secret_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    path = tmp_path / "var" / "secret_key"
    first = persistent_secret_key(path)
    assert len(first) >= 50
    assert persistent_secret_key(path) == first
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_secret_key_in_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert persistent_secret_key(tmp_path / "secret_key") == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_debug_is_off_and_the_time_zone_is_beijing_time(settings):
    assert settings.DEBUG is False
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.LANGUAGE_CODE == "zh-hans"
