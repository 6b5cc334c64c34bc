"""notify(): rows in the caller's transaction; push and email only after it commits."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from leadnexus.auth.models import Role
from leadnexus.notifications import delivery, preferences, service
from leadnexus.notifications.models import EmailOutbox, Notification, NotificationType


class RecordingBroker:
    """Records publishes, and what another connection could read at that moment."""

    def __init__(self, database) -> None:
        self.database = database
        self.published: list[int] = []
        self.visible_then: list[int] = []

    def publish(self, user_ids) -> None:
        ids = list(user_ids)
        self.published.extend(ids)
        with self.database.session() as other:
            self.visible_then.append(
                other.scalar(select(func.count()).select_from(Notification)) or 0
            )

    def subscribe(self, user_id):  # pragma: no cover - not used here
        raise NotImplementedError


@pytest.fixture
def broker(database, monkeypatch) -> RecordingBroker:
    recording = RecordingBroker(database)
    monkeypatch.setattr(delivery, "get_broker", lambda _url: recording)
    return recording


def _counts(database) -> tuple[int, int]:
    with database.session() as session:
        notifications = session.scalar(select(func.count()).select_from(Notification))
        emails = session.scalar(select(func.count()).select_from(EmailOutbox))
    return notifications, emails


def test_commit_publishes_and_emails_after_the_rows_are_visible(database, make, broker, caplog):
    user = make.user(Role.VENDOR)
    caplog.set_level("INFO", logger="leadnexus.notifications.email")
    with database.session() as session:
        notification = service.notify(
            session,
            user.id,
            NotificationType.UPLOAD_FINISHED,
            "Your upload leads.csv finished",
            body="120 accepted, 3 rejected",
            link="/vendor/uploads/7",
            data={"upload_id": 7},
        )
        assert notification.id is not None
        assert broker.published == []  # nothing leaves before the commit

    assert broker.published == [user.id]
    assert broker.visible_then == [1]  # published after the commit, not before
    with database.session() as session:
        email = session.scalars(select(EmailOutbox)).one()
    assert email.notification_id == notification.id and email.to_address == user.email
    # No SMTP_URL in tests: the job ran (Huey is immediate in tests) and logged the message.
    assert email.status == "logged" and email.attempts == 1 and email.sent_at is not None
    assert f"to {user.email}: Your upload leads.csv finished" in caplog.text


def test_rollback_notifies_nobody(database, make, broker):
    user = make.user()
    session = database.session_factory()
    service.notify(session, user.id, "purchase_completed", "Thanks for your order")
    session.rollback()
    # The same session commits something else later: the rolled-back notification stays gone.
    session.commit()
    session.close()

    def failing_request() -> None:
        with database.session() as failing:
            service.notify(failing, user.id, "lead_sold", "Sold")
            raise RuntimeError("the request failed after notify()")

    with pytest.raises(RuntimeError):
        failing_request()

    assert broker.published == []
    assert _counts(database) == (0, 0)


def test_closing_without_commit_notifies_nobody(database, make, broker):
    user = make.user()
    session = database.session_factory()
    service.notify(session, user.id, "lead_sold", "Sold")
    session.close()
    session.commit()
    assert broker.published == [] and _counts(database) == (0, 0)


def test_a_rolled_back_savepoint_drops_only_its_notifications(database, make, broker):
    kept, dropped = make.user(), make.user()
    with database.session() as session:
        service.notify(session, kept.id, "lead_sold", "Kept")
        savepoint = session.begin_nested()
        service.notify(session, dropped.id, "lead_sold", "Dropped")
        savepoint.rollback()
    assert broker.published == [kept.id]
    assert _counts(database) == (1, 1)


def test_email_only_for_types_the_user_wants(database, make, broker):
    user, opted_out, inactive = make.user(), make.user(), make.user(is_active=False)
    with database.session() as session:
        preferences.update_email_preferences(
            session=session,
            user_id=opted_out.id,
            changes={NotificationType.ANNOUNCEMENT: False},
        )
    with database.session() as session:
        # lead_approved is in-app only by default.
        service.notify(session, user.id, NotificationType.LEAD_APPROVED, "Approved")
        service.notify_many(
            session, [user.id, opted_out.id, inactive.id, user.id], "announcement", "Hello"
        )
    with database.session() as session:
        recipients = session.scalars(select(EmailOutbox.to_address)).all()
    assert recipients == [user.email]
    assert sorted(broker.published) == sorted([user.id, user.id, opted_out.id, inactive.id])


def test_bad_input_is_a_programming_error(session, make):
    user = make.user()
    with pytest.raises(ValueError, match="not a valid NotificationType"):
        service.notify(session, user.id, "party_invite", "Hi")
    for link in ("https://evil.example/", "//evil.example", "javascript:alert(1)"):
        with pytest.raises(ValueError, match="in-app path"):
            service.notify(session, user.id, "announcement", "Hi", link=link)


def test_long_titles_are_shortened_to_fit(session, make, broker):
    user = make.user()
    notification = service.notify(session, user.id, "announcement", "word " * 100)
    assert len(notification.title) == service.TITLE_MAX and notification.title.endswith("…")


def test_default_and_stored_preferences(session, make):
    user = make.user()
    defaults = preferences.email_preferences(session=session, user_id=user.id)
    assert defaults == preferences.DEFAULT_EMAIL
    assert defaults[NotificationType.LEAD_APPROVED] is False
    assert all(on for kind, on in defaults.items() if kind != NotificationType.LEAD_APPROVED)
    preferences.update_email_preferences(
        session=session, user_id=user.id, changes={NotificationType.LEAD_APPROVED: True}
    )
    preferences.update_email_preferences(
        session=session, user_id=user.id, changes={NotificationType.LEAD_SOLD: False}
    )
    changed = preferences.email_preferences(session=session, user_id=user.id)
    assert changed[NotificationType.LEAD_APPROVED] is True
    assert changed[NotificationType.LEAD_SOLD] is False
    assert changed[NotificationType.UPLOAD_FINISHED] is True
