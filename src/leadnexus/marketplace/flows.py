"""What the marketplace does when leads are published: saved searches hear about them."""

from __future__ import annotations

from leadnexus.leads import events
from leadnexus.marketplace.tasks import alert_saved_searches_task


@events.leads_published.connect
def alert_saved_searches(_sender: object, *, lead_ids: list[int]) -> None:
    """In the background, after the publishing commit: matching saved searches, once each."""
    alert_saved_searches_task(lead_ids)
