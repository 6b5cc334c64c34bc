"""Auto-approval: pending leads that meet every condition of an active rule are published."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from leadnexus.auth.models import User
from leadnexus.leads import lifecycle
from leadnexus.leads.models import Lead, LeadStatus, ValidationStatus
from leadnexus.review.models import ReviewRule

CHUNK = 5000  # candidate leads read at a time


@dataclass(frozen=True)
class Candidate:
    id: int
    vendor_id: int
    score: float | None
    flags: list[str]
    validation_status: str
    trusted_vendor: bool


def matches(rule: ReviewRule, lead: Candidate) -> bool:
    if rule.min_score is not None and (lead.score is None or lead.score < rule.min_score):
        return False
    if rule.require_no_risk_flags and lead.flags:
        return False
    if rule.require_validation_passed and lead.validation_status != ValidationStatus.PASSED:
        return False
    return not (rule.trusted_vendors_only and not lead.trusted_vendor)


def first_match(rules: list[ReviewRule], lead: Candidate) -> ReviewRule | None:
    return next((rule for rule in rules if matches(rule, lead)), None)


def active_rules(session: Session) -> list[ReviewRule]:
    return list(
        session.scalars(select(ReviewRule).where(ReviewRule.is_active).order_by(ReviewRule.id))
    )


def _candidates(
    session: Session, *, lead_ids: list[int] | None, upload_id: int | None
) -> Iterable[list[Candidate]]:
    query = (
        select(
            Lead.id,
            Lead.vendor_id,
            Lead.lead_score,
            Lead.risk_flags,
            Lead.validation_status,
            User.is_trusted_vendor,
        )
        .join(User, User.id == Lead.vendor_id)
        .where(Lead.status == LeadStatus.PENDING_REVIEW.value)
        .order_by(Lead.id)
    )
    if upload_id is not None:
        query = query.where(Lead.upload_id == upload_id)
    if lead_ids is not None:
        for start in range(0, len(lead_ids), CHUNK):
            chunk = query.where(Lead.id.in_(lead_ids[start : start + CHUNK]))
            yield [Candidate(*row) for row in session.execute(chunk)]
        return
    last = 0
    while batch := [
        Candidate(*row) for row in session.execute(query.where(Lead.id > last).limit(CHUNK))
    ]:
        yield batch
        last = batch[-1].id


def apply_rules(
    session: Session, *, lead_ids: list[int] | None = None, upload_id: int | None = None
) -> Counter[int]:
    """Approve the pending leads (all, some ids, or one upload's) that an active rule accepts.

    Returns how many leads each vendor had approved, for their notifications. Each lead's event
    names the rule that approved it.
    """
    rules = active_rules(session)
    approved: Counter[int] = Counter()
    if not rules:
        return approved
    for candidates in _candidates(session, lead_ids=lead_ids, upload_id=upload_id):
        by_rule: dict[int, list[Candidate]] = {}
        for lead in candidates:
            rule = first_match(rules, lead)
            if rule is not None:
                by_rule.setdefault(rule.id, []).append(lead)
        for rule_id, leads in by_rule.items():
            moved = set(
                lifecycle.move_many(
                    session,
                    [lead.id for lead in leads],
                    from_=LeadStatus.PENDING_REVIEW,
                    to=LeadStatus.AVAILABLE,
                    actor=lifecycle.Actor(rule_id=rule_id),
                )
            )
            approved.update(lead.vendor_id for lead in leads if lead.id in moved)
    return approved
