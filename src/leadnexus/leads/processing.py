"""The database half of the quality pipeline: duplicates, suppression, score, price, and rows.

Stages 1-5 are pure functions of one row (`validation.pipeline`); this module runs them for a
batch, then does what needs the database set-wise (one query per check per batch, never per row):
stage 6 duplicates and stage 7 suppression, then stage 8 the quality score.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from leadnexus.leads.models import Lead, LeadStatus, Suppression, ValidationStatus
from leadnexus.leads.scoring.score import QualityScore, score_lead
from leadnexus.leads.validation.pipeline import (
    FileDefaults,
    Reason,
    RowOutcome,
    StageResult,
    run_row_stages,
)

LEGAL_SUFFIXES = re.compile(
    r"\b(inc|llc|ltd|limited|gmbh|ag|sa|sas|srl|bv|nv|plc|corp|corporation|co|company|oy|ab)\b"
)
NON_WORD = re.compile(r"[^\w\s]")
SPACES = re.compile(r"\s+")

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


@dataclass
class Evaluated:
    row_number: int | None
    rejected: bool
    reasons: list[Reason]
    values: dict[str, Any] = field(default_factory=dict)  # Lead column values when accepted
    duplicate: bool = False
    warning: bool = False


@dataclass
class ContactSet:
    """Emails, phones and name+company keys; `hit` says which one a contact matches."""

    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    identities: set[str] = field(default_factory=set)

    def remember(self, email: str | None, phone: str | None, identity: str | None) -> None:
        if email:
            self.emails.add(email)
        if phone:
            self.phones.add(phone)
        if identity:
            self.identities.add(identity)

    def hit(self, email: str | None, phone: str | None, identity: str | None) -> str | None:
        if email and email in self.emails:
            return "email"
        if phone and phone in self.phones:
            return "phone"
        if identity and identity in self.identities:
            return "name and company"
        return None


def identity_key(first: str | None, last: str | None, company: str | None) -> str | None:
    """Name + company without case, accents, punctuation and legal suffixes."""
    name = f"{first or ''} {last or ''}".strip()
    if not name or not company:
        return None

    def fold(text: str) -> str:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
        text = LEGAL_SUFFIXES.sub(" ", NON_WORD.sub(" ", text))
        return SPACES.sub(" ", text).strip()

    key = f"{fold(name)}|{fold(company)}"
    return key[:320] if key != "|" else None


def _email_domain(email: str | None) -> str | None:
    return email.rsplit("@", 1)[1] if email and "@" in email else None


def _existing_contacts(
    session: Session,
    *,
    vendor_id: int,
    own: bool,
    emails: set[str],
    phones: set[str],
    identities: set[str],
    exclude_upload_id: int | None,
    exclude_lead_id: int | None,
) -> ContactSet:
    """One query: which of these contacts the vendor (own=True) or other vendors already list."""
    conditions = []
    if emails:
        conditions.append(Lead.email.in_(emails))
    if phones:
        conditions.append(Lead.phone.in_(phones))
    if identities:
        conditions.append(Lead.identity_key.in_(identities))
    if not conditions:
        return ContactSet()
    query = select(Lead.email, Lead.phone, Lead.identity_key).where(or_(*conditions))
    if own:
        query = query.where(Lead.vendor_id == vendor_id)
        if exclude_upload_id is not None:
            # A resumed job must not see its own earlier batches as duplicates.
            query = query.where(or_(Lead.upload_id.is_(None), Lead.upload_id != exclude_upload_id))
    else:
        query = query.where(Lead.vendor_id != vendor_id, Lead.status != LeadStatus.REJECTED.value)
    if exclude_lead_id is not None:
        query = query.where(Lead.id != exclude_lead_id)
    found = ContactSet()
    for email, phone, identity in session.execute(query):
        found.remember(email, phone, identity)
    return found


def _suppressed(session: Session, emails: set[str], domains: set[str]) -> tuple[set[str], set[str]]:
    if not emails and not domains:
        return set(), set()
    rows = session.execute(
        select(Suppression.kind, Suppression.value).where(
            or_(
                (Suppression.kind == "email") & Suppression.value.in_(emails or {""}),
                (Suppression.kind == "domain") & Suppression.value.in_(domains or {""}),
            )
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
    """Run all eight stages on a batch of rows; accepted rows come back as Lead column values."""
    seen = seen if seen is not None else ContactSet()
    outcomes: list[tuple[RowInput, RowOutcome | None, str | None]] = []
    for row in rows:
        if row.problem:
            outcomes.append((row, None, None))
            continue
        outcome = run_row_stages(row.raw, defaults, check_mx=check_mx)
        f = outcome.fields
        outcomes.append(
            (
                row,
                outcome,
                identity_key(f.get("first_name"), f.get("last_name"), f.get("company_name")),
            )
        )

    candidates = [(o, key) for _row, o, key in outcomes if o is not None and not o.rejected]
    emails = {o.fields["email"] for o, _ in candidates if o.fields.get("email")}
    phones = {o.fields["phone"] for o, _ in candidates if o.fields.get("phone")}
    identities = {key for _, key in candidates if key}
    lookup = dict(
        emails=emails,
        phones=phones,
        identities=identities,
        exclude_upload_id=exclude_upload_id,
        exclude_lead_id=exclude_lead_id,
    )
    own = _existing_contacts(session, vendor_id=vendor_id, own=True, **lookup)
    market = _existing_contacts(session, vendor_id=vendor_id, own=False, **lookup)
    domains = {d for d in (_email_domain(e) for e in emails) if d}
    domains |= {o.fields["website"] for o, _ in candidates if o.fields.get("website")}
    blocked_emails, blocked_domains = _suppressed(session, emails, domains)

    return [
        _finish_row(
            row, outcome, key, seen, own, market, blocked_emails, blocked_domains, price, max_sales
        )
        for row, outcome, key in outcomes
    ]


def _finish_row(
    row: RowInput,
    outcome: RowOutcome | None,
    key: str | None,
    seen: ContactSet,
    own: ContactSet,
    market: ContactSet,
    blocked_emails: set[str],
    blocked_domains: set[str],
    price: PricePolicy,
    max_sales: int,
) -> Evaluated:
    if outcome is None:
        reason = Reason(row.problem or "malformed_row", _problem_message(row.problem))
        return Evaluated(row.row_number, True, [reason])
    if outcome.rejected:
        reasons = [r for s in outcome.stages if s.status == "fail" for r in s.reasons]
        return Evaluated(row.row_number, True, reasons)

    f = outcome.fields
    email, phone = f.get("email"), f.get("phone")
    in_file = seen.hit(email, phone, key)
    in_own = own.hit(email, phone, key)
    duplicate_reasons = []
    if in_file:
        duplicate_reasons.append(
            Reason("duplicate_in_file", f"Same {in_file} as an earlier row of this file.", in_file)
        )
    elif in_own:
        duplicate_reasons.append(
            Reason(
                "duplicate_of_own_lead", f"You already listed a lead with this {in_own}.", in_own
            )
        )
    in_market = market.hit(email, phone, key)
    market_reasons = (
        [Reason("duplicate_in_marketplace", f"Another vendor lists a lead with this {in_market}.")]
        if in_market and not duplicate_reasons
        else []
    )
    duplicates = _stage(
        "duplicates", duplicate_reasons + market_reasons, failed=bool(duplicate_reasons)
    )

    domain = _email_domain(email)
    suppression_reasons = []
    if email and email in blocked_emails:
        suppression_reasons.append(
            Reason("suppressed_email", "This email is on the do-not-contact list.", "email")
        )
    elif (domain and domain in blocked_domains) or (f.get("website") in blocked_domains):
        suppression_reasons.append(
            Reason("suppressed_domain", "This domain is on the do-not-contact list.", "email")
        )
    suppression = _stage("suppression", suppression_reasons, failed=bool(suppression_reasons))

    stages = [*outcome.stages, duplicates, suppression]
    failures = duplicate_reasons + suppression_reasons
    if failures:
        return Evaluated(row.row_number, True, failures, duplicate=bool(duplicate_reasons))

    seen.remember(email, phone, key)
    age_days = _age_days(f.get("consent_date"))
    score = score_lead(outcome, duplicate_in_marketplace=bool(in_market), age_days=age_days)
    warning = any(s.status == "warn" for s in stages)
    return Evaluated(
        row.row_number,
        False,
        [],
        values=_lead_values(
            f, key, stages, outcome, score, warning, price, max_sales, row.row_number
        ),
        warning=warning,
    )


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


def _lead_values(
    fields: dict[str, str | None],
    key: str | None,
    stages: list[StageResult],
    outcome: RowOutcome,
    score: QualityScore,
    warning: bool,
    price: PricePolicy,
    max_sales: int,
    row_number: int | None,
) -> dict[str, Any]:
    values: dict[str, Any] = {column: fields.get(name) for name, column in FIELD_COLUMNS.items()}
    consent = fields.get("consent_date")
    values.update(
        title=(fields.get("title") or "Lead")[:200],
        consent_date=date.fromisoformat(consent) if consent else None,
        identity_key=key,
        source_row=row_number,
        validation_report=[stage_dict(s) for s in stages],
        risk_flags=sorted(outcome.flags),
        lead_score=score.value,
        score_breakdown=[
            {"name": c.name, "weight": c.weight, "value": c.value, "detail": c.detail}
            for c in score.components
        ],
        score_version=score.version,
        price=price.price_for(score.value),
        currency=price.currency,
        max_sales=max_sales,
        status=LeadStatus.PENDING_REVIEW.value,
        validation_status=(ValidationStatus.WARNING if warning else ValidationStatus.PASSED).value,
    )
    return values


def count_reasons(evaluated: Iterable[Evaluated]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in evaluated:
        if item.rejected:
            for code in {r.code for r in item.reasons}:
                counts[code] = counts.get(code, 0) + 1
    return counts
