"""What the lead domain tells the rest of the app, without importing it.

The features that react subscribe in their own `flows.py` (review: auto-approval; marketplace:
saved-search alerts). `leadnexus.wiring` imports every flows module in every process, web and
worker, so no subscription can be missing where these are sent.
"""

from __future__ import annotations

from collections.abc import Iterable

from blinker import Namespace
from sqlalchemy.orm import Session

_events = Namespace()

lead_submitted = _events.signal("lead-submitted")
"""A vendor's single lead (created or edited) waits for review: `session`, `lead_id`."""

upload_processed = _events.signal("upload-processed")
"""An upload's job finished: `session`, `upload_id`. Receivers answer how many they published."""

leads_published = _events.signal("leads-published")
"""Leads became available, sent after the commit that published them: `lead_ids`."""


def answers(results: Iterable[tuple[object, object]]) -> int:
    """The sum of what the receivers of one send answered (blinker returns (receiver, value))."""
    return sum(value for _, value in results if isinstance(value, int))


def submit(session: Session, lead_id: int) -> None:
    lead_submitted.send(session, lead_id=lead_id)


def finish_upload(session: Session, upload_id: int) -> int:
    return answers(upload_processed.send(session, upload_id=upload_id))


def announce_published(lead_ids: list[int]) -> None:
    leads_published.send(None, lead_ids=lead_ids)
