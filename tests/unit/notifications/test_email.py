"""Notification emails through a real SMTP server on loopback (aiosmtpd), retries, the sweep."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select, update

from leadnexus import queue
from leadnexus.auth.models import Role
from leadnexus.db import utcnow
from leadnexus.notifications import email, service
from leadnexus.notifications.models import EmailOutbox, NotificationType
from leadnexus.notifications.tasks import sweep_email_outbox

PUBLIC_URL = "https://leads.example.com"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd handler: keeps every accepted message; can refuse recipients."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []
        self.refuse = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"mailer"
    return AuthResult(success=ok and auth_data.password == b"s3cret pass")


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=_authenticator,
        auth_require_tls=False,  # loopback only; smtplib logs in over plain SMTP here
    )
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def mail_settings(settings, smtp):
    _inbox, port = smtp
    return dataclasses.replace(
        settings,
        smtp_url=f"smtp://mailer:s3cret%20pass@127.0.0.1:{port}",
        mail_from="Lead-Nexus <alerts@leads.example.com>",
        public_url=PUBLIC_URL,
        smtp_timeout=5,
        email_max_attempts=3,
    )


@pytest.fixture
def bound(database, mail_settings):
    """The jobs of this process use the SMTP settings (the app fixture bound the defaults)."""
    queue.bind(database, mail_settings)
    return mail_settings


def _parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content()


def test_notification_email_is_sent_through_smtp(database, make, smtp, bound):
    inbox, _port = smtp
    vendor = make.user(Role.VENDOR, name="Vera Vendor")
    with database.session() as session:
        service.notify(
            session,
            vendor.id,
            NotificationType.UPLOAD_FINISHED,
            "Your upload leads.csv finished",
            body="120 leads accepted, 3 rejected.",
            link="/vendor/uploads/7",
        )

    [(recipients, message)] = inbox.messages
    assert recipients == [vendor.email]
    assert message["To"] == vendor.email
    assert message["From"] == "Lead-Nexus <alerts@leads.example.com>"
    assert message["Subject"] == "Your upload leads.csv finished · Lead-Nexus"
    assert message["Message-ID"].endswith("@leads.example.com>")
    text, html = _parts(message)
    for part in (text, html):
        assert f"{PUBLIC_URL}/vendor/uploads/7" in part
        assert "120 leads accepted, 3 rejected." in part
        assert f"{PUBLIC_URL}/profile#notifications" in part  # how to change preferences
        assert "Vera Vendor" in part
    assert f'href="{PUBLIC_URL}/vendor/uploads/7"' in html
    with database.session() as session:
        row = session.scalars(select(EmailOutbox)).one()
    assert row.status == "sent" and row.attempts == 1 and row.sent_at is not None


def test_user_content_is_escaped_in_the_html_part():
    rendered = email.render(
        kind=NotificationType.ANNOUNCEMENT,
        title="<script>alert(1)</script>",
        body="Tom & Jerry <b>",
        link=None,
        recipient_name="<img src=x>",
        public_url=PUBLIC_URL,
    )
    assert "<script>" not in rendered.html and "&lt;script&gt;" in rendered.html
    assert "<img src=x>" not in rendered.html and "Tom &amp; Jerry &lt;b&gt;" in rendered.html
    assert f"{PUBLIC_URL}/notifications" in rendered.text  # no link: the notifications page
    assert "<script>alert(1)</script>" in rendered.text  # plain text is not HTML


def _outbox(database) -> EmailOutbox:
    with database.session() as session:
        return session.scalars(select(EmailOutbox)).one()


def _make_due(database) -> None:
    with database.session() as session:
        session.execute(update(EmailOutbox).values(next_attempt_at=utcnow() - timedelta(minutes=5)))


def test_a_refused_email_is_retried_with_backoff_then_failed(database, make, smtp, bound):
    inbox, _port = smtp
    inbox.refuse = True
    user = make.user()
    with database.session() as session:
        service.notify(session, user.id, "purchase_completed", "Thanks for your purchase")

    first = _outbox(database)
    assert first.status == "pending" and first.attempts == 1
    assert "SMTPRecipientsRefused" in (first.last_error or "")
    delay = first.next_attempt_at - utcnow()
    assert timedelta(seconds=25) < delay <= timedelta(seconds=30)  # email_retry_seconds

    # Not due yet: a second job (or the sweep) leaves it alone.
    assert email.deliver(database, first.id, bound) is None

    _make_due(database)
    assert sweep_email_outbox.call_local() == 1  # re-queued and tried (Huey is immediate)
    second = _outbox(database)
    assert second.status == "pending" and second.attempts == 2
    assert second.next_attempt_at - utcnow() > timedelta(seconds=55)  # doubled: 60 s

    _make_due(database)
    result = email.deliver(database, second.id, bound)
    assert result is not None and result.status == "failed"
    final = _outbox(database)
    assert final.status == "failed" and final.attempts == 3 and final.sent_at is None
    assert inbox.messages == []
    assert sweep_email_outbox.call_local() == 0  # failed rows are not retried


def test_an_unreachable_server_counts_as_a_failed_attempt(database, make, bound):
    closed_port = _free_port()
    unreachable = dataclasses.replace(bound, smtp_url=f"smtp://127.0.0.1:{closed_port}")
    queue.bind(database, unreachable)
    user = make.user()
    with database.session() as session:
        service.notify(session, user.id, "lead_sold", "Sold")
    row = _outbox(database)
    assert row.status == "pending" and row.attempts == 1
    assert "ConnectionRefusedError" in (row.last_error or "")
    assert row.next_attempt_at > utcnow()


def test_the_sweep_recovers_an_email_whose_worker_died(database, make, settings):
    user = make.user()
    with database.session() as session:
        notification = service.notify(session, user.id, "lead_sold", "Sold")
        session.flush()
        # As if the job was lost: a pending row that nobody is working on.
        session.add(
            EmailOutbox(
                user_id=user.id,
                to_address=user.email,
                subject="Lost",
                text_body="t",
                html_body="<p>h</p>",
                status="pending",
                next_attempt_at=utcnow() - timedelta(minutes=10),
            )
        )
    assert notification.id
    assert sweep_email_outbox.call_local() == 1
    with database.session() as session:
        statuses = {row.subject: row.status for row in session.scalars(select(EmailOutbox))}
    assert statuses == {"Sold · Lead-Nexus": "logged", "Lost": "logged"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.example.com", ("mail.example.com", 25, "plain", None, None)),
        (
            "smtp+starttls://user%40x.io:p%3Ass@mail.example.com",
            ("mail.example.com", 587, "starttls", "user@x.io", "p:ss"),
        ),
        ("smtps://u:p@mail.example.com:2465", ("mail.example.com", 2465, "ssl", "u", "p")),
    ],
)
def test_smtp_urls(url, expected):
    config = email.SmtpConfig.from_url(url)
    assert (config.host, config.port, config.security, config.username, config.password) == expected


def test_backoff_doubles_and_is_capped():
    assert [email.backoff(n, 30).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert email.backoff(40, 30) == timedelta(hours=6)
