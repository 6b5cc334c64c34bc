"""A lead: public preview fields anyone may see, and contact fields only owners and buyers see."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from leadnexus.db import Base, BigIntPK, UTCDateTime, utcnow


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


def _in(column: str, values: type[StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


# Contact data: never serialised to anyone but the owning vendor, admins and paying buyers.
CONTACT_FIELDS = (
    "contact_first_name",
    "contact_last_name",
    "email",
    "phone",
    "company_name",
    "website",
    "linkedin_url",
)


class Lead(Base):
    __tablename__ = "leads"
    __table_args__ = (
        CheckConstraint(_in("status", LeadStatus), name="status_known"),
        CheckConstraint(_in("validation_status", ValidationStatus), name="validation_known"),
        CheckConstraint(_in("approval_status", ApprovalStatus), name="approval_known"),
        CheckConstraint("lead_score IS NULL OR (lead_score >= 0 AND lead_score <= 1)", "score_0_1"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("max_sales >= 1", name="max_sales_positive"),
        CheckConstraint("sales_count >= 0 AND sales_count <= max_sales", name="sales_within_max"),
        # The marketplace reads published leads by status, then filters and sorts.
        Index("ix_leads_status_published", "status", "published_at"),
        Index("ix_leads_status_industry", "status", "industry"),
        Index("ix_leads_status_country", "status", "country"),
        Index("ix_leads_status_score", "status", "lead_score"),
        Index("ix_leads_status_price", "status", "price"),
        Index("ix_leads_vendor_status", "vendor_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    vendor_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    industry: Mapped[str | None] = mapped_column(String(64))
    job_title: Mapped[str | None] = mapped_column(String(150))
    seniority: Mapped[str | None] = mapped_column(String(32), index=True)
    department: Mapped[str | None] = mapped_column(String(64), index=True)
    company_size: Mapped[str | None] = mapped_column(String(16), index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))

    contact_first_name: Mapped[str | None] = mapped_column(String(100))
    contact_last_name: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    company_name: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(255))
    linkedin_url: Mapped[str | None] = mapped_column(String(255))

    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    status: Mapped[str] = mapped_column(String(20), default=LeadStatus.PROCESSING)
    lead_score: Mapped[float | None] = mapped_column(Float)
    validation_status: Mapped[str] = mapped_column(String(16), default=ValidationStatus.PENDING)
    approval_status: Mapped[str] = mapped_column(String(16), default=ApprovalStatus.PENDING)
    max_sales: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    sales_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def is_exclusive(self) -> bool:
        return self.max_sales == 1
