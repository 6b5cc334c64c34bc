"""Settings read from the environment, with defaults that are safe for a developer machine."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENTS = ("development", "production", "test")
SMTP_SCHEMES = ("smtp://", "smtp+starttls://", "smtps://")
# localstripe accepts any key of this shape; `make run` starts it on this address.
EMULATOR_SECRET_KEY = "sk_test_localstripe"  # noqa: S105 (the emulator's, not a secret)
EMULATOR_PUBLISHABLE_KEY = "pk_test_localstripe"
EMULATOR_API_BASE = "http://127.0.0.1:8420"
STRIPE_JS_URL = "https://js.stripe.com/v3/"


class ConfigError(RuntimeError):
    """The environment asks for something the app refuses to run with."""


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default).strip()


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from exc


def _env_decimal(name: str, default: str) -> Decimal:
    raw = _env(name, default) or default
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise ConfigError(f"{name} must be a decimal number, got {raw!r}") from exc
    if not value.is_finite():
        raise ConfigError(f"{name} must be a decimal number, got {raw!r}")
    return value


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _development_secret(instance_dir: Path, name: str = "secret_key", prefix: str = "") -> str:
    """One random key per checkout, kept in the instance folder so sessions survive restarts."""
    key_file = instance_dir / name
    if key_file.exists():
        return key_file.read_text().strip()
    instance_dir.mkdir(parents=True, exist_ok=True)
    key = prefix + secrets.token_urlsafe(48)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


@dataclass(frozen=True)
class Settings:
    env: str = "development"
    instance_dir: Path = PROJECT_ROOT / "instance"
    database_url: str = ""
    redis_url: str | None = None
    secret_key: str = ""
    cors_origins: tuple[str, ...] = ()
    bcrypt_rounds: int = 11
    access_token_ttl: int = 15 * 60
    refresh_token_ttl: int = 30 * 24 * 3600
    login_limit_per_ip: str = "30 per minute;300 per hour"
    login_limit_per_account: str = "5 per minute;50 per hour"
    register_limit_per_ip: str = "20 per hour"
    # Public search and lead pages: generous for a person (the search box is debounced), a
    # ceiling for a scraper; the statement timeout bounds each single search.
    search_limit_per_ip: str = "300 per minute"
    ratelimit_enabled: bool = True
    max_json_bytes: int = 1024 * 1024
    max_upload_bytes: int = 50 * 1024 * 1024
    web_dist: Path = PROJECT_ROOT / "web" / "dist"
    huey_immediate: bool = False
    ratelimit_prefix: str = "leadnexus"  # separate counters per app instance in tests
    lead_shelf_life_days: int = 180  # a published lead unsold this long expires
    # Email: links in messages are made absolute with public_url; without smtp_url the outbox
    # only logs (development), with it messages go out through that server.
    public_url: str = "http://127.0.0.1:8000"
    smtp_url: str | None = None
    mail_from: str = "Lead-Nexus <no-reply@leadnexus.local>"
    smtp_timeout: float = 10.0
    email_max_attempts: int = 6
    email_retry_seconds: int = 30  # first retry after this, then doubling
    # Web server (gunicorn gthread): every open notification stream holds one thread, so
    # streams are capped per process and `stream_thread_reserve` threads stay for requests.
    web_workers: int = 2
    web_threads: int = 32
    stream_thread_reserve: int = 8
    stream_max_seconds: int = 600  # then the client reconnects with a fresh access token
    stream_poll_seconds: float = 1.0  # catches events of other processes without Redis
    stream_ping_seconds: float = 15.0
    stream_retry_ms: int = 3000
    # Payments: by default the SDK talks to localstripe on loopback (`make run` starts it);
    # real test-mode keys and no STRIPE_API_BASE make the same code talk to Stripe.
    stripe_secret_key: str = EMULATOR_SECRET_KEY
    stripe_publishable_key: str = EMULATOR_PUBLISHABLE_KEY
    stripe_webhook_secret: str = "whsec_test_localstripe"  # noqa: S105 (replaced in from_env)
    stripe_api_base: str | None = EMULATOR_API_BASE
    reservation_minutes: int = 10  # a cart's leads are held for the buyer this long at checkout
    commission_rate: Decimal = Decimal("0.15")  # the marketplace's share of each sale

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def upload_dir(self) -> Path:
        return self.instance_dir / "uploads"

    @property
    def secure_cookies(self) -> bool:
        return self.is_production

    @property
    def stripe_js_url(self) -> str:
        """Where the web app loads Stripe.js: the emulator serves a stand-in of its own."""
        if self.stripe_api_base:
            return f"{self.stripe_api_base.rstrip('/')}/js.stripe.com/v3/"
        return STRIPE_JS_URL

    @property
    def max_streams(self) -> int:
        """Open streams one process admits; the reserve is at most half the threads."""
        reserve = min(self.stream_thread_reserve, self.web_threads // 2)
        return max(1, self.web_threads - reserve)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env = _env("LEADNEXUS_ENV", "development")
        if env not in ENVIRONMENTS:
            raise ConfigError(
                f"LEADNEXUS_ENV must be one of {', '.join(ENVIRONMENTS)}, got {env!r}"
            )
        instance_dir = Path(_env("INSTANCE_DIR", str(PROJECT_ROOT / "instance"))).resolve()
        secret_key = os.environ.get("SECRET_KEY", "")
        if not secret_key:
            if env == "production":
                raise ConfigError("SECRET_KEY must be set in production (LEADNEXUS_ENV=production)")
            secret_key = _development_secret(instance_dir)
        if len(secret_key) < 32:
            raise ConfigError("SECRET_KEY must be at least 32 characters")
        values: dict[str, object] = {
            **_stripe_from_env(instance_dir),
            "env": env,
            "instance_dir": instance_dir,
            "database_url": _env("DATABASE_URL", f"sqlite:///{instance_dir / 'leadnexus.db'}"),
            "redis_url": os.environ.get("REDIS_URL") or None,
            "secret_key": secret_key,
            "cors_origins": tuple(_env_list("CORS_ORIGINS")),
            "bcrypt_rounds": _env_int("BCRYPT_ROUNDS", 11),
            "access_token_ttl": _env_int("ACCESS_TOKEN_TTL", 15 * 60),
            "refresh_token_ttl": _env_int("REFRESH_TOKEN_TTL", 30 * 24 * 3600),
            "ratelimit_enabled": _env("RATELIMIT_ENABLED", "true").lower()
            not in ("0", "false", "no"),
            "max_json_bytes": _env_int("MAX_JSON_BYTES", 1024 * 1024),
            "max_upload_bytes": _env_int("MAX_UPLOAD_BYTES", 50 * 1024 * 1024),
            "lead_shelf_life_days": _env_int("LEAD_SHELF_LIFE_DAYS", 180),
            "web_dist": Path(_env("WEB_DIST", str(PROJECT_ROOT / "web" / "dist"))),
            "public_url": _env("PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/"),
            "smtp_url": os.environ.get("SMTP_URL") or None,
            "mail_from": _env("MAIL_FROM", "Lead-Nexus <no-reply@leadnexus.local>"),
            "smtp_timeout": _env_float("SMTP_TIMEOUT", 10.0),
            "email_max_attempts": _env_int("EMAIL_MAX_ATTEMPTS", 6),
            "email_retry_seconds": _env_int("EMAIL_RETRY_SECONDS", 30),
            "web_workers": _env_int("WEB_WORKERS", 2),
            "web_threads": _env_int("WEB_THREADS", 32),
            "stream_thread_reserve": _env_int("STREAM_THREAD_RESERVE", 8),
            "stream_max_seconds": _env_int("STREAM_MAX_SECONDS", 600),
            "stream_poll_seconds": _env_float("STREAM_POLL_SECONDS", 1.0),
            "stream_ping_seconds": _env_float("STREAM_PING_SECONDS", 15.0),
            "reservation_minutes": _env_int("RESERVATION_MINUTES", 10),
            "commission_rate": _env_decimal("COMMISSION_RATE", "0.15"),
        }
        values.update(overrides)
        settings = cls(**values)  # type: ignore[arg-type]
        settings.validate()
        return settings

    def validate(self) -> None:
        if "*" in self.cors_origins:
            raise ConfigError("CORS_ORIGINS may not contain '*': the API uses credentials")
        if not 4 <= self.bcrypt_rounds <= 15:
            raise ConfigError("BCRYPT_ROUNDS must be between 4 and 15")
        if self.is_production and self.bcrypt_rounds < 10:
            raise ConfigError("BCRYPT_ROUNDS must be at least 10 in production (OWASP ASVS)")
        if not self.public_url.startswith(("http://", "https://")):
            raise ConfigError("PUBLIC_URL must start with http:// or https://")
        if self.smtp_url and not self.smtp_url.startswith(SMTP_SCHEMES):
            raise ConfigError(f"SMTP_URL must start with one of {', '.join(SMTP_SCHEMES)}")
        if self.web_threads < 1 or self.web_workers < 1:
            raise ConfigError("WEB_THREADS and WEB_WORKERS must be at least 1")
        if self.email_max_attempts < 1:
            raise ConfigError("EMAIL_MAX_ATTEMPTS must be at least 1")
        if not 0.05 <= self.stream_poll_seconds <= 1:
            raise ConfigError("STREAM_POLL_SECONDS must be between 0.05 and 1")
        self._validate_payments()

    def _validate_payments(self) -> None:
        if self.reservation_minutes < 1:
            raise ConfigError("RESERVATION_MINUTES must be at least 1")
        if not Decimal(0) <= self.commission_rate < Decimal(1):
            raise ConfigError("COMMISSION_RATE must be at least 0 and below 1 (0.15 is 15%)")
        if self.stripe_api_base and not self.stripe_api_base.startswith(("http://", "https://")):
            raise ConfigError("STRIPE_API_BASE must start with http:// or https://")
        if self.is_production and self.stripe_secret_key == EMULATOR_SECRET_KEY:
            raise ConfigError("STRIPE_SECRET_KEY must be set in production")
        if not self.stripe_webhook_secret:
            raise ConfigError("STRIPE_WEBHOOK_SECRET must be set in production")
        if not self.stripe_publishable_key:
            raise ConfigError("STRIPE_PUBLISHABLE_KEY must be set with a real STRIPE_SECRET_KEY")


def _stripe_from_env(instance_dir: Path) -> dict[str, object]:
    """Stripe keys: the emulator's unless real ones are set; the webhook secret is random per
    install (the emulator signs with whatever it is told), or Stripe's when given."""
    secret_key = _env("STRIPE_SECRET_KEY", "") or EMULATOR_SECRET_KEY
    emulated = secret_key == EMULATOR_SECRET_KEY
    webhook_secret = _env("STRIPE_WEBHOOK_SECRET", "")
    if not webhook_secret and _env("LEADNEXUS_ENV", "development") != "production":
        webhook_secret = _development_secret(instance_dir, "stripe_webhook_secret", "whsec_")
    return {
        "stripe_secret_key": secret_key,
        "stripe_publishable_key": _env("STRIPE_PUBLISHABLE_KEY", "")
        or (EMULATOR_PUBLISHABLE_KEY if emulated else ""),
        "stripe_webhook_secret": webhook_secret,
        "stripe_api_base": (
            _env("STRIPE_API_BASE", "") or (EMULATOR_API_BASE if emulated else "")
        ).rstrip("/")
        or None,
    }
