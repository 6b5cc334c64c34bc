"""A lead: public preview fields anyone may see, and contact fields only owners and buyers see."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from leadnexus.db import Base, BigIntPK, UTCDateTime, utcnow
from leadnexus.leads.states import ApprovalStatus, LeadStatus, ValidationStatus


def _one_of(column: str, values: type[StrEnum]) -> str:
    """`column = 'a' OR column = 'b' …`: what `column IN (…)` says, but SQLite evaluates an IN
    list inside a CHECK by building a temporary index for every row it inserts; the leads
    table's three cost 40% of a bulk insert (migration 0008)."""
    return "(" + " OR ".join(f"{column} = {v.value!r}" for v in values) + ")"


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


def _published(name: str, *columns: str) -> Index:
    # A literal predicate: SQLite ignores partial indexes whose predicate is a bound parameter.
    where = text("status = 'available'")
    return Index(name, *columns, sqlite_where=where, postgresql_where=where)


class Lead(Base):
    __tablename__ = "leads"
    __table_args__ = (
        CheckConstraint(_one_of("status", LeadStatus), name="status_known"),
        CheckConstraint(_one_of("validation_status", ValidationStatus), name="validation_known"),
        CheckConstraint(_one_of("approval_status", ApprovalStatus), name="approval_known"),
        CheckConstraint("lead_score IS NULL OR (lead_score >= 0 AND lead_score <= 1)", "score_0_1"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("max_sales >= 1", name="max_sales_positive"),
        CheckConstraint("sales_count >= 0 AND sales_count <= max_sales", name="sales_within_max"),
        # The marketplace reads only published leads: partial indexes cost nothing while a lead
        # waits in review, which keeps big uploads fast. One per sort, one per common filter.
        _published("ix_market_newest", "published_at", "id"),
        _published("ix_market_score", "lead_score", "id"),
        _published("ix_market_price", "price", "id"),
        _published("ix_market_industry", "industry", "published_at"),
        _published("ix_market_country", "country", "published_at"),
        _published("ix_market_seniority", "seniority", "published_at"),
        _published("ix_market_company_size", "company_size", "published_at"),
        _published("ix_market_vendor", "vendor_id", "published_at"),
        # PostgreSQL also has covering indexes for totals and facets (marketplace.fts).
        Index("ix_leads_vendor_status", "vendor_id", "status"),
        # The review queue, oldest first; partial, so published leads don't carry it.
        Index(
            "ix_leads_review_queue",
            "submitted_at",
            "id",
            sqlite_where=text("status = 'pending_review'"),
            postgresql_where=text("status = 'pending_review'"),
        ),
        # Re-running an upload job never inserts a row twice.
        UniqueConstraint("upload_id", "source_row", name="uq_leads_upload_row"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    # Indexed by ix_leads_vendor_status (vendor_id first).
    vendor_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    industry: Mapped[str | None] = mapped_column(String(64))
    job_title: Mapped[str | None] = mapped_column(String(150))
    seniority: Mapped[str | None] = mapped_column(String(32))
    department: Mapped[str | None] = mapped_column(String(64))
    company_size: Mapped[str | None] = mapped_column(String(16))
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
    # name|company folded (leads.contacts): who the contact is, for name + company duplicates,
    # which read every lead at a company (company_key) and compare the names fuzzily.
    identity_key: Mapped[str | None] = mapped_column(String(320))
    company_key: Mapped[str | None] = mapped_column(String(200), index=True)
    annual_revenue: Mapped[str | None] = mapped_column(String(64))
    consent_source: Mapped[str | None] = mapped_column(String(200))
    consent_date: Mapped[date | None] = mapped_column(Date)
    # Indexed by uq_leads_upload_row (upload_id first).
    upload_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("uploads.id"))
    source_row: Mapped[int | None] = mapped_column(Integer)
    # Stage-by-stage report in pipeline order: [{stage, status, reasons: [{code, message, field}]}]
    validation_report: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=list, server_default="[]"
    )
    risk_flags: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    score_breakdown: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=list, server_default="[]"
    )
    score_version: Mapped[str | None] = mapped_column(String(16))

    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    status: Mapped[str] = mapped_column(String(20), default=LeadStatus.PROCESSING)
    lead_score: Mapped[float | None] = mapped_column(Float)
    validation_status: Mapped[str] = mapped_column(String(16), default=ValidationStatus.PENDING)
    approval_status: Mapped[str] = mapped_column(String(16), default=ApprovalStatus.PENDING)
    max_sales: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    sales_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Sales held by unpaid orders (checkout's reservation window); a lead admits
    # sales_count + reserved_count <= max_sales, kept by conditional updates in orders.
    reserved_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Review: when the lead (last) entered the queue, and the latest decision.
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rejection_reason: Mapped[str | None] = mapped_column(String(32))
    rejection_note: Mapped[str | None] = mapped_column(String(500))
    # Stage 3 passed for the email / the phone: the marketplace's "validation level" filter.
    email_verified: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    phone_verified: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Bumped by every status change: a decision made on a stale view is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class LeadEvent(Base):
    """One status change of a lead: who (a user, a rule, or the system), when, why."""

    __tablename__ = "lead_events"
    __table_args__ = (Index("ix_lead_events_lead_id", "lead_id", "id"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    # Indexed by ix_lead_events_lead_id (lead_id first).
    lead_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("leads.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    rule_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("review_rules.id", ondelete="SET NULL"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class UploadStatus(StrEnum):
    UPLOADED = "uploaded"  # stored and sniffed; waiting for the vendor to confirm a mapping
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"


class Upload(Base):
    """One CSV file a vendor uploaded, and the progress of its background processing."""

    __tablename__ = "uploads"
    __table_args__ = (
        CheckConstraint(_one_of("status", UploadStatus), name="status_known"),
        Index("ix_uploads_vendor_id_desc", "vendor_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    # Indexed by ix_uploads_vendor_id_desc (vendor_id first).
    vendor_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"))
    filename: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    encoding: Mapped[str] = mapped_column(String(16))
    delimiter: Mapped[str] = mapped_column(String(1))
    headers: Mapped[list[str]] = mapped_column(JSON)
    header_signature: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=UploadStatus.UPLOADED)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    defaults: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    rows_total: Mapped[int | None] = mapped_column(Integer)
    rows_done: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    accepted: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    accepted_with_warnings: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    rejected: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    duplicates: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    rejected_by_reason: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    error: Mapped[str | None] = mapped_column(String(500))
    # A job holds the upload until this time; a job that died lets the lease run out.
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UploadRejection(Base):
    """A rejected row as uploaded, with its reasons: the error report is built from these."""

    __tablename__ = "upload_rejections"
    __table_args__ = (UniqueConstraint("upload_id", "row_number", name="uq_upload_rejections_row"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    upload_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("uploads.id", ondelete="CASCADE"), index=True
    )
    row_number: Mapped[int] = mapped_column(Integer)
    cells: Mapped[list[str]] = mapped_column(JSON)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class VendorMapping(Base):
    """The mapping a vendor confirmed for a header layout, offered first next time."""

    __tablename__ = "vendor_mappings"
    __table_args__ = (
        UniqueConstraint("vendor_id", "header_signature", name="uq_vendor_mappings_sig"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    vendor_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    header_signature: Mapped[str] = mapped_column(String(64))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    defaults: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class SuppressionKind(StrEnum):
    EMAIL = "email"
    DOMAIN = "domain"


class Suppression(Base):
    """Marketplace-wide do-not-contact entry: matching contacts are rejected for every vendor."""

    __tablename__ = "suppressions"
    __table_args__ = (
        CheckConstraint("kind IN ('email', 'domain')", name="kind_known"),
        UniqueConstraint("kind", "value", name="uq_suppressions_kind_value"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(254))
    reason: Mapped[str | None] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
