"""Admin endpoints: user management and the audit log."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import Response

from leadnexus.admin import service
from leadnexus.admin.schemas import (
    AuditEntryRead,
    AuditPage,
    SuppressionCreate,
    SuppressionCreated,
    SuppressionPage,
    SuppressionQuery,
    SuppressionRead,
    UserAdminUpdate,
    UserListQuery,
    UserPage,
)
from leadnexus.audit.models import AuditEntry
from leadnexus.auth.access import auth_required, current_user
from leadnexus.auth.models import Role
from leadnexus.auth.schemas import UserRead
from leadnexus.extensions import client_ip, db_session
from leadnexus.leads import suppression
from leadnexus.leads.models import SuppressionKind
from leadnexus.pagination import PageQuery, page_out

bp = APIBlueprint("admin", __name__, url_prefix="/api/admin", tag="Admin")


@bp.get("/users")
@auth_required(Role.ADMIN)
@bp.input(UserListQuery, location="query", arg_name="query")
@bp.output(UserPage)
def list_users(query: UserListQuery) -> UserPage:
    """List and search accounts"""
    page = service.list_users(
        session=db_session(),
        q=query.q,
        role=query.role,
        is_active=query.is_active,
        limit=query.limit,
        cursor=query.cursor,
    )
    return page_out(UserPage, page, UserRead.model_validate)


@bp.patch("/users/<int:user_id>")
@auth_required(Role.ADMIN)
@bp.input(UserAdminUpdate, arg_name="body")
@bp.output(UserRead)
def update_user(user_id: int, body: UserAdminUpdate) -> UserRead:
    """Activate, deactivate, trust (vendors) or change the role of an account"""
    session = db_session()
    user = service.update_user(
        session=session,
        admin=current_user(),
        user_id=user_id,
        is_active=body.is_active,
        role=body.role,
        is_trusted_vendor=body.is_trusted_vendor,
        ip=client_ip(),
    )
    session.commit()
    return UserRead.model_validate(user)


@bp.get("/audit")
@auth_required(Role.ADMIN)
@bp.input(PageQuery, location="query", arg_name="query")
@bp.output(AuditPage)
def audit_log(query: PageQuery) -> AuditPage:
    """The audit log, newest first"""
    page = service.audit_entries(session=db_session(), limit=query.limit, cursor=query.cursor)
    return page_out(AuditPage, page, _audit_read)


def _audit_read(row: tuple[AuditEntry, str | None]) -> AuditEntryRead:
    entry, actor_email = row
    return AuditEntryRead(
        id=entry.id,
        actor_id=entry.actor_id,
        actor_email=actor_email,
        action=entry.action,
        target_type=entry.target_type,
        target_id=entry.target_id,
        data=entry.data,
        created_at=entry.created_at,
    )


@bp.get("/suppressions")
@auth_required(Role.ADMIN)
@bp.input(SuppressionQuery, location="query", arg_name="query")
@bp.output(SuppressionPage)
def list_suppressions(query: SuppressionQuery) -> SuppressionPage:
    """The do-not-contact list"""
    page = suppression.list_suppressions(
        session=db_session(), q=query.q, limit=query.limit, cursor=query.cursor
    )
    return page_out(SuppressionPage, page, SuppressionRead.model_validate)


@bp.post("/suppressions")
@auth_required(Role.ADMIN)
@bp.input(SuppressionCreate, arg_name="body")
@bp.output(SuppressionCreated, status_code=201)
def add_suppression(body: SuppressionCreate) -> SuppressionCreated:
    """Put an email or a domain on the do-not-contact list; matching open leads are removed"""
    session = db_session()
    entry, removed = suppression.add_suppression(
        session=session,
        admin=current_user(),
        kind=SuppressionKind(body.kind),
        value=body.value,
        reason=body.reason,
    )
    session.commit()
    return SuppressionCreated(
        **SuppressionRead.model_validate(entry).model_dump(), leads_removed=removed
    )


@bp.delete("/suppressions/<int:suppression_id>")
@auth_required(Role.ADMIN)
def remove_suppression(suppression_id: int) -> Response:
    """Take an entry off the do-not-contact list"""
    session = db_session()
    suppression.remove_suppression(
        session=session, admin=current_user(), suppression_id=suppression_id
    )
    session.commit()
    return Response(status=204)
