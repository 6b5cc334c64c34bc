"""Writing and reading the audit log."""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy.orm import Session

from leadnexus.audit.models import AuditEntry


class Actor(Protocol):
    """Whoever acted: a user, seen only by id (the audit log sits below accounts)."""

    @property
    def id(self) -> int: ...


def record(
    *,
    session: Session,
    actor: Actor | None,
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
