"""A vendor's record so far, read from the states of its leads: approvals, rejections, pending.

Reviewers weigh it, and buyers see the approval rate on every lead card.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leadnexus.leads.models import Lead, LeadStatus

APPROVED_STATUSES = (
    LeadStatus.AVAILABLE.value,
    LeadStatus.SOLD.value,
    LeadStatus.EXPIRED.value,
    LeadStatus.WITHDRAWN.value,
)


@dataclass(frozen=True)
class VendorRecord:
    approved: int
    rejected: int
    pending: int

    @property
    def approval_rate(self) -> float | None:
        decided = self.approved + self.rejected
        return round(self.approved / decided, 3) if decided else None


def vendor_records(session: Session, vendor_ids: set[int]) -> dict[int, VendorRecord]:
    """Each vendor's decisions so far (from its leads' states), for the reviewer's judgement.

    Grouped by (vendor, status), which the (vendor_id, status) index answers on its own.
    """
    if not vendor_ids:
        return {}
    counts: dict[int, Counter[str]] = {vendor_id: Counter() for vendor_id in vendor_ids}
    rows = session.execute(
        select(Lead.vendor_id, Lead.status, func.count())
        .where(Lead.vendor_id.in_(vendor_ids))
        .group_by(Lead.vendor_id, Lead.status)
    )
    for vendor_id, status, count in rows:
        counts[vendor_id][status] += count
    return {
        vendor_id: VendorRecord(
            approved=sum(by_status[s] for s in APPROVED_STATUSES),
            rejected=by_status[LeadStatus.REJECTED.value],
            pending=by_status[LeadStatus.PENDING_REVIEW.value],
        )
        for vendor_id, by_status in counts.items()
        if by_status
    }
