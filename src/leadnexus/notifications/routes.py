"""HTTP edge of notifications: the list, marking read, the live stream, email preferences,
and admins' announcements."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import Response, current_app, request

from leadnexus.auth.access import auth_required, current_user
from leadnexus.auth.models import Role
from leadnexus.errors import AppError, ValidationFailed
from leadnexus.extensions import client_ip, close_db_session, database, db_session, settings
from leadnexus.notifications import preferences, service
from leadnexus.notifications.live import StreamSlots, get_broker
from leadnexus.notifications.models import NotificationType
from leadnexus.notifications.schemas import (
    AnnouncementCreate,
    AnnouncementSent,
    NotificationPage,
    NotificationQuery,
    NotificationRead,
    PreferencesRead,
    PreferencesUpdate,
    StreamQuery,
    UnreadCount,
)
from leadnexus.notifications.stream import StreamConfig, event_stream

bp = APIBlueprint("workflows", __name__, url_prefix="/api/workflows", tag="Notifications")
admin_bp = APIBlueprint("notifications_admin", __name__, url_prefix="/api/admin", tag="Admin")

SSE_DOC = {
    "description": "An endless text/event-stream: `retry:`, then `notification` events whose"
    ' data is {"notification": {...}, "unread_count": n}, and `: ping` comments',
    "content": {"text/event-stream": {"schema": {"type": "string"}}},
}


class StreamsBusy(AppError):
    status = 503
    code = "streams_busy"
    title = "Service unavailable"


def _preferences_read(preferences: dict[NotificationType, bool]) -> PreferencesRead:
    return PreferencesRead.model_validate({"email": {k.value: v for k, v in preferences.items()}})


@bp.get("/notifications")
@auth_required()
@bp.input(NotificationQuery, location="query", arg_name="query")
@bp.output(NotificationPage)
def list_notifications(query: NotificationQuery) -> NotificationPage:
    """Your notifications, newest first, with the unread count"""
    session = db_session()
    user_id = current_user().id
    page = service.list_notifications(
        session=session,
        user_id=user_id,
        unread_only=query.unread,
        limit=query.limit,
        cursor=query.cursor,
    )
    return NotificationPage(
        data=[NotificationRead.model_validate(row) for row in page.items],
        next_cursor=page.next_cursor,
        has_more=page.has_more,
        unread_count=service.unread_count(session=session, user_id=user_id),
    )


@bp.post("/notifications/<int:notification_id>/read")
@auth_required()
@bp.output(NotificationRead)
def mark_read(notification_id: int) -> NotificationRead:
    """Mark one of your notifications read"""
    session = db_session()
    notification = service.mark_read(
        session=session, user_id=current_user().id, notification_id=notification_id
    )
    session.commit()
    return NotificationRead.model_validate(notification)


@bp.post("/notifications/read-all")
@auth_required()
@bp.output(UnreadCount)
def mark_all_read() -> UnreadCount:
    """Mark all your notifications read"""
    session = db_session()
    service.mark_all_read(session=session, user_id=current_user().id)
    session.commit()
    return UnreadCount(unread_count=0)


def _last_event_id(query: StreamQuery) -> int | None:
    header = request.headers.get("Last-Event-ID", "").strip()
    if not header:
        return query.last_event_id
    if not header.isdigit() or len(header) > 18:
        raise ValidationFailed.for_field(
            "Last-Event-ID", "invalid", "Last-Event-ID must be an event id this stream sent."
        )
    return int(header)


def _stream_slots() -> StreamSlots:
    # One per process: each open stream holds one of the server's threads.
    return current_app.extensions.setdefault(
        "leadnexus.stream_slots", StreamSlots(settings().max_streams)
    )


@bp.get("/notifications/stream")
@bp.doc(responses={200: SSE_DOC, 503: "Too many open streams on this server; retry later"})
@auth_required()
@bp.input(StreamQuery, location="query", arg_name="query")
def stream(query: StreamQuery) -> Response:
    """Live notifications (Server-Sent Events); resumes after Last-Event-ID"""
    config = settings()
    user_id = current_user().id
    after_id = _last_event_id(query)
    if after_id is None:
        after_id = service.latest_id(session=db_session(), user_id=user_id)
    # The stream reads with short sessions of its own; the request's goes back to the pool.
    close_db_session()
    slots = _stream_slots()
    if not slots.try_acquire():
        raise StreamsBusy(
            "Too many live streams are open on this server; try again shortly.",
            headers={"Retry-After": "10"},
        )
    try:
        body = event_stream(
            database=database(),
            broker=get_broker(config.redis_url),
            user_id=user_id,
            after_id=after_id,
            config=StreamConfig(
                # Never longer than an access token lives: the client reconnects with a new one.
                lifetime=min(config.stream_max_seconds, config.access_token_ttl),
                poll=config.stream_poll_seconds,
                ping=config.stream_ping_seconds,
                retry_ms=config.stream_retry_ms,
            ),
        )
        response = Response(body, mimetype="text/event-stream")
    except BaseException:
        slots.release()
        raise
    # Called by the server when the body ends or the client went away (even if never started).
    response.call_on_close(slots.release)
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response


@bp.get("/notifications/preferences")
@auth_required()
@bp.output(PreferencesRead)
def get_preferences() -> PreferencesRead:
    """Which notifications you also get by email"""
    return _preferences_read(
        preferences.email_preferences(session=db_session(), user_id=current_user().id)
    )


@bp.put("/notifications/preferences")
@auth_required()
@bp.input(PreferencesUpdate, arg_name="body")
@bp.output(PreferencesRead)
def update_preferences(body: PreferencesUpdate) -> PreferencesRead:
    """Choose which notifications you also get by email"""
    session = db_session()
    changes = {
        NotificationType(kind): on for kind, on in body.email.model_dump(exclude_none=True).items()
    }
    chosen = preferences.update_email_preferences(
        session=session, user_id=current_user().id, changes=changes
    )
    session.commit()
    return _preferences_read(chosen)


@admin_bp.post("/announcements")
@auth_required(Role.ADMIN)
@admin_bp.input(AnnouncementCreate, arg_name="body")
@admin_bp.output(AnnouncementSent, status_code=202)
def create_announcement(body: AnnouncementCreate) -> AnnouncementSent:
    """Announce something to all users or to one role (in-app, live and by email)"""
    session = db_session()
    recipients = service.announce(
        session=session,
        admin=current_user(),
        title=body.title,
        body=body.body,
        link=body.link,
        audience=body.audience,
        ip=client_ip(),
    )
    session.commit()
    return AnnouncementSent(recipients=recipients)
