from __future__ import annotations

import pytest

from leadnexus.config import ConfigError, Settings


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in (
        "SECRET_KEY",
        "DATABASE_URL",
        "CORS_ORIGINS",
        "BCRYPT_ROUNDS",
        "LEADNEXUS_ENV",
        "WEB_THREADS",
        "SMTP_URL",
        "PUBLIC_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    return monkeypatch


def test_production_refuses_to_start_without_secret(clean_env):
    clean_env.setenv("LEADNEXUS_ENV", "production")
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        Settings.from_env()


def test_development_generates_one_key_and_keeps_it(clean_env, tmp_path):
    first = Settings.from_env()
    second = Settings.from_env()
    assert first.secret_key == second.secret_key and len(first.secret_key) >= 48
    key_file = tmp_path / "instance" / "secret_key"
    assert key_file.read_text() == first.secret_key
    assert key_file.stat().st_mode & 0o077 == 0


def test_defaults_and_overrides(clean_env, tmp_path):
    clean_env.setenv("CORS_ORIGINS", "https://a.example, https://b.example")
    clean_env.setenv("BCRYPT_ROUNDS", "12")
    settings = Settings.from_env()
    assert settings.database_url == f"sqlite:///{tmp_path / 'instance' / 'leadnexus.db'}"
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.bcrypt_rounds == 12
    assert settings.access_token_ttl == 900


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CORS_ORIGINS", "*", "CORS_ORIGINS"),
        ("BCRYPT_ROUNDS", "lots", "integer"),
        ("BCRYPT_ROUNDS", "31", "between"),
        ("SECRET_KEY", "short", "32 characters"),
        ("LEADNEXUS_ENV", "staging", "LEADNEXUS_ENV"),
    ],
)
def test_unsafe_settings_are_refused(clean_env, name, value, message):
    clean_env.setenv(name, value)
    with pytest.raises(ConfigError, match=message):
        Settings.from_env()


def test_production_requires_bcrypt_cost_of_ten(clean_env):
    clean_env.setenv("LEADNEXUS_ENV", "production")
    clean_env.setenv("SECRET_KEY", "k" * 40)
    clean_env.setenv("BCRYPT_ROUNDS", "8")
    with pytest.raises(ConfigError, match="at least 10"):
        Settings.from_env()


def test_stream_cap_leaves_threads_for_requests(clean_env):
    settings = Settings.from_env()
    assert (settings.web_threads, settings.stream_thread_reserve) == (32, 8)
    assert settings.max_streams == 24
    clean_env.setenv("WEB_THREADS", "4")
    clean_env.setenv("STREAM_THREAD_RESERVE", "8")
    assert Settings.from_env().max_streams == 2  # the reserve never takes more than half


def test_email_settings_from_the_environment(clean_env):
    assert Settings.from_env().smtp_url is None  # development: the outbox only logs
    clean_env.setenv("SMTP_URL", "smtp+starttls://u:p@mail.example.com")
    clean_env.setenv("PUBLIC_URL", "https://leads.example.com/")
    clean_env.setenv("MAIL_FROM", "Lead-Nexus <hello@leads.example.com>")
    settings = Settings.from_env()
    assert settings.smtp_url == "smtp+starttls://u:p@mail.example.com"
    assert settings.public_url == "https://leads.example.com"
    assert settings.mail_from == "Lead-Nexus <hello@leads.example.com>"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SMTP_URL", "http://mail.example.com", "SMTP_URL"),
        ("PUBLIC_URL", "leads.example.com", "PUBLIC_URL"),
        ("WEB_THREADS", "0", "WEB_THREADS"),
        ("STREAM_POLL_SECONDS", "5", "STREAM_POLL_SECONDS"),
    ],
)
def test_unsafe_notification_settings_are_refused(clean_env, name, value, message):
    clean_env.setenv(name, value)
    with pytest.raises(ConfigError, match=message):
        Settings.from_env()
