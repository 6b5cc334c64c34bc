"""Lead previews and lead detail: what each viewer may see of a lead.

Anyone sees a published lead's preview; its contact data only its vendor, admins and buyers who
paid for it. A lead that is not published is visible only to those same people.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from cachetools import TTLCache
from sqlalchemy import select
from sqlalchemy.orm import Session

from leadnexus.auth.models import User
from leadnexus.errors import NotFound
from leadnexus.leads.models import Lead, LeadStatus
from leadnexus.leads.records import vendor_records
from leadnexus.marketplace.schemas import (
    Contact,
    LeadDetail,
    LeadPreview,
    ValidationSummary,
    VendorCard,
)
from leadnexus.orders.access import Viewer, viewer_for

SIMILAR = 4


_cards: TTLCache[int, VendorCard] = TTLCache(maxsize=10_000, ttl=300)
_cards_lock = threading.Lock()


def vendor_cards(session: Session, leads: Iterable[Lead]) -> dict[int, VendorCard]:
    """Vendor name and approval rate per vendor. Both change slowly and the rate costs a count
    over the vendor's leads, so a card is kept for 5 minutes."""
    vendor_ids = {lead.vendor_id for lead in leads}
    with _cards_lock:
        cards = {v: _cards[v] for v in vendor_ids if v in _cards}
    missing = vendor_ids - set(cards)
    if not missing:
        return cards
    records = vendor_records(session, missing)
    for user in session.scalars(select(User).where(User.id.in_(missing))):
        record = records.get(user.id)
        cards[user.id] = VendorCard(
            id=user.id,
            name=user.name,
            company=user.company,
            approval_rate=record.approval_rate if record else None,
        )
    with _cards_lock:
        _cards.update({v: cards[v] for v in missing if v in cards})
    return cards


def _validation(lead: Lead) -> ValidationSummary:
    return ValidationSummary(
        status=lead.validation_status,
        email_verified=lead.email_verified,
        phone_verified=lead.phone_verified,
        risk_flags=list(lead.risk_flags or []),
        stages={stage["stage"]: stage["status"] for stage in lead.validation_report or []},
    )


def preview(
    lead: Lead, vendor: VendorCard, viewer: Viewer, relevance: float | None = None
) -> LeadPreview:
    return LeadPreview(
        id=lead.id,
        title=lead.title,
        description=lead.description,
        industry=lead.industry,
        job_title=lead.job_title,
        seniority=lead.seniority,
        department=lead.department,
        company_size=lead.company_size,
        annual_revenue=lead.annual_revenue,
        country=lead.country,
        region=lead.region,
        city=lead.city,
        lead_score=lead.lead_score,
        validation=_validation(lead),
        price=lead.price,
        currency=lead.currency,
        max_sales=lead.max_sales,
        sales_count=lead.sales_count,
        status=lead.status,
        published_at=lead.published_at,
        vendor=vendor,
        owned=lead.id in viewer.owned,
        already_have_contact=lead.id in viewer.known_contacts,
        relevance=relevance,
    )


def previews(
    session: Session,
    leads: list[Lead],
    user: User | None,
    relevance: dict[int, float] | None = None,
) -> list[LeadPreview]:
    viewer = viewer_for(session, user, leads)
    cards = vendor_cards(session, leads)
    relevance = relevance or {}
    return [preview(lead, cards[lead.vendor_id], viewer, relevance.get(lead.id)) for lead in leads]


def _exclusivity(lead: Lead) -> str:
    if lead.max_sales == 1:
        return "sold" if lead.sales_count else "exclusive"
    return f"sold {lead.sales_count} of {lead.max_sales}"


def _public_report(lead: Lead) -> list[dict]:
    """Stage results with reason codes and fields only: messages can quote a rejected value."""
    return [
        {
            "stage": stage["stage"],
            "status": stage["status"],
            "reasons": [
                {"code": reason["code"], "field": reason.get("field")}
                for reason in stage.get("reasons", [])
            ],
        }
        for stage in lead.validation_report or []
    ]


def _similar(session: Session, lead: Lead) -> list[Lead]:
    query = (
        select(Lead)
        .where(
            Lead.status == LeadStatus.AVAILABLE.value,
            Lead.industry == lead.industry,
            Lead.id != lead.id,
        )
        .order_by(Lead.published_at.desc())
        .limit(SIMILAR)
    )
    if lead.country:
        query = query.where(Lead.country == lead.country)
    return list(session.scalars(query)) if lead.industry else []


def lead_detail(session: Session, lead_id: int, user: User | None) -> LeadDetail:
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise NotFound("No lead with this id.", code="lead_not_found")
    similar = _similar(session, lead)
    viewer = viewer_for(session, user, [lead, *similar])
    if lead.status != LeadStatus.AVAILABLE.value and not viewer.may_see_contact(lead):
        raise NotFound("No lead with this id.", code="lead_not_found")
    cards = vendor_cards(session, [lead, *similar])
    base = preview(lead, cards[lead.vendor_id], viewer)
    contact = None
    if viewer.may_see_contact(lead):
        contact = Contact(
            first_name=lead.contact_first_name,
            last_name=lead.contact_last_name,
            email=lead.email,
            phone=lead.phone,
            company_name=lead.company_name,
            website=lead.website,
            linkedin_url=lead.linkedin_url,
        )
    return LeadDetail(
        **base.model_dump(),
        score_version=lead.score_version,
        score_breakdown=lead.score_breakdown or [],
        validation_report=_public_report(lead),
        exclusivity=_exclusivity(lead),
        similar=[preview(other, cards[other.vendor_id], viewer) for other in similar],
        contact=contact,
    )


def clear_cache() -> None:
    with _cards_lock:
        _cards.clear()
