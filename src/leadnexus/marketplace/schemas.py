"""Request and response models of the marketplace: search, lead previews, saved searches.

A preview carries no contact field: not the names, email, phone, company, website or LinkedIn
URL. There is no field to leak them through, whatever a serializer is given.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from leadnexus.auth.schemas import StrictInput
from leadnexus.inputs import NoNulText
from leadnexus.leads.schemas import ScorePart
from leadnexus.leads.validation.taxonomy import (
    DEPARTMENTS,
    INDUSTRIES,
    OPEN_SIZE_BAND,
    SENIORITIES,
    SIZE_BANDS,
)
from leadnexus.marketplace.search import Exclusivity, SearchParams, Sort, ValidationLevel
from leadnexus.pagination import MAX_KEY

MAX_PAGE = 50
COMPANY_SIZES = (*(band for _limit, band in SIZE_BANDS), OPEN_SIZE_BAND)
VOCABULARIES: dict[str, Any] = {
    "industry": INDUSTRIES,
    "seniority": SENIORITIES,
    "department": DEPARTMENTS,
    "company_size": COMPANY_SIZES,
}


def _split(value: Any) -> Any:
    """Lists in the query string are comma-separated: industry=Software,Banking."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


TermList = Annotated[tuple[str, ...], BeforeValidator(_split), Field(max_length=30)]
CountryList = Annotated[
    tuple[Annotated[str, Field(pattern=r"^[A-Z]{2}$")], ...],
    BeforeValidator(_split),
    Field(max_length=50),
]
ExclusivityList = Annotated[tuple[Exclusivity, ...], BeforeValidator(_split), Field(max_length=3)]


class SearchQuery(NoNulText):
    """Filters for GET /api/leads; lists are comma-separated."""

    model_config = ConfigDict(extra="forbid")

    q: str | None = Field(default=None, max_length=200, description='Words, "phrases", -exclude')
    industry: TermList = ()
    country: CountryList = ()
    seniority: TermList = ()
    department: TermList = ()
    company_size: TermList = ()
    region: str | None = Field(default=None, max_length=100)
    city: str | None = Field(default=None, max_length=100)
    min_score: float | None = Field(default=None, ge=0, le=1)
    max_score: float | None = Field(default=None, ge=0, le=1)
    min_price: Decimal | None = Field(default=None, ge=0, le=100000)
    max_price: Decimal | None = Field(default=None, ge=0, le=100000)
    published_within_days: int | None = Field(default=None, ge=1, le=3650)
    exclusivity: ExclusivityList = ()
    validation: ValidationLevel | None = None
    vendor_id: int | None = Field(default=None, ge=1, le=MAX_KEY)
    sort: Sort | None = None
    limit: int = Field(default=24, ge=1, le=MAX_PAGE)
    cursor: str | None = Field(default=None, max_length=160)
    facets: bool = True

    @field_validator("industry", "seniority", "department", "company_size")
    @classmethod
    def _known_terms(cls, values: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        choices = VOCABULARIES[info.field_name or ""]
        unknown = [value for value in values if value not in choices]
        if unknown:
            raise ValueError(f"unknown value {unknown[0]!r}")
        return values

    @field_validator("max_score", "max_price")
    @classmethod
    def _range_in_order(cls, high: Any, info: ValidationInfo) -> Any:
        low = info.data.get((info.field_name or "").replace("max_", "min_"))
        if high is not None and low is not None and low > high:
            raise ValueError("must not be less than the minimum")
        return high

    def params(self) -> SearchParams:
        return SearchParams(
            q=self.q,
            industry=self.industry,
            country=self.country,
            seniority=self.seniority,
            department=self.department,
            company_size=self.company_size,
            region=self.region,
            city=self.city,
            min_score=self.min_score,
            max_score=self.max_score,
            min_price=float(self.min_price) if self.min_price is not None else None,
            max_price=float(self.max_price) if self.max_price is not None else None,
            published_within_days=self.published_within_days,
            exclusivity=self.exclusivity,
            validation=self.validation,
            vendor_id=self.vendor_id,
            sort=self.sort,
        )


class VendorCard(BaseModel):
    id: int
    name: str
    company: str | None
    approval_rate: float | None


class ValidationSummary(BaseModel):
    status: str = Field(description="passed or warning")
    email_verified: bool
    phone_verified: bool
    risk_flags: list[str]
    stages: dict[str, str] = Field(description="stage → pass / warn / fail / not_checked")


class LeadPreview(BaseModel):
    """What anyone may see of a published lead before buying it."""

    id: int
    title: str
    description: str | None
    industry: str | None
    job_title: str | None
    seniority: str | None
    department: str | None
    company_size: str | None
    annual_revenue: str | None
    country: str | None
    region: str | None
    city: str | None
    lead_score: float | None
    validation: ValidationSummary
    price: Decimal
    currency: str
    max_sales: int
    sales_count: int
    status: str
    published_at: datetime | None
    vendor: VendorCard
    owned: bool = Field(description="You bought this lead")
    already_have_contact: bool = Field(
        description="You bought a lead with the same contact from another vendor"
    )
    relevance: float | None = None


class Contact(BaseModel):
    """Contact data: only for the owning vendor, admins, and buyers who paid."""

    first_name: str | None
    last_name: str | None
    email: str | None
    phone: str | None
    company_name: str | None
    website: str | None
    linkedin_url: str | None


class LeadDetail(LeadPreview):
    score_version: str | None
    score_breakdown: list[ScorePart]
    validation_report: list[dict[str, Any]] = Field(
        description="Stage results with reason codes; messages never repeat contact values"
    )
    exclusivity: str = Field(description='e.g. "exclusive", "sold 1 of 3"')
    similar: list[LeadPreview]
    contact: Contact | None


class TotalRead(BaseModel):
    value: int
    exact: bool = Field(description="false: there are more than `value` (show '1,000+')")
    estimate: int | None = Field(
        default=None,
        description="when not exact, the database's estimate of all matches, rounded to two "
        "significant digits ('about 94,000'); absent when it has none worth showing",
    )


class FacetValueRead(BaseModel):
    value: str
    count: int


class FacetRead(BaseModel):
    name: str
    values: list[FacetValueRead]
    exact: bool = Field(description="false: counts are lower bounds from a sample of matches")


class SearchResults(BaseModel):
    data: list[LeadPreview]
    next_cursor: str | None
    has_more: bool
    total: TotalRead
    facets: list[FacetRead]
    sort: Sort


def _tidy_name(value: Any) -> Any:
    return unicodedata.normalize("NFC", value).strip() if isinstance(value, str) else value


# Trimmed and in one Unicode form: "VPs " or a decomposed "é" is the name already taken, not a
# second search that looks the same in the list. Normalised before the length is checked: NFC
# lengthens a few characters, and the column holds 100.
SearchName = Annotated[
    str,
    BeforeValidator(_tidy_name),
    StringConstraints(min_length=1, max_length=100),
]


class SavedSearchCreate(StrictInput, NoNulText):
    name: SearchName
    query: SearchQuery
    alert: bool = True


class SavedSearchUpdate(StrictInput, NoNulText):
    name: SearchName | None = None
    query: SearchQuery | None = None
    alert: bool | None = None


class SavedSearchRead(BaseModel):
    id: int
    name: str
    query: dict[str, Any]
    alert: bool
    created_at: datetime
    last_alert_at: datetime | None


class SavedSearchList(BaseModel):
    data: list[SavedSearchRead]
