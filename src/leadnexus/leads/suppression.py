"""The marketplace-wide do-not-contact list, managed by admins."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from leadnexus.audit import service as audit
from leadnexus.auth.models import User
from leadnexus.auth.schemas import normalise_email
from leadnexus.errors import Conflict, NotFound, ValidationFailed
from leadnexus.leads import lifecycle
from leadnexus.leads.models import Lead, LeadStatus, Suppression, SuppressionKind
from leadnexus.leads.validation.normalisation import normalise_website
from leadnexus.pagination import Page, keyset_page

# Leads still on offer or on their way to it; sold and expired ones are history.
OPEN_STATUSES = (LeadStatus.PENDING_REVIEW, LeadStatus.AVAILABLE, LeadStatus.WITHDRAWN)


def _normalised(kind: SuppressionKind, value: str) -> str:
    normalised = None
    if kind is SuppressionKind.EMAIL:
        try:
            normalised = normalise_email(value)
        except ValueError:
            normalised = None
    else:
        normalised = normalise_website(value.strip().lower())
    if not normalised:
        raise ValidationFailed.for_field(
            "value", "invalid_value", f"This is not a valid {kind.value}."
        )
    return normalised


def add_suppression(
    *, session: Session, admin: User, kind: SuppressionKind, value: str, reason: str | None
) -> tuple[Suppression, int]:
    """Suppress an email or a whole domain; matching open leads are taken off the market."""
    normalised = _normalised(kind, value)
    if session.scalar(
        select(Suppression.id).where(
            Suppression.kind == kind.value, Suppression.value == normalised
        )
    ):
        raise Conflict(
            "This entry is already on the do-not-contact list.", code="already_suppressed"
        )
    entry = Suppression(kind=kind.value, value=normalised, reason=reason, created_by_id=admin.id)
    session.add(entry)
    if kind is SuppressionKind.EMAIL:
        matches = Lead.email == normalised
    else:
        matches = or_(Lead.email.like(f"%@{normalised}"), Lead.website == normalised)
    session.flush()
    removed = _take_off_market(session, admin, matches)
    audit.record(
        session=session,
        actor=admin,
        action="suppression.added",
        target_type="suppression",
        target_id=entry.id,
        data={"kind": kind.value, "value": normalised, "leads_removed": removed},
    )
    return entry, removed or 0


def _take_off_market(session: Session, admin: User, matches: ColumnElement[bool]) -> int:
    """Reject the matching open leads for compliance, each with a lead event."""
    removed = 0
    for status in OPEN_STATUSES:
        ids = session.scalars(select(Lead.id).where(matches, Lead.status == status.value)).all()
        removed += len(
            lifecycle.move_many(
                session,
                ids,
                from_=status,
                to=LeadStatus.REJECTED,
                actor=lifecycle.Actor(user_id=admin.id),
                reason="compliance",
                note="Contact is on the do-not-contact list.",
            )
        )
    return removed


def remove_suppression(*, session: Session, admin: User, suppression_id: int) -> None:
    entry = session.get(Suppression, suppression_id)
    if entry is None:
        raise NotFound("No suppression with this id.", code="suppression_not_found")
    audit.record(
        session=session,
        actor=admin,
        action="suppression.removed",
        target_type="suppression",
        target_id=entry.id,
        data={"kind": entry.kind, "value": entry.value},
    )
    session.delete(entry)
    session.flush()


def list_suppressions(
    *, session: Session, q: str | None, limit: int, cursor: str | None
) -> Page[Suppression]:
    query = select(Suppression)
    if q and q.strip():
        query = query.where(
            func.lower(Suppression.value).contains(q.strip().lower(), autoescape=True)
        )
    return keyset_page(session, query, Suppression.id, limit=limit, cursor=cursor)
