"""Minor units per currency, and the payment settings read from the environment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leadnexus.config import ConfigError, Settings
from leadnexus.payments.gateway import GatewayError
from leadnexus.payments.money import to_major, to_minor


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [("12.50", "USD", 1250), ("0.01", "eur", 1), ("1250", "JPY", 1250), ("1.234", "KWD", 1234)],
)
def test_minor_units_round_trip(amount, currency, minor):
    assert to_minor(Decimal(amount), currency) == minor
    assert to_major(minor, currency) == Decimal(amount)


@pytest.mark.parametrize(
    ("amount", "currency"), [("12.505", "USD"), ("10.5", "JPY"), ("NaN", "USD")]
)
def test_amounts_the_currency_cannot_hold_are_refused(amount, currency):
    with pytest.raises(GatewayError):
        to_minor(Decimal(amount), currency)


STRIPE_VARS = (
    "STRIPE_SECRET_KEY",
    "STRIPE_PUBLISHABLE_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "STRIPE_API_BASE",
    "RESERVATION_MINUTES",
    "COMMISSION_RATE",
    "LEADNEXUS_ENV",
    "SECRET_KEY",
)


@pytest.fixture
def env(monkeypatch, tmp_path):
    for name in STRIPE_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    return monkeypatch


def test_defaults_point_at_the_emulator_with_a_kept_webhook_secret(env, tmp_path):
    first, second = Settings.from_env(), Settings.from_env()
    assert first.stripe_api_base == "http://127.0.0.1:8420"
    assert first.stripe_js_url == "http://127.0.0.1:8420/js.stripe.com/v3/"
    assert first.stripe_webhook_secret.startswith("whsec_")
    assert first.stripe_webhook_secret == second.stripe_webhook_secret
    assert (tmp_path / "instance" / "stripe_webhook_secret").exists()
    assert (first.reservation_minutes, first.commission_rate) == (10, Decimal("0.15"))


def test_real_keys_talk_to_stripe_itself(env):
    env.setenv("STRIPE_SECRET_KEY", "sk_test_real")
    env.setenv("STRIPE_PUBLISHABLE_KEY", "pk_test_real")
    env.setenv("STRIPE_WEBHOOK_SECRET", "whsec_real")
    settings = Settings.from_env()
    assert settings.stripe_api_base is None
    assert settings.stripe_js_url == "https://js.stripe.com/v3/"
    assert settings.stripe_webhook_secret == "whsec_real"


def test_real_secret_key_needs_its_publishable_key(env):
    env.setenv("STRIPE_SECRET_KEY", "sk_test_real")
    with pytest.raises(ConfigError, match="STRIPE_PUBLISHABLE_KEY"):
        Settings.from_env()


def test_production_refuses_the_emulator_and_a_missing_webhook_secret(env):
    env.setenv("LEADNEXUS_ENV", "production")
    env.setenv("SECRET_KEY", "k" * 40)
    with pytest.raises(ConfigError, match="STRIPE_SECRET_KEY"):
        Settings.from_env()
    env.setenv("STRIPE_SECRET_KEY", "sk_live_x")
    env.setenv("STRIPE_PUBLISHABLE_KEY", "pk_live_x")
    with pytest.raises(ConfigError, match="STRIPE_WEBHOOK_SECRET"):
        Settings.from_env()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("COMMISSION_RATE", "1.5", "COMMISSION_RATE"),
        ("COMMISSION_RATE", "lots", "COMMISSION_RATE"),
        ("RESERVATION_MINUTES", "0", "RESERVATION_MINUTES"),
        ("STRIPE_API_BASE", "ftp://x", "STRIPE_API_BASE"),
    ],
)
def test_bad_payment_settings_are_refused(env, name, value, message):
    env.setenv(name, value)
    with pytest.raises(ConfigError, match=message):
        Settings.from_env()
