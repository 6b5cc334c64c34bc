"""Background jobs of notifications: sending the email outbox, and its sweep."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from huey import crontab

from leadnexus.db import utcnow
from leadnexus.notifications import email
from leadnexus.queue import huey, task_database, task_settings

log = logging.getLogger(__name__)

BATCH = 50
# The sweep leaves fresh rows to the jobs queued for them, and only picks up stragglers.
SWEEP_GRACE = timedelta(minutes=1)


def enqueue_emails(outbox_ids: Sequence[int]) -> None:
    """Queue the outbox rows, in batches: a big announcement is a few jobs, not thousands."""
    for start in range(0, len(outbox_ids), BATCH):
        send_emails_task(list(outbox_ids[start : start + BATCH]))


@huey.task()
def send_emails_task(outbox_ids: list[int]) -> None:
    """One attempt at each row; a failed attempt schedules the row's next one (backoff).

    Safe to run twice: a row is claimed before sending, and only a pending, due row is.
    """
    database, settings = task_database(), task_settings()
    for outbox_id in outbox_ids:
        result = email.deliver(database, outbox_id, settings)
        if result is not None and result.retry_in is not None:
            send_emails_task.schedule(([outbox_id],), delay=result.retry_in.total_seconds())


@huey.periodic_task(crontab(minute="*"))
def sweep_email_outbox() -> int:
    """Every minute: re-queue pending emails that are due but were not sent (a worker died)."""
    with task_database().session() as session:
        due = email.due_outbox_ids(session=session, now=utcnow() - SWEEP_GRACE)
    if due:
        log.info("re-queueing %d due emails", len(due))
        enqueue_emails(due)
    return len(due)
