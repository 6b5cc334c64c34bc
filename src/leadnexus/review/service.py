"""The admin review queue, decisions on one or many leads, and the auto-approval rules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from leadnexus.audit import service as audit
from leadnexus.auth.models import User
from leadnexus.errors import Conflict, NotFound, ValidationFailed
from leadnexus.leads import lifecycle
from leadnexus.leads.ingest.contacts import same_identity
from leadnexus.leads.models import Lead, LeadStatus
from leadnexus.leads.records import APPROVED_STATUSES
from leadnexus.notifications.models import NotificationType
from leadnexus.notifications.service import notify
from leadnexus.pagination import Page, is_key, sorted_page
from leadnexus.review.models import REJECTION_LABELS, RejectionReason, ReviewRule
from leadnexus.review.rules import apply_rules

MAX_DUPLICATES_SHOWN = 5


class QueueSort(StrEnum):
    OLDEST = "oldest"
    NEWEST = "newest"
    SCORE_DESC = "score_desc"
    SCORE_ASC = "score_asc"


class Action(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


@dataclass(frozen=True)
class QueueFilters:
    vendor_id: int | None = None
    industry: str | None = None
    min_score: float | None = None
    max_score: float | None = None
    flag: str | None = None  # a risk flag code, "any" or "none"
    sort: QueueSort = QueueSort.OLDEST


@dataclass(frozen=True)
class DuplicateMatch:
    lead_id: int
    vendor_id: int
    status: str
    matched_on: str


@dataclass(frozen=True)
class Outcome:
    lead_id: int
    outcome: str  # approved | rejected | already_approved | already_rejected | conflict | not_found
    code: str | None = None
    detail: str | None = None
    status: str | None = None
    version: int | None = None


def _queue_query(filters: QueueFilters) -> Any:
    query = select(Lead).where(Lead.status == LeadStatus.PENDING_REVIEW.value)
    if filters.vendor_id is not None:
        query = query.where(Lead.vendor_id == filters.vendor_id)
    if filters.industry:
        query = query.where(Lead.industry == filters.industry)
    if filters.min_score is not None:
        query = query.where(Lead.lead_score >= filters.min_score)
    if filters.max_score is not None:
        query = query.where(Lead.lead_score <= filters.max_score)
    flags_text = cast(Lead.risk_flags, String)
    if filters.flag == "none":
        query = query.where(flags_text == "[]")
    elif filters.flag == "any":
        query = query.where(flags_text != "[]")
    elif filters.flag:
        # Flag codes are checked against the known list by the route, so this is a literal.
        query = query.where(flags_text.contains(f'"{filters.flag}"', autoescape=True))
    return query


def review_queue(
    *, session: Session, filters: QueueFilters, limit: int, cursor: str | None
) -> Page[Lead]:
    if (
        filters.min_score is not None
        and filters.max_score is not None
        and filters.min_score > filters.max_score
    ):
        raise ValidationFailed.for_field(
            "min_score", "range_inverted", "min_score must not be greater than max_score."
        )
    by_score = filters.sort in (QueueSort.SCORE_DESC, QueueSort.SCORE_ASC)
    return sorted_page(
        session,
        _queue_query(filters),
        Lead.lead_score if by_score else Lead.submitted_at,
        Lead.id,
        descending=filters.sort in (QueueSort.NEWEST, QueueSort.SCORE_DESC),
        limit=limit,
        cursor=cursor,
        parse=float if by_score else datetime.fromisoformat,
    )


def pending_count(session: Session) -> int:
    return (
        session.scalar(select(func.count()).where(Lead.status == LeadStatus.PENDING_REVIEW.value))
        or 0
    )


def users_by_id(session: Session, user_ids: set[int]) -> dict[int, User]:
    """The vendors of a page of leads, or the actors of a lead's history: one query."""
    if not user_ids:
        return {}
    return {user.id: user for user in session.scalars(select(User).where(User.id.in_(user_ids)))}


def duplicate_matches(session: Session, leads: list[Lead]) -> dict[int, list[DuplicateMatch]]:
    """Other leads with the same email, phone or (fuzzily) name + company: one query."""
    keys = {
        "email": {lead.email for lead in leads if lead.email},
        "phone": {lead.phone for lead in leads if lead.phone},
        "name and company": {lead.company_key for lead in leads if lead.company_key},
    }
    if not any(keys.values()):
        return {}
    others = session.execute(
        select(Lead.id, Lead.vendor_id, Lead.status, Lead.email, Lead.phone, Lead.identity_key)
        .where(
            or_(
                Lead.email.in_(keys["email"]),
                Lead.phone.in_(keys["phone"]),
                Lead.company_key.in_(keys["name and company"]),
            )
        )
        .limit(1000)
    ).all()
    found: dict[int, list[DuplicateMatch]] = {}
    for lead in leads:
        for other in others:
            if other.id == lead.id:
                continue
            on = _matched_on(lead, other)
            if on and len(found.setdefault(lead.id, [])) < MAX_DUPLICATES_SHOWN:
                found[lead.id].append(DuplicateMatch(other.id, other.vendor_id, other.status, on))
    return found


def _matched_on(lead: Lead, other: Any) -> str | None:
    if lead.email and lead.email == other.email:
        return "email"
    if lead.phone and lead.phone == other.phone:
        return "phone"
    if same_identity(lead.identity_key, other.identity_key):
        return "name and company"
    return None


def get_lead_for_review(*, session: Session, lead_id: int) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise NotFound("No lead with this id.", code="lead_not_found")
    return lead


def _check_reason(action: Action, reason: RejectionReason | None, note: str | None) -> None:
    if action is Action.REJECT and reason is None:
        raise ValidationFailed.for_field("reason", "required", "Choose why the lead is rejected.")
    if reason is RejectionReason.OTHER and not (note and note.strip()):
        raise ValidationFailed.for_field("note", "required", "Say why, when the reason is 'other'.")


def decide(
    *,
    session: Session,
    admin: User,
    lead_ids: list[int],
    action: Action,
    reason: RejectionReason | None = None,
    note: str | None = None,
    versions: dict[int, int] | None = None,
) -> list[Outcome]:
    """Approve or reject leads, each on its own merits; one outcome per requested id.

    Deciding what is already decided the same way is a no-op ("already_..."), a lead decided
    the other way or changed since the reviewer saw it (`versions`) is a conflict: never two
    decisions on one lead.
    """
    _check_reason(action, reason, note)
    versions = versions or {}
    ids = list(dict.fromkeys(lead_ids))
    # An id past 64 bits names no lead, and the drivers refuse to bind it: it is not_found.
    findable = [i for i in ids if is_key(i)]
    current = {
        row.id: row
        for row in session.execute(
            select(Lead.id, Lead.status, Lead.version, Lead.vendor_id).where(Lead.id.in_(findable))
        )
    }
    target = LeadStatus.AVAILABLE if action is Action.APPROVE else LeadStatus.REJECTED
    ready = [
        i
        for i in ids
        if i in current
        and current[i].status == LeadStatus.PENDING_REVIEW.value
        and versions.get(i, current[i].version) == current[i].version
    ]
    moved = set(
        lifecycle.move_many(
            session,
            ready,
            from_=LeadStatus.PENDING_REVIEW,
            to=target,
            actor=lifecycle.Actor(user_id=admin.id),
            reason=reason.value if reason else None,
            note=note.strip() if note else None,
        )
    )
    after = {
        row.id: row
        for row in session.execute(
            select(Lead.id, Lead.status, Lead.version).where(Lead.id.in_(findable))
        )
    }
    outcomes = [_outcome(i, action, i in moved, after.get(i), versions) for i in ids]
    _notify_vendors(session, current, moved, action, reason, note)
    if moved:
        audit.record(
            session=session,
            actor=admin,
            action=f"lead.{'approved' if action is Action.APPROVE else 'rejected'}",
            target_type="lead",
            target_id=sorted(moved)[0] if len(moved) == 1 else None,
            data={"lead_ids": sorted(moved)[:1000], "count": len(moved), "reason": reason},
        )
    return outcomes


def _outcome(
    lead_id: int, action: Action, moved: bool, row: Any, versions: dict[int, int]
) -> Outcome:
    if row is None:
        return Outcome(lead_id, "not_found", "lead_not_found", "No lead with this id.")
    done = "approved" if action is Action.APPROVE else "rejected"
    state = {"status": row.status, "version": row.version}
    if moved:
        return Outcome(lead_id, done, **state)
    same = (action is Action.APPROVE and row.status in APPROVED_STATUSES) or (
        action is Action.REJECT and row.status == LeadStatus.REJECTED.value
    )
    if same:
        return Outcome(lead_id, f"already_{done}", **state)
    if row.status == LeadStatus.PENDING_REVIEW.value and lead_id in versions:
        return Outcome(lead_id, "conflict", "lead_changed", lifecycle.stale().detail, **state)
    detail = f"The lead is {row.status.replace('_', ' ')}; it cannot be {done} now."
    return Outcome(lead_id, "conflict", "lead_already_decided", detail, **state)


def _notify_vendors(
    session: Session,
    leads: dict[int, Any],
    moved: set[int],
    action: Action,
    reason: RejectionReason | None,
    note: str | None,
) -> None:
    """One notification per vendor per decision, however many leads it covers."""
    per_vendor = Counter(leads[i].vendor_id for i in moved)
    for vendor_id, count in per_vendor.items():
        plural = "lead" if count == 1 else "leads"
        if action is Action.APPROVE:
            notify(
                session,
                vendor_id,
                NotificationType.LEAD_APPROVED,
                f"{count} {plural} approved",
                (
                    "Your lead passed review and is now on the marketplace."
                    if count == 1
                    else f"{count} of your leads passed review and are now on the marketplace."
                ),
                "/vendor/leads?status=available",
                {"count": count},
            )
        else:
            notify(
                session,
                vendor_id,
                NotificationType.LEAD_REJECTED,
                _rejection_title(count, plural, reason),
                _rejection_body(reason, note),
                "/vendor/leads?status=rejected",
                {"count": count, "reason": reason.value if reason else None},
            )


def _rejection_title(count: int, plural: str, reason: RejectionReason | None) -> str:
    # "Other" says nothing in a title: the reviewer's note, in the body, says why.
    if reason is None or reason is RejectionReason.OTHER:
        return f"{count} {plural} rejected"
    return f"{count} {plural} rejected: {REJECTION_LABELS[reason].lower()}"


def _rejection_body(reason: RejectionReason | None, note: str | None) -> str:
    action = "Open your rejected leads to see the reviewer's reason, fix them and resubmit."
    if reason is RejectionReason.OTHER and note and note.strip():
        return f"The reviewer wrote: “{note.strip()}” {action}"
    return action


def decide_one(
    *,
    session: Session,
    admin: User,
    lead_id: int,
    action: Action,
    reason: RejectionReason | None = None,
    note: str | None = None,
    version: int | None = None,
) -> tuple[Lead, Outcome]:
    """One lead: a conflict is an error (409), deciding the same way twice is not."""
    lead = get_lead_for_review(session=session, lead_id=lead_id)
    versions = {lead_id: version} if version is not None else None
    [outcome] = decide(
        session=session,
        admin=admin,
        lead_ids=[lead_id],
        action=action,
        reason=reason,
        note=note,
        versions=versions,
    )
    if outcome.outcome == "conflict":
        raise Conflict(outcome.detail or "The lead was already decided.", code=outcome.code)
    session.refresh(lead)
    return lead, outcome


# --- rules -----------------------------------------------------------------------------------


def list_rules(session: Session) -> list[ReviewRule]:
    return list(session.scalars(select(ReviewRule).order_by(ReviewRule.id)))


def _get_rule(session: Session, rule_id: int) -> ReviewRule:
    rule = session.get(ReviewRule, rule_id)
    if rule is None:
        raise NotFound("No rule with this id.", code="rule_not_found")
    return rule


def create_rule(*, session: Session, admin: User, values: dict[str, Any]) -> ReviewRule:
    rule = ReviewRule(created_by_id=admin.id, **values)
    session.add(rule)
    session.flush()
    audit.record(
        session=session,
        actor=admin,
        action="review_rule.created",
        target_type="review_rule",
        target_id=rule.id,
        data=values,
    )
    return rule


def update_rule(
    *, session: Session, admin: User, rule_id: int, changes: dict[str, Any]
) -> ReviewRule:
    rule = _get_rule(session, rule_id)
    for name, value in changes.items():
        setattr(rule, name, value)
    session.flush()
    audit.record(
        session=session,
        actor=admin,
        action="review_rule.updated",
        target_type="review_rule",
        target_id=rule.id,
        data=changes,
    )
    return rule


def delete_rule(*, session: Session, admin: User, rule_id: int) -> None:
    """Leads it approved keep their events; the events' rule link becomes empty."""
    rule = _get_rule(session, rule_id)
    audit.record(
        session=session,
        actor=admin,
        action="review_rule.deleted",
        target_type="review_rule",
        target_id=rule.id,
        data={"name": rule.name},
    )
    session.delete(rule)
    session.flush()


def apply_rules_to_queue(*, session: Session, admin: User) -> int:
    """Run the active rules over everything waiting now (rules otherwise run on new leads)."""
    approved = apply_rules(session)
    notify_auto_approved(session, approved)
    total = sum(approved.values())
    audit.record(
        session=session,
        actor=admin,
        action="review_rules.applied",
        target_type="review_rule",
        data={"approved": total},
    )
    return total


def notify_auto_approved(session: Session, approved: Counter[int]) -> None:
    for vendor_id, count in approved.items():
        plural = "lead" if count == 1 else "leads"
        notify(
            session,
            vendor_id,
            NotificationType.LEAD_APPROVED,
            f"{count} {plural} approved automatically",
            (
                "Your lead met an auto-approval rule and is now for sale."
                if count == 1
                else f"{count} of your leads met an auto-approval rule and are now for sale."
            ),
            "/vendor/leads?status=available",
            {"count": count, "automatic": True},
        )
