"""The pure half of the quality pipeline: stages 1-5 and the provisional score for a batch.

Nothing here touches the database, so big uploads run it in helper processes; those import
this module alone, and so stay small (no SQLAlchemy, no Flask). `processing` does the rest:
duplicates and suppression against the database, then the final values.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from leadnexus.jsontext import JSONText, encode
from leadnexus.leads.ingest.contacts import company_of, identity_key
from leadnexus.leads.ingest.reader import RawRow
from leadnexus.leads.scoring.score import QualityScore, score_lead
from leadnexus.leads.states import LeadStatus, ValidationStatus
from leadnexus.leads.validation.pipeline import (
    FileDefaults,
    Reason,
    RowOutcome,
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


JSON_COLUMNS = ("validation_report", "risk_flags", "score_breakdown")


@dataclass(slots=True)
class Prepared:
    """A row after the pure stages 1-5 and a provisional score (in `values`, with its
    breakdown): what a helper process hands to the writer."""

    row_number: int | None
    rejected: bool
    reasons: list[Reason]
    email: str | None = None
    phone: str | None = None
    identity: str | None = None
    website: str | None = None
    warning: bool = False
    values: dict[str, Any] = field(default_factory=dict)  # Lead column values if accepted

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Plain values on the way between processes. Pickled field by field, the dataclasses
        and str subclasses in a row took the single writer about twice as long to read back
        (ad hoc, 10,000 rows); the writer wraps the JSON columns again."""
        values = {k: str(v) if type(v) is JSONText else v for k, v in self.values.items()}
        reasons = [(r.code, r.message, r.field) for r in self.reasons]
        return _unpickled, (
            self.row_number,
            self.rejected,
            reasons,
            self.email,
            self.phone,
            self.identity,
            self.website,
            self.warning,
            values,
        )


def _unpickled(
    row_number: int | None,
    rejected: bool,
    reasons: list[tuple[str, str, str | None]],
    email: str | None,
    phone: str | None,
    identity: str | None,
    website: str | None,
    warning: bool,
    values: dict[str, Any],
) -> Prepared:
    for name in JSON_COLUMNS:
        if name in values:
            values[name] = JSONText(values[name])
    return Prepared(
        row_number,
        rejected,
        [Reason(*reason) for reason in reasons],
        email,
        phone,
        identity,
        website,
        warning,
        values,
    )


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


def score_values(score: QualityScore, price: PricePolicy) -> dict[str, Any]:
    return {
        "lead_score": score.value,
        "score_breakdown": score.breakdown,
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
        # [{stage, status, reasons: [{code, message, field}]}], encoded here (see JSONText).
        validation_report=encode(outcome.stages),
        risk_flags=encode(sorted(outcome.flags)),
        currency=price.currency,
        max_sales=max_sales,
        status=LeadStatus.PENDING_REVIEW.value,
        validation_status=(ValidationStatus.WARNING if warning else ValidationStatus.PASSED).value,
        **score_values(score, price),
    )
    return values


def helper_init() -> None:
    """A helper process: niced, so the writer, which every row must pass through, keeps its
    core; and with the collector tuned as the writer's (see `jobs._bulk_gc`)."""
    os.nice(10)
    gc.freeze()
    gc.set_threshold(50_000, 50, 1000)


def prepare_batch(
    batch: list[RawRow], *, width: int, columns: dict[int, str], **options: Any
) -> list[Prepared]:
    """A batch of an uploaded file, cells to mapped fields, then `prepare_rows`."""
    return prepare_rows([_row_input(row, width, columns) for row in batch], **options)


def _row_input(row: RawRow, width: int, columns: dict[int, str]) -> RowInput:
    problem = row.problem
    if problem == "ragged_row" and not any(cell.strip() for cell in row.cells[width:]):
        problem = None  # short rows and empty trailing cells are common and harmless
    raw = {field: row.cells[i] for i, field in columns.items() if i < len(row.cells)}
    return RowInput(row.number, raw, problem)
