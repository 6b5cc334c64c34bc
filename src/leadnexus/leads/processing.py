"""The database half of the quality pipeline: duplicates, suppression, score, price, and rows.

Stages 1-5 are pure functions of one row (`validation.pipeline`); this module runs them for a
batch, then does what needs the database set-wise (one query per check per batch, never per row):
stage 6 duplicates and stage 7 suppression, then stage 8 the quality score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from leadnexus.db import point_lookup
from leadnexus.leads.contacts import ContactSet, company_of, identity_key
from leadnexus.leads.models import Lead, LeadStatus, Suppression, ValidationStatus
from leadnexus.leads.scoring.score import (
    QualityScore,
    ScoreComponent,
    as_marketplace_duplicate,
    score_lead,
)
from leadnexus.leads.validation.pipeline import (
    FileDefaults,
    Reason,
    RowOutcome,
    StageResult,
    run_row_stages,
)

# Canonical pipeline field -> Lead column.
FIELD_COLUMNS = {
    "first_name": "contact_first_name",
    "last_name": "contact_last_name",
    "email": "email",
    "phone": "phone",
    "job_title": "job_title",
    "seniority": "seniority",
    "department": "department",
    "company_name": "company_name",
    "website": "website",
    "company_size": "company_size",
    "annual_revenue": "annual_revenue",
    "industry": "industry",
    "country": "country",
    "region": "region",
    "city": "city",
    "linkedin_url": "linkedin_url",
    "description": "description",
    "consent_source": "consent_source",
    "title": "title",
}


@dataclass(frozen=True)
class PricePolicy:
    """A fixed price, or a price between `minimum` and `maximum` that rises with the score."""

    mode: str = "fixed"
    amount: Decimal = Decimal("25.00")
    minimum: Decimal = Decimal("10.00")
    maximum: Decimal = Decimal("60.00")
    currency: str = "USD"

    def price_for(self, score: float) -> Decimal:
        if self.mode == "fixed":
            return self.amount
        raw = self.minimum + (self.maximum - self.minimum) * Decimal(str(score))
        return raw.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class RowInput:
    row_number: int | None
    raw: dict[str, str]
    problem: str | None = None  # a reader-level problem that rejects the row outright


@dataclass(slots=True)
class Prepared:
    """A row after the pure stages 1-5 and a provisional score: picklable for worker processes."""

    row_number: int | None
    rejected: bool
    reasons: list[Reason]
    email: str | None = None
    phone: str | None = None
    identity: str | None = None
    website: str | None = None
    warning: bool = False
    values: dict[str, Any] = field(default_factory=dict)  # Lead column values if accepted


@dataclass
class Evaluated:
    row_number: int | None
    rejected: bool
    reasons: list[Reason]
    values: dict[str, Any] = field(default_factory=dict)  # Lead column values when accepted
    duplicate: bool = False
    warning: bool = False


def _email_domain(email: str | None) -> str | None:
    return email.rsplit("@", 1)[1] if email and "@" in email else None


def _existing_contacts(
    session: Session,
    *,
    vendor_id: int,
    emails: set[str],
    phones: set[str],
    identities: set[str],
    exclude_upload_id: int | None,
    exclude_lead_id: int | None,
) -> tuple[ContactSet, ContactSet]:
    """Which of these contacts the vendor (own) and other vendors (market) already list.

    One indexed IN query per kind of key (an OR across the columns makes SQLite scan the whole
    table, which turns a large upload quadratic); name + company reads every lead at these
    companies, so that `ContactSet.hit` can compare the names.
    """
    own, market = ContactSet(), ContactSet()
    companies = {company_of(identity) for identity in identities}
    columns = (Lead.email, Lead.phone, Lead.identity_key)
    lookups = ((Lead.email, emails), (Lead.phone, phones), (Lead.company_key, companies))
    for column, values in lookups:
        if not values:
            continue
        query = select(*columns, Lead.vendor_id, Lead.upload_id, Lead.status, Lead.id).where(
            point_lookup(session, column, values)
        )
        for email, phone, identity, owner, upload_id, status, lead_id in session.execute(query):
            if lead_id == exclude_lead_id:
                continue
            if owner == vendor_id:
                # A resumed job must not see its own earlier batches as duplicates.
                if exclude_upload_id is None or upload_id != exclude_upload_id:
                    own.remember(email, phone, identity)
            elif status != LeadStatus.REJECTED.value:
                market.remember(email, phone, identity)
    return own, market


def _suppressed(session: Session, emails: set[str], domains: set[str]) -> tuple[set[str], set[str]]:
    """The suppressed emails and domains among these; one indexed IN query."""
    # Most batches meet an empty or tiny list: a cheap existence check saves a 2,000-value IN.
    if not (emails or domains):
        return set(), set()
    if not session.scalar(select(exists().select_from(Suppression))):
        return set(), set()
    rows = session.execute(
        select(Suppression.kind, Suppression.value).where(
            point_lookup(session, Suppression.value, emails | domains)
        )
    ).all()
    return {v for k, v in rows if k == "email"}, {v for k, v in rows if k == "domain"}


def _stage(name: str, reasons: list[Reason], *, failed: bool = False) -> StageResult:
    status = "fail" if failed else ("warn" if reasons else "pass")
    return StageResult(stage=name, status=status, reasons=reasons)


def stage_dict(stage: StageResult) -> dict[str, Any]:
    return {
        "stage": stage.stage,
        "status": stage.status,
        "reasons": [
            {"code": r.code, "message": r.message, "field": r.field} for r in stage.reasons
        ],
    }


def prepare_rows(
    rows: list[RowInput],
    *,
    defaults: FileDefaults,
    price: PricePolicy,
    max_sales: int,
    check_mx: bool = False,
) -> list[Prepared]:
    """Stages 1-5 and the score for a batch: pure, so worker processes can share the load."""
    return [_prepare_row(row, defaults, price, max_sales, check_mx) for row in rows]


def _prepare_row(
    row: RowInput, defaults: FileDefaults, price: PricePolicy, max_sales: int, check_mx: bool
) -> Prepared:
    if row.problem:
        reason = Reason(row.problem, _problem_message(row.problem))
        return Prepared(row.row_number, True, [reason])
    outcome = run_row_stages(row.raw, defaults, check_mx=check_mx)
    if outcome.rejected:
        reasons = [r for s in outcome.stages if s.status == "fail" for r in s.reasons]
        return Prepared(row.row_number, True, reasons)
    f = outcome.fields
    key = identity_key(f.get("first_name"), f.get("last_name"), f.get("company_name"))
    score = score_lead(
        outcome, duplicate_in_marketplace=False, age_days=_age_days(f.get("consent_date"))
    )
    warning = any(s.status == "warn" for s in outcome.stages)
    return Prepared(
        row_number=row.row_number,
        rejected=False,
        reasons=[],
        email=f.get("email"),
        phone=f.get("phone"),
        identity=key,
        website=f.get("website"),
        warning=warning,
        values=_lead_values(f, key, outcome, score, price, max_sales, row.row_number),
    )


def finish_rows(
    session: Session,
    *,
    vendor_id: int,
    prepared: list[Prepared],
    price: PricePolicy,
    seen: ContactSet | None = None,
    exclude_upload_id: int | None = None,
    exclude_lead_id: int | None = None,
) -> list[Evaluated]:
    """Stages 6 and 7 against the database, one query per check for the whole batch."""
    seen = seen if seen is not None else ContactSet()
    candidates = [p for p in prepared if not p.rejected]
    emails = {p.email for p in candidates if p.email}
    lookup = {
        "emails": emails,
        "phones": {p.phone for p in candidates if p.phone},
        "identities": {p.identity for p in candidates if p.identity},
        "exclude_upload_id": exclude_upload_id,
        "exclude_lead_id": exclude_lead_id,
    }
    own, market = _existing_contacts(session, vendor_id=vendor_id, **lookup)
    domains = {d for d in (_email_domain(e) for e in emails) if d}
    domains |= {p.website for p in candidates if p.website}
    blocked = _suppressed(session, emails, domains)
    return [_finish_row(p, seen, own, market, blocked, price) for p in prepared]


def evaluate_rows(
    session: Session,
    *,
    vendor_id: int,
    rows: list[RowInput],
    defaults: FileDefaults,
    price: PricePolicy,
    max_sales: int,
    seen: ContactSet | None = None,
    exclude_upload_id: int | None = None,
    exclude_lead_id: int | None = None,
    check_mx: bool = False,
) -> list[Evaluated]:
    """All eight stages for a batch of rows; accepted rows come back as Lead column values."""
    prepared = prepare_rows(
        rows, defaults=defaults, price=price, max_sales=max_sales, check_mx=check_mx
    )
    return finish_rows(
        session,
        vendor_id=vendor_id,
        prepared=prepared,
        price=price,
        seen=seen,
        exclude_upload_id=exclude_upload_id,
        exclude_lead_id=exclude_lead_id,
    )


def _duplicate_stage(
    p: Prepared, seen: ContactSet, own: ContactSet, market: ContactSet
) -> tuple[StageResult, bool, bool]:
    """The duplicates stage, whether it rejects the row, and whether another vendor has it."""
    in_file = seen.hit(p.email, p.phone, p.identity)
    in_own = None if in_file else own.hit(p.email, p.phone, p.identity)
    in_market = None if in_file or in_own else market.hit(p.email, p.phone, p.identity)
    if in_file:
        reason = Reason(
            "duplicate_in_file", f"Same {in_file} as an earlier row of this file.", in_file
        )
    elif in_own:
        reason = Reason(
            "duplicate_of_own_lead", f"You already listed a lead with this {in_own}.", in_own
        )
    elif in_market:
        reason = Reason(
            "duplicate_in_marketplace", f"Another vendor lists a lead with this {in_market}."
        )
    else:
        return _stage("duplicates", []), False, False
    return _stage("duplicates", [reason], failed=not in_market), not in_market, bool(in_market)


def _suppression_stage(p: Prepared, blocked: tuple[set[str], set[str]]) -> StageResult:
    blocked_emails, blocked_domains = blocked
    if p.email and p.email in blocked_emails:
        reason = Reason("suppressed_email", "This email is on the do-not-contact list.", "email")
    elif _email_domain(p.email) in blocked_domains or p.website in blocked_domains:
        reason = Reason("suppressed_domain", "This domain is on the do-not-contact list.", "email")
    else:
        return _stage("suppression", [])
    return _stage("suppression", [reason], failed=True)


def _finish_row(
    p: Prepared,
    seen: ContactSet,
    own: ContactSet,
    market: ContactSet,
    blocked: tuple[set[str], set[str]],
    price: PricePolicy,
) -> Evaluated:
    if p.rejected:
        return Evaluated(p.row_number, True, p.reasons)
    duplicates, is_duplicate, in_market = _duplicate_stage(p, seen, own, market)
    suppression = _suppression_stage(p, blocked)
    failures = [r for s in (duplicates, suppression) if s.status == "fail" for r in s.reasons]
    if failures:
        return Evaluated(p.row_number, True, failures, duplicate=is_duplicate)
    seen.remember(p.email, p.phone, p.identity)
    values = dict(p.values)
    values["validation_report"] = [
        *values["validation_report"],
        stage_dict(duplicates),
        stage_dict(suppression),
    ]
    warning = p.warning or in_market
    if in_market:
        values.update(_score_values(as_marketplace_duplicate(_score_of(values)), price))
        values["validation_status"] = ValidationStatus.WARNING.value
    return Evaluated(p.row_number, False, [], values=values, warning=warning)


def _problem_message(problem: str | None) -> str:
    return {
        "cell_too_large": "A cell in this row is larger than the 64 KiB limit.",
        "malformed_row": "This row could not be parsed as CSV.",
        "ragged_row": "This row has a different number of cells than the header.",
    }.get(problem or "", "This row could not be read.")


def _age_days(consent_date: str | None) -> float:
    if not consent_date:
        return 0.0
    try:
        return max(0.0, float((date.today() - date.fromisoformat(consent_date)).days))  # noqa: DTZ011
    except ValueError:
        return 0.0


def _score_of(values: dict[str, Any]) -> QualityScore:
    components = [ScoreComponent(**part) for part in values["score_breakdown"]]
    return QualityScore(values["lead_score"], values["score_version"], components)


def _score_values(score: QualityScore, price: PricePolicy) -> dict[str, Any]:
    return {
        "lead_score": score.value,
        "score_breakdown": [
            {"name": c.name, "weight": c.weight, "value": c.value, "detail": c.detail}
            for c in score.components
        ],
        "score_version": score.version,
        "price": price.price_for(score.value),
    }


def _lead_values(
    fields: dict[str, str | None],
    key: str | None,
    outcome: RowOutcome,
    score: QualityScore,
    price: PricePolicy,
    max_sales: int,
    row_number: int | None,
) -> dict[str, Any]:
    values: dict[str, Any] = {column: fields.get(name) for name, column in FIELD_COLUMNS.items()}
    consent = fields.get("consent_date")
    warning = any(stage.status == "warn" for stage in outcome.stages)
    values.update(
        title=(fields.get("title") or "Lead")[:200],
        consent_date=date.fromisoformat(consent) if consent else None,
        identity_key=key,
        company_key=company_of(key),
        email_verified=bool(fields.get("email")),  # invalid values were dropped in stage 2
        phone_verified=bool(fields.get("phone")),
        source_row=row_number,
        validation_report=[stage_dict(s) for s in outcome.stages],
        risk_flags=sorted(outcome.flags),
        currency=price.currency,
        max_sales=max_sales,
        status=LeadStatus.PENDING_REVIEW.value,
        validation_status=(ValidationStatus.WARNING if warning else ValidationStatus.PASSED).value,
        **_score_values(score, price),
    )
    return values


def count_reasons(evaluated: Iterable[Evaluated]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in evaluated:
        if item.rejected:
            for code in {r.code for r in item.reasons}:
                counts[code] = counts.get(code, 0) + 1
    return counts
