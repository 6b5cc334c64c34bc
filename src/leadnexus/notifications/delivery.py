"""What happens once notifications are committed: the live push and the queued emails.

The committed work stands whatever happens here, so failures are logged, not raised.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session

from leadnexus.notifications import email
from leadnexus.notifications.live import get_broker
from leadnexus.notifications.models import Delivered, Notification
from leadnexus.notifications.tasks import enqueue_emails
from leadnexus.queue import task_settings

log = logging.getLogger(__name__)


def deliver_persisted(bind: Engine, delivered: list[tuple[Notification, Delivered]]) -> None:
    # Rows added inside a savepoint that was rolled back are transient again: skip them.
    kept = [snapshot for row, snapshot in delivered if inspect(row).persistent]
    if kept:
        _deliver(bind, kept)


def _deliver(bind: Engine, delivered: list[Delivered]) -> None:
    """Live push and emails. The committed work stands whatever happens here, so errors log."""
    try:
        settings = task_settings()
    except RuntimeError:
        log.warning("notifications committed in a process without settings: not delivered")
        return
    try:
        get_broker(settings.redis_url).publish(d.user_id for d in delivered)
    except Exception:
        log.exception("could not publish %d notifications", len(delivered))
    try:
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
