"""User management for admins; every change is audit-logged in the same transaction."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from leadnexus.audit import service as audit
from leadnexus.audit.models import AuditEntry
from leadnexus.auth.models import Role, User
from leadnexus.auth.service import end_all_sessions
from leadnexus.errors import Conflict, NotFound
from leadnexus.pagination import Page, keyset_page


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_users(
    *,
    session: Session,
    q: str | None,
    role: str | None,
    is_active: bool | None,
    limit: int,
    cursor: str | None,
) -> Page[User]:
    """Newest accounts first, optionally filtered by a search term, role and state."""
    query = select(User)
    if q and q.strip():
        pattern = f"%{_escape_like(q.strip().lower())}%"
        query = query.where(
            or_(
                User.email.like(pattern, escape="\\"),
                User.name.ilike(pattern, escape="\\"),
                User.company.ilike(pattern, escape="\\"),
            )
        )
    if role:
        query = query.where(User.role == role)
    if is_active is not None:
        query = query.where(User.is_active.is_(is_active))
    return keyset_page(session, query, User.id, limit=limit, cursor=cursor)


def update_user(
    *,
    session: Session,
    admin: User,
    user_id: int,
    is_active: bool | None,
    role: str | None,
    is_trusted_vendor: bool | None = None,
    ip: str | None = None,
) -> User:
    """Activate, deactivate, trust or change the role of an account.

    Deactivation and role changes end the account's sessions at once.
    """
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("No user with this id.", code="user_not_found")
    if user.id == admin.id and (is_active is False or (role and role != Role.ADMIN)):
        raise Conflict(
            "You cannot deactivate or demote your own account.", code="cannot_modify_self"
        )
    if is_active is not None and is_active != user.is_active:
        user.is_active = is_active
        end_all_sessions(session=session, user=user)
        audit.record(
            session=session,
            actor=admin,
            action="user.activated" if is_active else "user.deactivated",
            target_type="user",
            target_id=user.id,
            ip=ip,
        )
    if role is not None and role != user.role:
        audit.record(
            session=session,
            actor=admin,
            action="user.role_changed",
            target_type="user",
            target_id=user.id,
            data={"from": user.role, "to": role},
            ip=ip,
        )
        user.role = role
        end_all_sessions(session=session, user=user)
    if is_trusted_vendor is not None and is_trusted_vendor != user.is_trusted_vendor:
        user.is_trusted_vendor = is_trusted_vendor
        audit.record(
            session=session,
            actor=admin,
            action="user.trusted" if is_trusted_vendor else "user.untrusted",
            target_type="user",
            target_id=user.id,
            ip=ip,
        )
    session.flush()
    return user


def audit_entries(
    *, session: Session, limit: int, cursor: str | None
) -> Page[tuple[AuditEntry, str | None]]:
    """Newest first, with the actor's email for display."""
    query = select(AuditEntry, User.email).outerjoin(User, User.id == AuditEntry.actor_id)
    return keyset_page(session, query, AuditEntry.id, limit=limit, cursor=cursor)
