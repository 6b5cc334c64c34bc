"""Request and response models of the admin review API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from leadnexus.auth.schemas import StrictInput
from leadnexus.inputs import NoNulText
from leadnexus.leads.schemas import LeadEventRead, VendorLeadRead
from leadnexus.leads.validation.risk import RISK_FLAGS
from leadnexus.pagination import MAX_KEY, PageQuery
from leadnexus.review.models import RejectionReason
from leadnexus.review.service import QueueSort

FlagFilter = Literal["any", "none", *RISK_FLAGS]  # type: ignore[valid-type]
MAX_BULK = 200


class QueueQuery(PageQuery):
    vendor_id: int | None = Field(default=None, ge=1, le=MAX_KEY)
    industry: str | None = Field(default=None, max_length=64)
    min_score: float | None = Field(default=None, ge=0, le=1)
    max_score: float | None = Field(default=None, ge=0, le=1)
    flag: FlagFilter | None = Field(  # type: ignore[valid-type]
        default=None, description="A risk flag code, 'any' (some flag) or 'none' (no flag)"
    )
    sort: QueueSort = QueueSort.OLDEST


class VendorSummary(BaseModel):
    id: int
    name: str
    company: str | None
    is_trusted_vendor: bool
    approved: int
    rejected: int
    pending: int
    approval_rate: float | None = Field(
        description="approved / (approved + rejected); null if none"
    )


class DuplicateMatchRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    lead_id: int
    vendor_id: int
    status: str
    matched_on: str


class ReviewLeadRead(VendorLeadRead):
    """An admin sees everything the vendor sees, plus the context a decision needs."""

    vendor: VendorSummary
    duplicates: list[DuplicateMatchRead]
    queue_age_seconds: int


class ReviewEventRead(LeadEventRead):
    actor_name: str | None = Field(description="The user who made the change, for admins")


class ReviewLeadDetail(ReviewLeadRead):
    events: list[ReviewEventRead]


class QueuePage(BaseModel):
    data: list[ReviewLeadRead]
    next_cursor: str | None
    has_more: bool
    pending_total: int


class _Decision(StrictInput, NoNulText):
    note: str | None = Field(default=None, max_length=500)


class ApproveOne(_Decision):
    version: int | None = Field(
        default=None, ge=1, description="The version you reviewed; a changed lead is a 409"
    )


class RejectOne(ApproveOne):
    reason: RejectionReason


class BulkDecision(_Decision):
    action: Literal["approve", "reject"]
    lead_ids: list[int] = Field(min_length=1, max_length=MAX_BULK)
    reason: RejectionReason | None = None
    versions: dict[int, int] | None = Field(
        default=None, description="lead id → the version you reviewed (optional, per lead)"
    )

    @model_validator(mode="after")
    def _reason_for_rejection(self) -> BulkDecision:
        if self.action == "reject" and self.reason is None:
            raise ValueError("reason is required to reject")
        return self


class OutcomeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    lead_id: int
    outcome: Literal[
        "approved", "rejected", "already_approved", "already_rejected", "conflict", "not_found"
    ]
    code: str | None
    detail: str | None
    status: str | None
    version: int | None


class BulkResult(BaseModel):
    results: list[OutcomeRead]
    approved: int
    rejected: int
    unchanged: int
    conflicts: int
    not_found: int


class ReasonRead(BaseModel):
    code: RejectionReason
    label: str
    needs_note: bool


class ReasonList(BaseModel):
    data: list[ReasonRead]


class RuleFields(StrictInput, NoNulText):
    name: str = Field(min_length=1, max_length=100)
    is_active: bool = True
    min_score: float | None = Field(default=None, ge=0, le=1)
    require_no_risk_flags: bool = True
    require_validation_passed: bool = False
    trusted_vendors_only: bool = False


class RuleUpdate(StrictInput, NoNulText):
    name: str | None = Field(default=None, min_length=1, max_length=100)
    is_active: bool | None = None
    min_score: float | None = Field(default=None, ge=0, le=1)
    require_no_risk_flags: bool | None = None
    require_validation_passed: bool | None = None
    trusted_vendors_only: bool | None = None

    @field_validator(
        "name",
        "is_active",
        "require_no_risk_flags",
        "require_validation_passed",
        "trusted_vendors_only",
        mode="before",
    )
    @classmethod
    def _not_null(cls, value: object) -> object:
        # Left out means "unchanged"; an explicit null reached a NOT NULL column (a 500).
        # Only min_score may be null: no minimum.
        if value is None:
            raise PydanticCustomError("null_not_allowed", "may be left out, but not null")
        return value


class RuleRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    is_active: bool
    min_score: float | None
    require_no_risk_flags: bool
    require_validation_passed: bool
    trusted_vendors_only: bool
    created_at: datetime
    updated_at: datetime


class RuleList(BaseModel):
    data: list[RuleRead]


class RulesApplied(BaseModel):
    approved: int
