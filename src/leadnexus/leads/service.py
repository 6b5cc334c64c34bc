"""A vendor's own leads: list, read, create and edit one lead through the same pipeline."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leadnexus.auth.models import User
from leadnexus.errors import Conflict, FieldError, NotFound, ValidationFailed
from leadnexus.jsontext import decoded
from leadnexus.leads import events, lifecycle
from leadnexus.leads.ingest.preparation import FIELD_COLUMNS, PricePolicy, RowInput
from leadnexus.leads.ingest.processing import Evaluated, evaluate_rows
from leadnexus.leads.models import Lead, LeadStatus
from leadnexus.leads.validation.pipeline import FileDefaults
from leadnexus.pagination import Page, keyset_page

# Pipeline results that the lifecycle, not the edit, decides.
STATUS_COLUMNS = {"status", "approval_status", "source_row"}


def list_own_leads(
    *,
    session: Session,
    vendor: User,
    status: str | None,
    upload_id: int | None,
    limit: int,
    cursor: str | None,
) -> Page[Lead]:
    query = select(Lead).where(Lead.vendor_id == vendor.id)
    if status:
        query = query.where(Lead.status == status)
    if upload_id is not None:
        query = query.where(Lead.upload_id == upload_id)
    return keyset_page(session, query, Lead.id, limit=limit, cursor=cursor)


def get_own_lead(*, session: Session, vendor: User, lead_id: int) -> Lead:
    """Another vendor's lead is 'not found', so ids reveal nothing."""
    lead = session.get(Lead, lead_id)
    if lead is None or lead.vendor_id != vendor.id:
        raise NotFound("No lead with this id.", code="lead_not_found")
    return lead


def _verdict(evaluated: Evaluated, raw: dict[str, str]) -> dict[str, Any]:
    if evaluated.rejected:
        errors = [FieldError(r.field or "lead", r.code, r.message) for r in evaluated.reasons]
        raise ValidationFailed(
            "The lead did not pass validation: " + "; ".join(e.message for e in errors),
            code="lead_rejected",
            errors=errors,
        )
    values = decoded(evaluated.values)  # ORM attributes take Python objects, not encoded JSON
    if errors := _dropped(raw, values):
        raise ValidationFailed(
            "Some values could not be kept: " + "; ".join(e.message for e in errors),
            code="lead_value_invalid",
            errors=errors,
        )
    return values


def _dropped(raw: dict[str, str], values: dict[str, Any]) -> list[FieldError]:
    """Values the vendor gave that the pipeline could not keep (an invalid email next to a valid
    phone, an unknown country …), with its reasons.

    An upload keeps such a row without the value and reports it; one lead typed in or edited is
    refused instead, so the vendor corrects it, and an edit never replaces a good stored value
    with nothing.
    """
    reasons = [
        reason
        for stage in values["validation_report"]
        if stage["status"] in ("warn", "fail")  # not "not_checked" (MX lookup off) nor "pass"
        for reason in stage["reasons"]
    ]
    return [
        FieldError(name, reason["code"], reason["message"])
        for name in raw
        if values.get(FIELD_COLUMNS.get(name, name)) in (None, "")
        for reason in reasons
        if reason.get("field") == name
    ]


def create_lead(
    *,
    session: Session,
    vendor: User,
    raw: dict[str, str],
    price: Decimal,
    currency: str,
    max_sales: int,
    default_country: str | None,
) -> Lead:
    """Validate, score and store one lead; a rejected lead raises with the pipeline's reasons."""
    [evaluated] = evaluate_rows(
        session,
        vendor_id=vendor.id,
        rows=[RowInput(None, raw)],
        defaults=FileDefaults(default_country=default_country),
        price=PricePolicy(mode="fixed", amount=price, currency=currency),
        max_sales=max_sales,
    )
    lead = Lead(vendor_id=vendor.id, **_verdict(evaluated, raw))
    session.add(lead)
    session.flush()
    return _auto_review(session, lead)


def _auto_review(session: Session, lead: Lead) -> Lead:
    """A lead that an auto-approval rule accepts is published at once (review's flows)."""
    events.submit(session, lead.id)
    session.refresh(lead)
    return lead


def _raw_of(lead: Lead) -> dict[str, str]:
    raw = {name: getattr(lead, column) for name, column in FIELD_COLUMNS.items()}
    raw["consent_date"] = lead.consent_date.isoformat() if lead.consent_date else None
    return {k: str(v) for k, v in raw.items() if v not in (None, "")}


def update_lead(
    *,
    session: Session,
    vendor: User,
    lead_id: int,
    changes: dict[str, str | None],
    price: Decimal | None,
    max_sales: int | None,
) -> Lead:
    """Apply the changes and run the whole pipeline again; the lead goes back to review."""
    lead = get_own_lead(session=session, vendor=vendor, lead_id=lead_id)
    if not lifecycle.can_move(lead.status, LeadStatus.PROCESSING):
        raise Conflict(
            f"This lead is {lead.status.replace('_', ' ')} and can no longer be edited.",
            code="lead_not_editable",
        )
    if lead.sales_count:
        # Buyers paid for the lead as it was; changing it would rewrite what they bought.
        raise Conflict("A lead that has sold can no longer be edited.", code="lead_not_editable")
    raw = _raw_of(lead)
    for name, value in changes.items():
        if value in (None, ""):
            raw.pop(name, None)
        else:
            raw[name] = value
    if max_sales is not None and max_sales < lead.sales_count:
        raise ValidationFailed.for_field(
            "max_sales",
            "below_sales_count",
            f"This lead was already sold {lead.sales_count} times.",
        )
    [evaluated] = evaluate_rows(
        session,
        vendor_id=vendor.id,
        rows=[RowInput(lead.source_row, raw)],
        defaults=FileDefaults(),
        price=PricePolicy(
            mode="fixed", amount=price if price is not None else lead.price, currency=lead.currency
        ),
        max_sales=max_sales or lead.max_sales,
        exclude_lead_id=lead.id,
    )
    values = _verdict(evaluated, raw)
    by_vendor = lifecycle.Actor(user_id=vendor.id)
    lifecycle.move(session, lead, LeadStatus.PROCESSING, actor=by_vendor)
    for column, value in values.items():
        if column not in STATUS_COLUMNS:
            setattr(lead, column, value)
    session.flush()
    lifecycle.move(session, lead, LeadStatus.PENDING_REVIEW, actor=by_vendor)
    return _auto_review(session, lead)


def withdraw_lead(*, session: Session, vendor: User, lead_id: int) -> Lead:
    """Take a published lead off the market; editing it later sends it back to review."""
    lead = get_own_lead(session=session, vendor=vendor, lead_id=lead_id)
    if lead.status == LeadStatus.WITHDRAWN.value:
        return lead  # withdrawing twice is not an error
    return lifecycle.move(
        session, lead, LeadStatus.WITHDRAWN, actor=lifecycle.Actor(user_id=vendor.id)
    )
