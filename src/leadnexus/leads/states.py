"""The states of a lead, apart from the models so that pure code can name them."""

from __future__ import annotations

from enum import StrEnum


class LeadStatus(StrEnum):
    PROCESSING = "processing"
    PENDING_REVIEW = "pending_review"
    AVAILABLE = "available"
    SOLD = "sold"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    REJECTED = "rejected"


class ValidationStatus(StrEnum):
    PENDING = "pending"
    PASSED = "passed"
    WARNING = "warning"
    FAILED = "failed"


class ApprovalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
