"""Notification emails: rendering (Jinja2), the outbox, and sending with retries (smtplib).

Rows are written to `email_outbox` after the notification committed and sent by a worker
job; a failed attempt is retried with exponential backoff until `email_max_attempts`.
Without SMTP_URL (development) a message is only logged and its row marked `logged`.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from functools import cache
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from leadnexus.auth.models import User
from leadnexus.config import Settings
from leadnexus.db import Database, utcnow
from leadnexus.notifications.models import Delivered, EmailOutbox, EmailStatus, NotificationType
from leadnexus.notifications.preferences import email_preferences_for

log = logging.getLogger(__name__)

PRODUCT = "Lead-Nexus"
PREFERENCES_PATH = "/profile#notifications"
# How long a worker may take to send one message before the row counts as abandoned.
SEND_LEASE = timedelta(minutes=5)
TYPE_LABELS: dict[NotificationType, str] = {
    NotificationType.UPLOAD_FINISHED: "Upload finished",
    NotificationType.LEAD_APPROVED: "Lead approved",
    NotificationType.LEAD_REJECTED: "Lead rejected",
    NotificationType.LEAD_SOLD: "Lead sold",
    NotificationType.PURCHASE_COMPLETED: "Purchase completed",
    NotificationType.SAVED_SEARCH_MATCH: "Saved search match",
    NotificationType.ANNOUNCEMENT: "Announcement",
}


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("leadnexus.notifications", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def absolute_url(public_url: str, link: str | None) -> str:
    """An in-app path made absolute for an email; no link opens the notifications page."""
    return public_url.rstrip("/") + (link or "/notifications")


def render(
    *,
    kind: NotificationType,
    title: str,
    body: str | None,
    link: str | None,
    recipient_name: str,
    public_url: str,
) -> RenderedEmail:
    """Subject, plain-text and HTML parts of one notification email."""
    context = {
        "product": PRODUCT,
        "label": TYPE_LABELS[kind],
        "title": title,
        "body": body or "",
        "name": recipient_name,
        "url": absolute_url(public_url, link),
        "preferences_url": absolute_url(public_url, PREFERENCES_PATH),
        "home_url": public_url.rstrip("/") + "/",
    }
    subject = f"{title} · {PRODUCT}"
    if len(subject) > 200:
        subject = subject[:199] + "…"
    return RenderedEmail(
        subject=subject,
        text=_templates().get_template("notification.txt").render(context),
        html=_templates().get_template("notification.html").render(context),
    )


def queue_emails(
    *, session: Session, delivered: Sequence[Delivered], settings: Settings
) -> list[int]:
    """Outbox rows for the notifications whose users want an email of that type."""
    user_ids = {d.user_id for d in delivered}
    users = {
        user.id: user
        for user in session.scalars(
            select(User).where(User.id.in_(user_ids), User.is_active.is_(True))
        )
    }
    preferences = email_preferences_for(session=session, user_ids=users)
    now = utcnow()
    rows = []
    for item in delivered:
        user = users.get(item.user_id)
        if user is None or not preferences[user.id][item.type]:
            continue
        message = render(
            kind=item.type,
            title=item.title,
            body=item.body,
            link=item.link,
            recipient_name=user.name,
            public_url=settings.public_url,
        )
        rows.append(
            EmailOutbox(
                user_id=user.id,
                notification_id=item.id,
                to_address=user.email,
                subject=message.subject,
                text_body=message.text,
                html_body=message.html,
                status=EmailStatus.PENDING.value,
                next_attempt_at=now,
            )
        )
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # "plain", "starttls" or "ssl"
    username: str | None
    password: str | None

    @classmethod
    def from_url(cls, url: str) -> SmtpConfig:
        """smtp://user:pass@host:25, smtp+starttls://…:587 or smtps://…:465."""
        parts = urlsplit(url)
        security, default_port = {
            "smtp": ("plain", 25),
            "smtp+starttls": ("starttls", 587),
            "smtps": ("ssl", 465),
        }[parts.scheme]
        return cls(
            host=parts.hostname or "localhost",
            port=parts.port or default_port,
            security=security,
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
        )


def build_message(row: EmailOutbox, *, mail_from: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = row.to_address
    message["Subject"] = row.subject
    message["Date"] = formatdate(localtime=False)
    domain = parseaddr(mail_from)[1].rpartition("@")[2] or "leadnexus.local"
    message["Message-ID"] = make_msgid(idstring=f"outbox{row.id}", domain=domain)
    message.set_content(row.text_body)
    message.add_alternative(row.html_body, subtype="html")
    return message


def send_smtp(message: EmailMessage, *, config: SmtpConfig, timeout: float) -> None:
    """Hand one message to the SMTP server; raises on any refusal or connection problem."""
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if config.security == "ssl":
        client = smtplib.SMTP_SSL(config.host, config.port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(config.host, config.port, timeout=timeout)
    with client:
        if config.security == "starttls":
            client.starttls(context=context)
        if config.username:
            client.login(config.username, config.password or "")
        client.send_message(message)


def backoff(attempts: int, base_seconds: int) -> timedelta:
    """Delay before the next attempt: base, twice that, four times, … capped at six hours."""
    return timedelta(seconds=min(base_seconds * 2 ** max(0, attempts - 1), 6 * 3600))


@dataclass(frozen=True)
class SendResult:
    status: EmailStatus
    retry_in: timedelta | None = None


def _claim(database: Database, outbox_id: int, now: datetime) -> EmailOutbox | None:
    """Take the row if it is pending and due; the lease keeps a second worker off it."""
    with database.session() as session:
        claimed = session.execute(
            update(EmailOutbox)
            .where(
                EmailOutbox.id == outbox_id,
                EmailOutbox.status == EmailStatus.PENDING.value,
                or_(EmailOutbox.next_attempt_at.is_(None), EmailOutbox.next_attempt_at <= now),
            )
            .values(next_attempt_at=now + SEND_LEASE)
        ).rowcount
        return session.get(EmailOutbox, outbox_id) if claimed == 1 else None


def deliver(database: Database, outbox_id: int, settings: Settings) -> SendResult | None:
    """One attempt at one outbox row; None if it was not due (sent, failed, or being sent)."""
    row = _claim(database, outbox_id, utcnow())
    if row is None:
        return None
    if not settings.smtp_url:
        log.info("email (not sent: SMTP_URL is not set) to %s: %s", row.to_address, row.subject)
        _finish(database, outbox_id, status=EmailStatus.LOGGED, attempts=row.attempts + 1)
        return SendResult(EmailStatus.LOGGED)
    try:
        # No transaction is open while the SMTP server is slow.
        send_smtp(
            build_message(row, mail_from=settings.mail_from),
            config=SmtpConfig.from_url(settings.smtp_url),
            timeout=settings.smtp_timeout,
        )
    except (OSError, smtplib.SMTPException) as exc:
        attempts = row.attempts + 1
        error = f"{type(exc).__name__}: {exc}"[:500]
        if attempts >= settings.email_max_attempts:
            log.error("email %s failed for good after %d attempts: %s", row.id, attempts, error)
            _finish(database, outbox_id, status=EmailStatus.FAILED, attempts=attempts, error=error)
            return SendResult(EmailStatus.FAILED)
        delay = backoff(attempts, settings.email_retry_seconds)
        log.warning("email %s attempt %d failed (%s); retry in %s", row.id, attempts, error, delay)
        _finish(
            database,
            outbox_id,
            status=EmailStatus.PENDING,
            attempts=attempts,
            error=error,
            next_attempt_at=utcnow() + delay,
        )
        return SendResult(EmailStatus.PENDING, retry_in=delay)
    _finish(database, outbox_id, status=EmailStatus.SENT, attempts=row.attempts + 1)
    log.info("email %s sent to %s", row.id, row.to_address)
    return SendResult(EmailStatus.SENT)


def _finish(
    database: Database,
    outbox_id: int,
    *,
    status: EmailStatus,
    attempts: int,
    error: str | None = None,
    next_attempt_at: datetime | None = None,
) -> None:
    done = status in (EmailStatus.SENT, EmailStatus.LOGGED)
    with database.session() as session:
        session.execute(
            update(EmailOutbox)
            .where(EmailOutbox.id == outbox_id)
            .values(
                status=status.value,
                attempts=attempts,
                last_error=error,
                next_attempt_at=next_attempt_at,
                sent_at=utcnow() if done else None,
            )
        )


def due_outbox_ids(*, session: Session, now: datetime, limit: int = 500) -> list[int]:
    """Pending rows whose next attempt is due: never queued, retries, or abandoned leases."""
    return list(
        session.scalars(
            select(EmailOutbox.id)
            .where(
                EmailOutbox.status == EmailStatus.PENDING.value,
                EmailOutbox.next_attempt_at <= now,
            )
            .order_by(EmailOutbox.next_attempt_at)
            .limit(limit)
        )
    )
