"""Writing and reading the audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leadnexus.audit.models import AuditEntry
from leadnexus.auth.models import User
from leadnexus.pagination import Page, keyset_page


def record(
    *,
    session: Session,
    actor: User | None,
    action: str,
    target_type: str,
    target_id: object | None = None,
    data: dict[str, Any] | None = None,
    ip: str | None = None,
) -> AuditEntry:
    """Append one entry; it becomes part of the caller's transaction."""
    entry = AuditEntry(
        actor_id=actor.id if actor else None,
        action=action,
        target_type=target_type,
        target_id=None if target_id is None else str(target_id),
        data=data or {},
        ip=ip,
    )
    session.add(entry)
    return entry


def list_entries(
    *, session: Session, limit: int, cursor: str | None
) -> Page[tuple[AuditEntry, str | None]]:
    """Newest first, with the actor's email for display."""
    query = select(AuditEntry, User.email).outerjoin(User, User.id == AuditEntry.actor_id)
    return keyset_page(session, query, AuditEntry.id, limit=limit, cursor=cursor)
