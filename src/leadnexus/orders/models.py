"""The cart, orders and their lines, purchases, and checkout's idempotency records.

Money is NUMERIC(12,2) with a currency code. An order line fixes, at the time of sale, the price
the buyer pays and how it splits into the platform's commission and the vendor's net.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from leadnexus.db import Base, BigIntPK, UTCDateTime, utcnow


def _one_of(column: str, values: type[StrEnum]) -> str:
    return "(" + " OR ".join(f"{column} = '{v.value}'" for v in values) + ")"


class CartLine(Base):
    """A lead in a buyer's server-side cart, with the price the buyer last agreed to."""

    __tablename__ = "cart_lines"

    buyer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    lead_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("leads.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # The price shown when the lead was added (or the last one the buyer acknowledged): a
    # different current price must be acknowledged before checkout.
    agreed_price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OrderStatus(StrEnum):
    PENDING = "pending"  # leads reserved, waiting for the payment
    PAID = "paid"
    FAILED = "failed"  # the payment failed or was cancelled: reservations released
    EXPIRED = "expired"  # not paid within the reservation window
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"


class Order(Base):
    """One checkout. Its id is the sequential order number people see ("LN-000042")."""

    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint(_one_of("status", OrderStatus), name="status_known"),
        CheckConstraint("total >= 0", name="total_not_negative"),
        Index("ix_orders_buyer_created", "buyer_id", "created_at"),
        Index("ix_orders_status_reserved", "status", "reserved_until"),
        {"sqlite_autoincrement": True},  # an order number is never reused
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    buyer_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(20), default=OrderStatus.PENDING.value)
    currency: Mapped[str] = mapped_column(String(3))
    total: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    commission_total: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    payment_intent_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    reserved_until: Mapped[datetime] = mapped_column(UTCDateTime)
    failure_reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def number(self) -> str:
        return f"LN-{self.id:06d}"


class LineStatus(StrEnum):
    RESERVED = "reserved"  # holds the lead (or one of its shared slots) for the order
    PAID = "paid"
    RELEASED = "released"  # the order failed or expired: the hold is given back
    REFUNDED = "refunded"


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        CheckConstraint(_one_of("status", LineStatus), name="status_known"),
        CheckConstraint("price >= 0 AND commission >= 0 AND vendor_net >= 0", name="money_sane"),
        CheckConstraint("commission + vendor_net = price", name="split_adds_up"),
        UniqueConstraint("order_id", "lead_id", name="uq_order_lines_order_lead"),
        Index("ix_order_lines_lead_status", "lead_id", "status"),
        Index("ix_order_lines_vendor_created", "vendor_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    order_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("orders.id", ondelete="CASCADE"))
    lead_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("leads.id"))
    vendor_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(16), default=LineStatus.RESERVED.value)
    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3))
    commission_rate: Mapped[Decimal] = mapped_column(Numeric(5, 4))
    commission: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    vendor_net: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    refunded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PurchaseStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    FAILED = "failed"
    REFUNDED = "refunded"


class Purchase(Base):
    """A lead a buyer paid for: while `paid`, the buyer sees its contact data."""

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
    # Fulfilment creates one purchase per paid line, never two (a replayed webhook included).
    order_line_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("order_lines.id"), unique=True
    )
    order_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("orders.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    refunded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IdempotencyRecord(Base):
    """A checkout request by Idempotency-Key: the same key and body get the same answer, even a
    stored error; the same key with another body is refused."""

    __tablename__ = "idempotency_records"

    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(Integer)  # None while the first is running
    response: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class PaymentEvent(Base):
    """A webhook event already handled: a delivery seen twice changes nothing the second time."""

    __tablename__ = "payment_events"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)  # the provider's event id
    type: Mapped[str] = mapped_column(String(100))
    intent_id: Mapped[str | None] = mapped_column(String(255), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
