"""Request and response models of the vendor-side leads API (uploads and own leads)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from leadnexus.auth.schemas import StrictInput
from leadnexus.inputs import NoNulText
from leadnexus.leads.states import LeadStatus
from leadnexus.leads.validation.places import normalise_country
from leadnexus.pagination import MAX_KEY, PageQuery


def _known_currency(code: str) -> str:
    if pycountry.currencies.get(alpha_3=code) is None:
        raise ValueError(f"'{code}' is not an ISO 4217 currency code")
    return code


def _known_country(code: str) -> str:
    # The pipeline ignores a default country it does not know: every phone number without a
    # +country prefix would then be dropped, with nothing telling the vendor why.
    country = normalise_country(code)
    if country is None:
        raise ValueError(f"'{code}' is not an ISO 3166 country code")
    return country


CurrencyCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Z]{3}$"), AfterValidator(_known_currency)
]
CountryCode = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{2}$"), AfterValidator(_known_country)
]
Money = Annotated[Decimal, Field(ge=0, le=Decimal("100000"), decimal_places=2)]


class PriceRule(StrictInput):
    """A fixed price, or one between min and max that rises with the quality score."""

    mode: Literal["fixed", "score"] = "fixed"
    amount: Money | None = None
    min: Money | None = None
    max: Money | None = None

    @model_validator(mode="after")
    def _complete(self) -> PriceRule:
        if self.mode == "fixed" and self.amount is None:
            raise ValueError("a fixed price needs 'amount'")
        if self.mode == "score":
            if self.min is None or self.max is None:
                raise ValueError("a score-based price needs 'min' and 'max'")
            if self.min > self.max:
                raise ValueError("'min' must not exceed 'max'")
        return self


class UploadDefaults(StrictInput, NoNulText):
    industry: Annotated[str, StringConstraints(max_length=64)] | None = None
    price: PriceRule = PriceRule(mode="fixed", amount=Decimal("25.00"))
    currency: CurrencyCode = "USD"
    max_sales: int = Field(
        default=1, ge=1, le=100, description="1 exclusive, 2 semi-exclusive, N shared"
    )
    default_country: CountryCode | None = None
    consent_source: Annotated[str, StringConstraints(max_length=200)] | None = None
    check_mx: bool = Field(default=False, description="Look up MX records (slower; off by default)")


class UploadConfirm(StrictInput):
    mapping: dict[Annotated[str, StringConstraints(max_length=300)], str | None] = Field(
        description="Column header -> canonical lead field (or null to ignore the column)",
        max_length=500,
    )
    defaults: UploadDefaults = UploadDefaults()


class ColumnSuggestionRead(BaseModel):
    column: str
    index: int
    field: str | None
    confidence: float
    method: str
    samples: list[str]


class UploadRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    filename: str
    size_bytes: int
    status: str
    encoding: str
    delimiter: str
    headers: list[str]
    mapping: dict[str, Any]
    defaults: dict[str, Any]
    rows_total: int | None
    rows_done: int
    accepted: int
    accepted_with_warnings: int
    rejected: int
    duplicates: int
    rejected_by_reason: dict[str, int]
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    error_report_url: str | None = None


class UploadCreated(BaseModel):
    upload: UploadRead
    columns: list[str]
    sample_rows: list[list[str]]
    suggested_mapping: list[ColumnSuggestionRead]
    remembered_mapping: dict[str, Any] | None = Field(
        description="The mapping you confirmed last time for these exact headers"
    )
    remembered_defaults: dict[str, Any] | None
    canonical_fields: list[str]


class UploadPage(BaseModel):
    data: list[UploadRead]
    next_cursor: str | None
    has_more: bool


class LeadInput(StrictInput):
    """One lead typed in by a vendor; it goes through the same pipeline as an uploaded row."""

    first_name: Annotated[str, StringConstraints(max_length=100)] | None = None
    last_name: Annotated[str, StringConstraints(max_length=100)] | None = None
    email: Annotated[str, StringConstraints(max_length=254)] | None = None
    phone: Annotated[str, StringConstraints(max_length=40)] | None = None
    job_title: Annotated[str, StringConstraints(max_length=150)] | None = None
    seniority: Annotated[str, StringConstraints(max_length=32)] | None = None
    department: Annotated[str, StringConstraints(max_length=64)] | None = None
    company_name: Annotated[str, StringConstraints(max_length=200)] | None = None
    website: Annotated[str, StringConstraints(max_length=255)] | None = None
    company_size: Annotated[str, StringConstraints(max_length=32)] | None = None
    annual_revenue: Annotated[str, StringConstraints(max_length=64)] | None = None
    industry: Annotated[str, StringConstraints(max_length=64)] | None = None
    country: Annotated[str, StringConstraints(max_length=64)] | None = None
    region: Annotated[str, StringConstraints(max_length=100)] | None = None
    city: Annotated[str, StringConstraints(max_length=100)] | None = None
    linkedin_url: Annotated[str, StringConstraints(max_length=255)] | None = None
    description: Annotated[str, StringConstraints(max_length=5000)] | None = None
    consent_source: Annotated[str, StringConstraints(max_length=200)] | None = None
    consent_date: Annotated[str, StringConstraints(max_length=32)] | None = None
    title: Annotated[str, StringConstraints(max_length=200)] | None = None


class LeadCreate(LeadInput):
    price: Money
    currency: CurrencyCode = "USD"
    max_sales: int = Field(default=1, ge=1, le=100)
    default_country: CountryCode | None = None


class LeadUpdate(LeadInput):
    price: Money | None = None
    max_sales: int | None = Field(default=None, ge=1, le=100)


class StageReason(BaseModel):
    code: str
    message: str
    field: str | None = None


class StageReport(BaseModel):
    stage: str
    status: Literal["pass", "warn", "fail", "not_checked"]
    reasons: list[StageReason]


class ScorePart(BaseModel):
    name: str
    weight: float
    value: float
    detail: str


class VendorLeadRead(BaseModel):
    """The owning vendor's full view of a lead, contact data included."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    status: str
    validation_status: str
    approval_status: str
    lead_score: float | None
    score_version: str | None
    score_breakdown: list[ScorePart]
    validation_report: list[StageReport]
    risk_flags: list[str]
    price: Decimal
    currency: str
    max_sales: int
    sales_count: int
    industry: str | None
    job_title: str | None
    seniority: str | None
    department: str | None
    company_size: str | None
    annual_revenue: str | None
    country: str | None
    region: str | None
    city: str | None
    description: str | None
    contact_first_name: str | None
    contact_last_name: str | None
    email: str | None
    phone: str | None
    company_name: str | None
    website: str | None
    linkedin_url: str | None
    consent_source: str | None
    consent_date: date | None
    upload_id: int | None
    source_row: int | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    submitted_at: datetime
    decided_at: datetime | None
    rejection_reason: str | None = Field(description="Set when a reviewer rejected the lead")
    rejection_note: str | None
    version: int


class LeadEventRead(BaseModel):
    """One status change: `actor` is a user's name, a rule's name, or null for the platform."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    from_status: str | None
    to_status: str
    reason: str | None
    note: str | None
    actor_id: int | None
    rule_id: int | None
    created_at: datetime


class VendorLeadDetail(VendorLeadRead):
    events: list[LeadEventRead]


class VendorLeadPage(BaseModel):
    data: list[VendorLeadRead]
    next_cursor: str | None
    has_more: bool


class VendorLeadQuery(PageQuery):
    status: LeadStatus | None = None  # an unknown status is an error, not an empty list
    upload_id: int | None = Field(default=None, ge=1, le=MAX_KEY)
