"""Purchases of leads by clients, and their saved searches."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from leadnexus.db import Base, BigIntPK, UTCDateTime, utcnow


class PurchaseStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    FAILED = "failed"
    REFUNDED = "refunded"


class Purchase(Base):
    __tablename__ = "purchases"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'paid', 'failed', 'refunded')", name="status_known"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        Index("ix_purchases_buyer_created", "buyer_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    lead_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("leads.id"), index=True)
    buyer_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    status: Mapped[str] = mapped_column(String(16), default=PurchaseStatus.PENDING, index=True)
    payment_intent_id: Mapped[str | None] = mapped_column(String(255), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SavedSearch(Base):
    """A buyer's named search; with `alert`, newly published matching leads are announced."""

    __tablename__ = "saved_searches"
    __table_args__ = (UniqueConstraint("user_id", "name", name="uq_saved_searches_user_name"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    # Indexed by uq_saved_searches_user_name (user_id first).
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    query: Mapped[dict[str, Any]] = mapped_column(JSON)  # the search's validated parameters
    alert: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    last_alert_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SavedSearchHit(Base):
    """A lead already announced for a saved search: never twice for the same lead."""

    __tablename__ = "saved_search_hits"

    saved_search_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("saved_searches.id", ondelete="CASCADE"), primary_key=True
    )
    lead_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("leads.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
