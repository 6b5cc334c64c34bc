"""Notifications: `notify()` for every feature, reading and marking, email preferences.

`notify()` only adds rows to the caller's transaction. What reaches the outside world (the
live stream, an email) is done after that transaction commits (`db.run_after_commit`); a
rolled-back transaction notifies nobody.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from sqlalchemy import Engine, func, inspect, select, update
from sqlalchemy.orm import Session

from leadnexus.audit import service as audit
from leadnexus.auth.models import Role, User
from leadnexus.db import run_after_commit, utcnow
from leadnexus.errors import NotFound
from leadnexus.notifications.live import get_broker
from leadnexus.notifications.models import Notification, NotificationPreference, NotificationType
from leadnexus.pagination import Page, keyset_page

log = logging.getLogger(__name__)

TITLE_MAX = 200
LINK_MAX = 500
# Email for everything that needs the user's attention; approvals are routine and in-app only.
DEFAULT_EMAIL: dict[NotificationType, bool] = {
    NotificationType.UPLOAD_FINISHED: True,
    NotificationType.LEAD_APPROVED: False,
    NotificationType.LEAD_REJECTED: True,
    NotificationType.LEAD_SOLD: True,
    NotificationType.PURCHASE_COMPLETED: True,
    NotificationType.SAVED_SEARCH_MATCH: True,
    NotificationType.ANNOUNCEMENT: True,
}
Audience = Literal["all", "clients", "vendors", "admins"]
AUDIENCE_ROLES: dict[str, tuple[Role, ...]] = {
    "all": (Role.CLIENT, Role.VENDOR, Role.ADMIN),
    "clients": (Role.CLIENT,),
    "vendors": (Role.VENDOR,),
    "admins": (Role.ADMIN,),
}


@dataclass(frozen=True)
class Delivered:
    """What the after-commit work needs of a notification, copied while the row is fresh."""

    id: int
    user_id: int
    type: NotificationType
    title: str
    body: str | None
    link: str | None


def _check_link(link: str | None) -> str | None:
    """In-app paths only ("/vendor/uploads/7"): emails make them absolute with PUBLIC_URL."""
    if link is None or link == "":
        return None
    if not link.startswith("/") or link.startswith("//") or len(link) > LINK_MAX:
        raise ValueError(f"a notification link must be an in-app path, got {link!r}")
    return link


def _short_title(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + "…"


def notify(
    session: Session,
    user_id: int,
    type: NotificationType | str,
    title: str,
    body: str | None = None,
    link: str | None = None,
    data: dict[str, Any] | None = None,
) -> Notification:
    """Add a notification for one user; pushed and emailed only once the session commits."""
    return notify_many(session, [user_id], type, title, body, link, data)[0]


def notify_many(
    session: Session,
    user_ids: Iterable[int],
    type: NotificationType | str,
    title: str,
    body: str | None = None,
    link: str | None = None,
    data: dict[str, Any] | None = None,
) -> list[Notification]:
    """The same notification for many users (one row each), in one flush."""
    kind = NotificationType(type)
    link = _check_link(link)
    title = _short_title(title)
    rows = [
        Notification(
            user_id=user_id,
            type=kind.value,
            title=title,
            body=body or None,
            link=link,
            data=dict(data or {}),
        )
        for user_id in dict.fromkeys(user_ids)
    ]
    if not rows:
        return []
    session.add_all(rows)
    session.flush()
    delivered = [(row, Delivered(row.id, row.user_id, kind, title, row.body, link)) for row in rows]
    run_after_commit(session, partial(_deliver_persisted, session.get_bind(), delivered))
    return rows


def _deliver_persisted(bind: Engine, delivered: list[tuple[Notification, Delivered]]) -> None:
    # Rows added inside a savepoint that was rolled back are transient again: skip them.
    kept = [snapshot for row, snapshot in delivered if inspect(row).persistent]
    if kept:
        _deliver(bind, kept)


def _deliver(bind: Engine, delivered: list[Delivered]) -> None:
    """Live push and emails. The committed work stands whatever happens here, so errors log."""
    from leadnexus import tasks  # the tasks module imports the features: import late

    try:
        settings = tasks.task_settings()
    except RuntimeError:
        log.warning("notifications committed in a process without settings: not delivered")
        return
    try:
        get_broker(settings.redis_url).publish(d.user_id for d in delivered)
    except Exception:
        log.exception("could not publish %d notifications", len(delivered))
    try:
        from leadnexus.notifications import email
        from leadnexus.notifications.tasks import enqueue_emails

        # SQL cannot run in the committed session: the outbox gets its own transaction, and
        # is committed before its job is queued (the job reads what was committed).
        with Session(bind=bind, expire_on_commit=False) as outbox_session:
            outbox_ids = email.queue_emails(
                session=outbox_session, delivered=delivered, settings=settings
            )
            outbox_session.commit()
        enqueue_emails(outbox_ids)
    except Exception:
        log.exception("could not queue emails for %d notifications", len(delivered))


def list_notifications(
    *, session: Session, user_id: int, unread_only: bool, limit: int, cursor: str | None
) -> Page[Notification]:
    """The user's notifications, newest first."""
    query = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    return keyset_page(session, query, Notification.id, limit=limit, cursor=cursor)


def unread_count(*, session: Session, user_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        )
        or 0
    )


def mark_read(*, session: Session, user_id: int, notification_id: int) -> Notification:
    """Mark one of the user's notifications read; someone else's is not found."""
    notification = session.get(Notification, notification_id)
    if notification is None or notification.user_id != user_id:
        raise NotFound("No notification with this id.", code="notification_not_found")
    if notification.read_at is None:
        notification.read_at = utcnow()
        session.flush()
    return notification


def mark_all_read(*, session: Session, user_id: int) -> int:
    """Mark every unread notification of the user read; returns how many changed."""
    result = session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return result.rowcount or 0


def latest_id(*, session: Session, user_id: int) -> int:
    """The id of the user's newest notification (0 without any): where a new stream starts."""
    return (
        session.scalar(select(func.max(Notification.id)).where(Notification.user_id == user_id))
        or 0
    )


def notifications_after(
    *, session: Session, user_id: int, after_id: int, limit: int = 100
) -> list[Notification]:
    """The user's notifications with an id above `after_id`, oldest first (index user_id, id)."""
    return list(
        session.scalars(
            select(Notification)
            .where(Notification.user_id == user_id, Notification.id > after_id)
            .order_by(Notification.id)
            .limit(limit)
        )
    )


def notification_ids_between(
    *, session: Session, user_id: int, after_id: int, up_to_id: int
) -> list[int]:
    """Ids of the user's notifications in (after_id, up_to_id], from the (user_id, id) index."""
    return list(
        session.scalars(
            select(Notification.id).where(
                Notification.user_id == user_id,
                Notification.id > after_id,
                Notification.id <= up_to_id,
            )
        )
    )


def notifications_by_ids(*, session: Session, user_id: int, ids: list[int]) -> list[Notification]:
    """The user's notifications among `ids`, oldest first."""
    return list(
        session.scalars(
            select(Notification)
            .where(Notification.user_id == user_id, Notification.id.in_(ids))
            .order_by(Notification.id)
        )
    )


def _merge_email(stored: Mapping[str, bool] | None) -> dict[NotificationType, bool]:
    merged = dict(DEFAULT_EMAIL)
    for key, value in (stored or {}).items():
        if key in NotificationType.__members__.values():
            merged[NotificationType(key)] = bool(value)
    return merged


def email_preferences(*, session: Session, user_id: int) -> dict[NotificationType, bool]:
    """Whether the user gets an email for each type: their choices over the defaults."""
    stored = session.get(NotificationPreference, user_id)
    return _merge_email(stored.email if stored else None)


def email_preferences_for(
    *, session: Session, user_ids: Iterable[int]
) -> dict[int, dict[NotificationType, bool]]:
    """email_preferences() of many users in one query."""
    ids = set(user_ids)
    rows = session.scalars(
        select(NotificationPreference).where(NotificationPreference.user_id.in_(ids))
    )
    stored = {row.user_id: row.email for row in rows}
    return {user_id: _merge_email(stored.get(user_id)) for user_id in ids}


def update_email_preferences(
    *, session: Session, user_id: int, changes: Mapping[NotificationType, bool]
) -> dict[NotificationType, bool]:
    """Change some email choices; the others keep their value."""
    stored = session.get(NotificationPreference, user_id)
    if stored is None:
        stored = NotificationPreference(user_id=user_id, email={})
        session.add(stored)
    # A new dict: JSON columns track assignment, not in-place mutation.
    stored.email = {**stored.email, **{kind.value: bool(on) for kind, on in changes.items()}}
    session.flush()
    return _merge_email(stored.email)


def announce(
    *,
    session: Session,
    admin: User,
    title: str,
    body: str,
    link: str | None,
    audience: Audience,
    ip: str | None = None,
) -> int:
    """Notify every active user of the audience; audit-logged. Returns the recipient count."""
    roles = [role.value for role in AUDIENCE_ROLES[audience]]
    user_ids = list(
        session.scalars(
            select(User.id).where(User.is_active.is_(True), User.role.in_(roles)).order_by(User.id)
        )
    )
    notify_many(session, user_ids, NotificationType.ANNOUNCEMENT, title, body, link)
    audit.record(
        session=session,
        actor=admin,
        action="announcement.sent",
        target_type="announcement",
        data={"title": title, "audience": audience, "recipients": len(user_ids)},
        ip=ip,
    )
    return len(user_ids)
