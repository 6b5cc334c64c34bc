"""Admin review: auto-approval rules and the fixed list of rejection reasons."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from leadnexus.db import Base, BigIntPK, UTCDateTime, utcnow


class RejectionReason(StrEnum):
    INVALID_CONTACT = "invalid_contact"
    DUPLICATE = "duplicate"
    INCOMPLETE = "incomplete"
    SUSPECTED_FAKE = "suspected_fake"
    COMPLIANCE = "compliance"
    OTHER = "other"  # needs a note


REJECTION_LABELS: dict[RejectionReason, str] = {
    RejectionReason.INVALID_CONTACT: "Invalid contact data",
    RejectionReason.DUPLICATE: "Duplicate lead",
    RejectionReason.INCOMPLETE: "Incomplete lead",
    RejectionReason.SUSPECTED_FAKE: "Suspected fake",
    RejectionReason.COMPLIANCE: "Compliance (consent or do-not-contact)",
    RejectionReason.OTHER: "Other",
}


class ReviewRule(Base):
    """Approve a pending lead without an admin when it meets every condition set here."""

    __tablename__ = "review_rules"
    __table_args__ = (
        CheckConstraint("min_score IS NULL OR (min_score >= 0 AND min_score <= 1)", "score_0_1"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    min_score: Mapped[float | None] = mapped_column(Float)
    require_no_risk_flags: Mapped[bool] = mapped_column(Boolean, default=True)
    require_validation_passed: Mapped[bool] = mapped_column(Boolean, default=False)
    trusted_vendors_only: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
