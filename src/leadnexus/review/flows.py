"""What review does when the lead domain hands it leads: auto-approval rules run at once."""

from __future__ import annotations

from sqlalchemy.orm import Session

from leadnexus.leads import events
from leadnexus.review.rules import apply_rules
from leadnexus.review.service import notify_auto_approved


@events.lead_submitted.connect
def auto_review_lead(session: Session, *, lead_id: int) -> int:
    """A vendor's single lead: published at once if a rule accepts it, and the vendor told."""
    approved = apply_rules(session, lead_ids=[lead_id])
    notify_auto_approved(session, approved)
    return sum(approved.values())


@events.upload_processed.connect
def auto_review_upload(session: Session, *, upload_id: int) -> int:
    """An upload's leads: the upload's own notification says how many a rule approved."""
    return sum(apply_rules(session, upload_id=upload_id).values())
