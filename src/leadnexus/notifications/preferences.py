"""Which notifications a user also gets by email: their choices over the defaults."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from leadnexus.notifications.models import NotificationPreference, NotificationType

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
