"""HTTP edge of admin review: the queue, decisions, rejection reasons and auto-approval rules."""

from __future__ import annotations

from datetime import datetime

from apiflask import APIBlueprint
from flask import Response
from sqlalchemy.orm import Session

from leadnexus.auth.access import auth_required, current_user
from leadnexus.auth.models import Role, User
from leadnexus.db import utcnow
from leadnexus.extensions import db_session
from leadnexus.leads import lifecycle, records
from leadnexus.leads.models import Lead
from leadnexus.leads.schemas import LeadEventRead, VendorLeadRead
from leadnexus.review import service
from leadnexus.review.models import REJECTION_LABELS, RejectionReason
from leadnexus.review.schemas import (
    ApproveOne,
    BulkDecision,
    BulkResult,
    OutcomeRead,
    QueuePage,
    QueueQuery,
    ReasonList,
    ReasonRead,
    RejectOne,
    ReviewEventRead,
    ReviewLeadDetail,
    ReviewLeadRead,
    RuleFields,
    RuleList,
    RuleRead,
    RulesApplied,
    RuleUpdate,
    VendorSummary,
)

bp = APIBlueprint("review", __name__, url_prefix="/api/review", tag="Review")


def _reviewed(session: Session, leads: list[Lead]) -> list[ReviewLeadRead]:
    """Leads with their vendor's record and duplicate matches: three queries for a page."""
    vendor_ids = {lead.vendor_id for lead in leads}
    vendors = service.users_by_id(session, vendor_ids)
    vendor_record = records.vendor_records(session, vendor_ids)
    duplicates = service.duplicate_matches(session, leads)
    now = utcnow()
    return [
        ReviewLeadRead.model_validate(
            {
                **VendorLeadRead.model_validate(lead).model_dump(),
                "vendor": _vendor(vendors[lead.vendor_id], vendor_record.get(lead.vendor_id)),
                "duplicates": duplicates.get(lead.id, []),
                "queue_age_seconds": _age(lead.submitted_at, now),
            }
        )
        for lead in leads
    ]


def _age(since: datetime, now: datetime) -> int:
    return max(0, int((now - since).total_seconds()))


def _vendor(user: User, record: records.VendorRecord | None) -> VendorSummary:
    record = record or records.VendorRecord(0, 0, 0)
    return VendorSummary(
        id=user.id,
        name=user.name,
        company=user.company,
        is_trusted_vendor=user.is_trusted_vendor,
        approved=record.approved,
        rejected=record.rejected,
        pending=record.pending,
        approval_rate=record.approval_rate,
    )


def _detail(session: Session, lead: Lead) -> ReviewLeadDetail:
    [read] = _reviewed(session, [lead])
    history = lifecycle.history(session, lead.id)
    actors = service.users_by_id(session, {e.actor_id for e in history if e.actor_id is not None})
    events = [
        ReviewEventRead(
            **LeadEventRead.model_validate(event).model_dump(),
            actor_name=actors[event.actor_id].name if event.actor_id in actors else None,
        )
        for event in history
    ]
    return ReviewLeadDetail.model_validate({**read.model_dump(), "events": events})


@bp.get("/queue")
@auth_required(Role.ADMIN)
@bp.input(QueueQuery, location="query", arg_name="query")
@bp.output(QueuePage)
def queue(query: QueueQuery) -> QueuePage:
    """Leads waiting for review, oldest first by default, with filters"""
    session = db_session()
    filters = service.QueueFilters(
        vendor_id=query.vendor_id,
        industry=query.industry,
        min_score=query.min_score,
        max_score=query.max_score,
        flag=query.flag,
        sort=query.sort,
    )
    page = service.review_queue(
        session=session, filters=filters, limit=query.limit, cursor=query.cursor
    )
    return QueuePage(
        data=_reviewed(session, page.items),
        next_cursor=page.next_cursor,
        has_more=page.has_more,
        pending_total=service.pending_count(session),
    )


@bp.get("/leads/<int:lead_id>")
@auth_required(Role.ADMIN)
@bp.output(ReviewLeadDetail)
def lead_detail(lead_id: int) -> ReviewLeadDetail:
    """Any lead with its validation report, duplicates, vendor record and status history"""
    session = db_session()
    return _detail(session, service.get_lead_for_review(session=session, lead_id=lead_id))


@bp.post("/leads/<int:lead_id>/approve")
@auth_required(Role.ADMIN)
@bp.input(ApproveOne, arg_name="body")
@bp.output(ReviewLeadDetail)
def approve(lead_id: int, body: ApproveOne) -> ReviewLeadDetail:
    """Approve and publish one lead (approving twice is not an error)"""
    return _decide_one(lead_id, service.Action.APPROVE, None, body.note, body.version)


@bp.post("/leads/<int:lead_id>/reject")
@auth_required(Role.ADMIN)
@bp.input(RejectOne, arg_name="body")
@bp.output(ReviewLeadDetail)
def reject(lead_id: int, body: RejectOne) -> ReviewLeadDetail:
    """Reject one lead with a reason the vendor will see"""
    return _decide_one(lead_id, service.Action.REJECT, body.reason, body.note, body.version)


def _decide_one(
    lead_id: int,
    action: service.Action,
    reason: RejectionReason | None,
    note: str | None,
    version: int | None,
) -> ReviewLeadDetail:
    session = db_session()
    lead, _outcome = service.decide_one(
        session=session,
        admin=current_user(),
        lead_id=lead_id,
        action=action,
        reason=reason,
        note=note,
        version=version,
    )
    session.commit()
    return _detail(session, lead)


@bp.post("/decisions")
@auth_required(Role.ADMIN)
@bp.input(BulkDecision, arg_name="body")
@bp.output(BulkResult)
def decide_many(body: BulkDecision) -> BulkResult:
    """Approve or reject many leads at once; each lead gets its own outcome"""
    session = db_session()
    outcomes = service.decide(
        session=session,
        admin=current_user(),
        lead_ids=body.lead_ids,
        action=service.Action(body.action),
        reason=body.reason,
        note=body.note,
        versions=body.versions,
    )
    session.commit()
    kinds = [o.outcome for o in outcomes]
    return BulkResult(
        results=[OutcomeRead.model_validate(o) for o in outcomes],
        approved=kinds.count("approved"),
        rejected=kinds.count("rejected"),
        unchanged=kinds.count("already_approved") + kinds.count("already_rejected"),
        conflicts=kinds.count("conflict"),
        not_found=kinds.count("not_found"),
    )


@bp.get("/reasons")
@auth_required(Role.ADMIN)
@bp.output(ReasonList)
def reasons() -> ReasonList:
    """The fixed list of rejection reasons"""
    return ReasonList(
        data=[
            ReasonRead(code=code, label=label, needs_note=code is RejectionReason.OTHER)
            for code, label in REJECTION_LABELS.items()
        ]
    )


@bp.get("/rules")
@auth_required(Role.ADMIN)
@bp.output(RuleList)
def list_rules() -> RuleList:
    """Auto-approval rules, in the order they are tried"""
    return RuleList(data=[RuleRead.model_validate(r) for r in service.list_rules(db_session())])


@bp.post("/rules")
@auth_required(Role.ADMIN)
@bp.input(RuleFields, arg_name="body")
@bp.output(RuleRead, status_code=201)
def create_rule(body: RuleFields) -> RuleRead:
    """Add an auto-approval rule (it applies to leads processed from now on)"""
    session = db_session()
    rule = service.create_rule(session=session, admin=current_user(), values=body.model_dump())
    session.commit()
    return RuleRead.model_validate(rule)


@bp.patch("/rules/<int:rule_id>")
@auth_required(Role.ADMIN)
@bp.input(RuleUpdate, arg_name="body")
@bp.output(RuleRead)
def update_rule(rule_id: int, body: RuleUpdate) -> RuleRead:
    """Change or pause an auto-approval rule"""
    session = db_session()
    rule = service.update_rule(
        session=session,
        admin=current_user(),
        rule_id=rule_id,
        changes=body.model_dump(exclude_unset=True),
    )
    session.commit()
    return RuleRead.model_validate(rule)


@bp.delete("/rules/<int:rule_id>")
@auth_required(Role.ADMIN)
def delete_rule(rule_id: int) -> Response:
    """Delete an auto-approval rule"""
    session = db_session()
    service.delete_rule(session=session, admin=current_user(), rule_id=rule_id)
    session.commit()
    return Response(status=204)


@bp.post("/rules/apply")
@auth_required(Role.ADMIN)
@bp.output(RulesApplied)
def apply_rules() -> RulesApplied:
    """Run the active rules over the whole queue now"""
    session = db_session()
    approved = service.apply_rules_to_queue(session=session, admin=current_user())
    session.commit()
    return RulesApplied(approved=approved)
