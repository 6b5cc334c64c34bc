"""Background jobs of the marketplace."""

from __future__ import annotations

import logging

from leadnexus.marketplace.saved_searches import alert_matches
from leadnexus.queue import huey, task_database

log = logging.getLogger(__name__)


@huey.task(retries=2, retry_delay=30)
def alert_saved_searches_task(lead_ids: list[int]) -> int:
    """After publication: tell saved searches about the new leads they match (once each)."""
    with task_database().session() as session:
        sent = alert_matches(session, lead_ids)
    log.info("%d saved-search alerts for %d published leads", sent, len(lead_ids))
    return sent
