"""The lead state machine: the only code that changes a lead's status.

    processing ──► pending_review ──► available ──► sold / withdrawn / expired
        ▲   │            │   ▲            │
        │   ▼            ▼   │            ▼
        └─ rejected ◄────┘   └── (vendor edit → processing → review again)

Every change is a conditional update (`WHERE status = <from>`), so of two concurrent decisions
on one lead exactly one wins, and appends a LeadEvent saying who, when, from, to and why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from leadnexus.db import bulk_insert, run_after_commit, utcnow
from leadnexus.errors import Conflict
from leadnexus.leads import events
from leadnexus.leads.models import ApprovalStatus, Lead, LeadEvent, LeadStatus

S = LeadStatus
TRANSITIONS: dict[LeadStatus, frozenset[LeadStatus]] = {
    S.PROCESSING: frozenset({S.PENDING_REVIEW, S.REJECTED}),
    S.PENDING_REVIEW: frozenset({S.AVAILABLE, S.REJECTED, S.PROCESSING}),
    # available → rejected: taken down for compliance (do-not-contact list); → processing: edited
    # by its vendor before any sale, so it is reviewed again.
    S.AVAILABLE: frozenset({S.SOLD, S.WITHDRAWN, S.EXPIRED, S.REJECTED, S.PROCESSING}),
    S.REJECTED: frozenset({S.PROCESSING}),
    S.WITHDRAWN: frozenset({S.PROCESSING, S.REJECTED}),
    S.SOLD: frozenset(),
    S.EXPIRED: frozenset(),
}
APPROVAL_OF: dict[LeadStatus, ApprovalStatus] = {
    S.PROCESSING: ApprovalStatus.PENDING,
    S.PENDING_REVIEW: ApprovalStatus.PENDING,
    S.AVAILABLE: ApprovalStatus.APPROVED,
    S.REJECTED: ApprovalStatus.REJECTED,
}
BATCH = 500  # ids per conditional update: well under every database's parameter limit


@dataclass(frozen=True)
class Actor:
    """Who caused a change: a user, a review rule, or the platform itself (both None)."""

    user_id: int | None = None
    rule_id: int | None = None


SYSTEM = Actor()


def can_move(current: str, to: LeadStatus) -> bool:
    return to in TRANSITIONS[LeadStatus(current)]


def refuse(current: str, to: LeadStatus) -> Conflict:
    return Conflict(
        f"A lead that is {current.replace('_', ' ')} cannot become {to.value.replace('_', ' ')}.",
        code="invalid_transition",
    )


def _changes(to: LeadStatus, now: datetime, reason: str | None, note: str | None) -> dict:
    values: dict = {"status": to.value, "version": Lead.version + 1, "updated_at": now}
    if to in APPROVAL_OF:
        values["approval_status"] = APPROVAL_OF[to].value
    if to is S.PENDING_REVIEW:
        values.update(submitted_at=now, decided_at=None, rejection_reason=None, rejection_note=None)
    elif to is S.AVAILABLE:
        values.update(published_at=now, decided_at=now, rejection_reason=None, rejection_note=None)
    elif to is S.REJECTED:
        values.update(decided_at=now, rejection_reason=reason, rejection_note=note)
    elif to is S.PROCESSING:
        values["published_at"] = None
    return values


def move_many(
    session: Session,
    lead_ids: Iterable[int],
    *,
    from_: LeadStatus,
    to: LeadStatus,
    actor: Actor = SYSTEM,
    reason: str | None = None,
    note: str | None = None,
) -> list[int]:
    """Move the leads that are still `from_` to `to`; returns the ids that moved.

    Leads in any other state are left alone (a concurrent decision got there first); the caller
    tells its user which ones.
    """
    if to not in TRANSITIONS[from_]:
        raise refuse(from_.value, to)
    now = utcnow()
    ids = list(dict.fromkeys(lead_ids))
    moved: list[int] = []
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        moved += session.scalars(
            update(Lead)
            .where(Lead.id.in_(chunk), Lead.status == from_.value)
            .values(**_changes(to, now, reason, note))
            .returning(Lead.id)
            .execution_options(synchronize_session=False)
        ).all()
    _record(session, moved, from_, to, actor, reason, note, now)
    if to is S.AVAILABLE and moved:
        run_after_commit(session, partial(events.announce_published, moved))
    return moved


def move(
    session: Session,
    lead: Lead,
    to: LeadStatus,
    *,
    actor: Actor = SYSTEM,
    reason: str | None = None,
    note: str | None = None,
    expected_version: int | None = None,
) -> Lead:
    """Move one lead, refusing a transition the machine does not allow or a stale version."""
    current = LeadStatus(lead.status)
    if not can_move(current, to):
        raise refuse(current.value, to)
    if expected_version is not None and expected_version != lead.version:
        raise stale()
    moved = move_many(
        session, [lead.id], from_=current, to=to, actor=actor, reason=reason, note=note
    )
    if not moved:
        raise stale()
    session.refresh(lead)
    return lead


def stale() -> Conflict:
    return Conflict(
        "Someone else changed this lead since you loaded it; reload to see its current state.",
        code="lead_changed",
    )


def _record(
    session: Session,
    lead_ids: list[int],
    from_: LeadStatus,
    to: LeadStatus,
    actor: Actor,
    reason: str | None,
    note: str | None,
    now: datetime,
) -> None:
    rows = [
        {
            "lead_id": lead_id,
            "actor_id": actor.user_id,
            "rule_id": actor.rule_id,
            "from_status": from_.value,
            "to_status": to.value,
            "reason": reason,
            "note": note,
            "created_at": now,
        }
        for lead_id in lead_ids
    ]
    bulk_insert(session, LeadEvent.__table__, rows)


def expire_unsold(session: Session, *, published_before: datetime, limit: int = 10_000) -> int:
    """Expire published leads nobody bought since `published_before`; returns how many."""
    ids = session.scalars(
        select(Lead.id)
        .where(Lead.status == S.AVAILABLE.value, Lead.published_at < published_before)
        .limit(limit)
    ).all()
    return len(move_many(session, ids, from_=S.AVAILABLE, to=S.EXPIRED))


def history(session: Session, lead_id: int) -> list[LeadEvent]:
    return list(
        session.scalars(
            select(LeadEvent).where(LeadEvent.lead_id == lead_id).order_by(LeadEvent.id)
        )
    )
