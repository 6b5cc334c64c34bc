"""Admin endpoints: user management and the audit log."""

from __future__ import annotations

from apiflask import APIBlueprint

from leadnexus.admin import service
from leadnexus.admin.schemas import (
    AuditEntryRead,
    AuditPage,
    UserAdminUpdate,
    UserListQuery,
    UserPage,
)
from leadnexus.audit import service as audit
from leadnexus.auth.access import auth_required, current_user
from leadnexus.auth.models import Role
from leadnexus.auth.schemas import UserRead
from leadnexus.extensions import client_ip, db_session
from leadnexus.pagination import PageQuery

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
    return UserPage(
        data=[UserRead.model_validate(u) for u in page.items],
        next_cursor=page.next_cursor,
        has_more=page.has_more,
    )


@bp.patch("/users/<int:user_id>")
@auth_required(Role.ADMIN)
@bp.input(UserAdminUpdate, arg_name="body")
@bp.output(UserRead)
def update_user(user_id: int, body: UserAdminUpdate) -> UserRead:
    """Activate, deactivate or change the role of an account"""
    session = db_session()
    user = service.update_user(
        session=session,
        admin=current_user(),
        user_id=user_id,
        is_active=body.is_active,
        role=body.role,
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
    page = audit.list_entries(session=db_session(), limit=query.limit, cursor=query.cursor)
    return AuditPage(
        data=[
            AuditEntryRead(
                id=entry.id,
                actor_id=entry.actor_id,
                actor_email=email,
                action=entry.action,
                target_type=entry.target_type,
                target_id=entry.target_id,
                data=entry.data,
                created_at=entry.created_at,
            )
            for entry, email in page.items
        ],
        next_cursor=page.next_cursor,
        has_more=page.has_more,
    )
