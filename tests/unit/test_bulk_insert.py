"""bulk_insert bypasses SQLAlchemy's per-row parameter handling: it must store the same values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import insert, select

from leadnexus.auth.models import Role
from leadnexus.db import Database, bulk_insert
from leadnexus.jsontext import encode
from leadnexus.leads.models import Lead
from leadnexus.leads.scoring.score import ScoreComponent


def _row(vendor_id: int, n: int) -> dict:
    return {
        "vendor_id": vendor_id,
        "title": f"Lead {n} — café ünïcode",
        "email": f"person{n}@example.com",
        "price": Decimal("12.35"),
        "consent_date": date(2026, 3, 1),
        "validation_report": [{"stage": "required", "status": "pass", "reasons": []}],
        "risk_flags": ["role_mailbox"],
        "score_breakdown": [{"name": "completeness", "weight": 0.3, "value": 0.5}],
        "lead_score": 0.625,
        "description": None,
        "status": "pending_review",
    }


def _stored(database: Database, email: str) -> dict:
    with database.session() as session:
        lead = session.scalars(select(Lead).where(Lead.email == email)).one()
        return {
            "title": lead.title,
            "price": lead.price,
            "consent_date": lead.consent_date,
            "validation_report": lead.validation_report,
            "risk_flags": lead.risk_flags,
            "score_breakdown": lead.score_breakdown,
            "lead_score": lead.lead_score,
            "description": lead.description,
            "currency": lead.currency,  # a column default filled in Python
            "created_at_is_aware": lead.created_at.tzinfo is not None,
        }


def test_bulk_insert_stores_what_a_plain_insert_stores(database: Database, make) -> None:  # type: ignore[no-untyped-def]
    vendor = make.user(Role.VENDOR)
    with database.session() as session:
        bulk_insert(session, Lead.__table__, [_row(vendor.id, 1), _row(vendor.id, 2)])
        session.execute(insert(Lead), [_row(vendor.id, 3)])

    by_bulk, by_orm = (
        _stored(database, "person1@example.com"),
        _stored(database, "person3@example.com"),
    )
    assert {**by_bulk, "title": None} == {**by_orm, "title": None}
    assert by_bulk["title"] == "Lead 1 — café ünïcode"
    assert by_bulk["price"] == Decimal("12.35")
    assert by_bulk["consent_date"] == date(2026, 3, 1)
    assert by_bulk["validation_report"][0]["stage"] == "required"
    assert by_bulk["currency"] == "USD"
    assert by_bulk["created_at_is_aware"] is True


def test_json_encoded_off_the_writer_is_stored_as_the_same_value(database: Database, make) -> None:  # type: ignore[no-untyped-def]
    vendor = make.user(Role.VENDOR)
    plain = _row(vendor.id, 4)
    encoded = {
        **_row(vendor.id, 5),
        **{name: encode(plain[name]) for name in ("validation_report", "risk_flags")},
        "score_breakdown": encode([ScoreComponent("completeness", 0.3, 0.5, "9 of 18 fields")]),
    }
    with database.session() as session:
        bulk_insert(session, Lead.__table__, [plain, encoded])

    stored = _stored(database, "person5@example.com")
    assert stored["validation_report"] == plain["validation_report"]
    assert stored["risk_flags"] == ["role_mailbox"]
    # A dataclass is written field by field, in order, as the report readers expect.
    assert stored["score_breakdown"] == [
        {"name": "completeness", "weight": 0.3, "value": 0.5, "detail": "9 of 18 fields"}
    ]


def test_shared_values_are_stored_on_every_row(database: Database, make) -> None:  # type: ignore[no-untyped-def]
    vendor = make.user(Role.VENDOR)
    when = datetime(2026, 5, 4, 3, 2, 1, tzinfo=UTC)
    rows = [
        {
            k: v
            for k, v in _row(vendor.id, n).items()
            if k not in ("vendor_id", "risk_flags", "score_breakdown")
        }
        for n in (6, 7)
    ]
    with database.session() as session:
        bulk_insert(
            session,
            Lead.__table__,
            rows,
            shared={
                "vendor_id": vendor.id,
                "created_at": when,
                "risk_flags": encode(["x"]),  # encoded already
                "score_breakdown": [{"name": "risk"}],  # to encode
            },
        )
        stored = session.execute(
            select(
                Lead.email,
                Lead.vendor_id,
                Lead.created_at,
                Lead.risk_flags,
                Lead.score_breakdown,
                Lead.price,
            )
            .where(Lead.email.in_(["person6@example.com", "person7@example.com"]))
            .order_by(Lead.email)
        ).all()
    assert [tuple(row) for row in stored] == [
        (f"person{n}@example.com", vendor.id, when, ["x"], [{"name": "risk"}], Decimal("12.35"))
        for n in (6, 7)
    ]
