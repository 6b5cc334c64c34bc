"""Background jobs of accounts."""

from __future__ import annotations

import logging

from huey import crontab

from leadnexus.auth.service import purge_expired_refresh_tokens as purge
from leadnexus.queue import huey, task_database

log = logging.getLogger(__name__)


@huey.periodic_task(crontab(minute="17"))
def purge_expired_refresh_tokens() -> int:
    """Hourly: expired refresh tokens can never be used again, so they need not be kept."""
    with task_database().session() as session:
        removed = purge(session=session)
    log.info("purged %d expired refresh tokens", removed)
    return removed
