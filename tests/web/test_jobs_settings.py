"""E-mail and background work are configured from the environment, offline by default."""

import importlib

import pytest
from django.core.exceptions import ImproperlyConfigured

import gongkai.web.settings
from gongkai.web.env import envchoice

CHOICES = {"smtp": "smtp-backend", "file": "file-backend"}


def fresh_settings(monkeypatch, **environment):
    for name in ("EMAIL_HOST", "EMAIL_BACKEND", "EMAIL_PORT", "EMAIL_USE_SSL", "EMAIL_FILE_PATH"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return importlib.reload(gongkai.web.settings)


@pytest.fixture(autouse=True)
def restore_settings_module():
    yield
    importlib.reload(gongkai.web.settings)


def test_envchoice_reads_a_word_and_refuses_others(monkeypatch):
    monkeypatch.setenv("GK_KIND", " SMTP ")
    assert envchoice("GK_KIND", CHOICES, "file") == "smtp-backend"
    monkeypatch.setenv("GK_KIND", "pigeon")
    with pytest.raises(ImproperlyConfigured, match="GK_KIND must be one of smtp, file"):
        envchoice("GK_KIND", CHOICES, "file")
    monkeypatch.delenv("GK_KIND")
    assert envchoice("GK_KIND", CHOICES, "file") == "file-backend"


def test_without_an_smtp_host_mail_is_written_into_the_data_directory(monkeypatch):
    settings = fresh_settings(monkeypatch)
    mailer = settings.MAILERS["default"]
    assert mailer["BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert mailer["OPTIONS"] == {"file_path": str(settings.DATA_DIR / "mail")}


def test_an_smtp_host_sends_through_it(monkeypatch):
    settings = fresh_settings(monkeypatch, EMAIL_HOST="smtp.qingshan.gov.cn", EMAIL_USE_SSL="1")
    mailer = settings.MAILERS["default"]
    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"]["host"] == "smtp.qingshan.gov.cn"
    assert mailer["OPTIONS"]["use_ssl"] is True and mailer["OPTIONS"]["port"] is None  # 465


def test_the_console_backend_can_be_chosen(monkeypatch):
    settings = fresh_settings(monkeypatch, EMAIL_BACKEND="console")
    assert settings.MAILERS["default"]["BACKEND"].endswith("console.EmailBackend")


def test_tasks_are_queued_in_the_database_by_default():
    assert gongkai.web.settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    apps = gongkai.web.settings.INSTALLED_APPS
    assert "django_tasks_db" in apps and "gongkai.web.jobs" in apps
