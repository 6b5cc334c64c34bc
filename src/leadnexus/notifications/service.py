"""Notifications: `notify()` for every feature, reading and marking, email preferences.

`notify()` only adds rows to the caller's transaction. What reaches the outside world (the
live stream, an email) is done after that transaction commits (`db.run_after_commit`); a
rolled-back transaction notifies nobody.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from typing import Any, Literal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from leadnexus.audit import service as audit
from leadnexus.auth.models import Role, User
from leadnexus.db import run_after_commit, utcnow
from leadnexus.errors import NotFound
from leadnexus.notifications import delivery
from leadnexus.notifications.models import Delivered, Notification, NotificationType
from leadnexus.pagination import Page, keyset_page

log = logging.getLogger(__name__)

TITLE_MAX = 200
LINK_MAX = 500
Audience = Literal["all", "clients", "vendors", "admins"]
AUDIENCE_ROLES: dict[str, tuple[Role, ...]] = {
    "all": (Role.CLIENT, Role.VENDOR, Role.ADMIN),
    "clients": (Role.CLIENT,),
    "vendors": (Role.VENDOR,),
    "admins": (Role.ADMIN,),
}


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
    run_after_commit(session, partial(delivery.deliver_persisted, session.get_bind(), delivered))
    return rows


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
