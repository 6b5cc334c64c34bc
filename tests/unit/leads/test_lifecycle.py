"""The lead state machine: allowed moves, refused moves, events, expiry."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from leadnexus.auth.models import Role
from leadnexus.db import Database, utcnow
from leadnexus.errors import Conflict
from leadnexus.leads import lifecycle
from leadnexus.leads.models import Lead, LeadEvent, LeadStatus

S = LeadStatus


def _lead(database: Database, vendor_id: int, status: LeadStatus, **values) -> int:
    with database.session() as session:
        lead = Lead(vendor_id=vendor_id, title="t", price=Decimal("10"), status=status.value)
        for name, value in values.items():
            setattr(lead, name, value)
        session.add(lead)
        session.flush()
        return lead.id


@pytest.fixture
def vendor_id(make) -> int:
    return make.user(Role.VENDOR).id


def test_every_state_has_a_rule_and_history_is_final():
    assert set(lifecycle.TRANSITIONS) == set(LeadStatus)
    assert lifecycle.TRANSITIONS[S.SOLD] == frozenset()
    assert lifecycle.TRANSITIONS[S.EXPIRED] == frozenset()
    assert not lifecycle.can_move("pending_review", S.SOLD)
    assert lifecycle.can_move("rejected", S.PROCESSING)


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (S.PENDING_REVIEW, S.SOLD),
        (S.REJECTED, S.AVAILABLE),
        (S.SOLD, S.AVAILABLE),
        (S.EXPIRED, S.PROCESSING),
        (S.PROCESSING, S.AVAILABLE),
    ],
)
def test_refused_moves_are_409_and_change_nothing(database, vendor_id, start, to):
    lead_id = _lead(database, vendor_id, start)
    with database.session() as session:
        lead = session.get(Lead, lead_id)
        with pytest.raises(Conflict) as refused:
            lifecycle.move(session, lead, to)
        assert refused.value.code == "invalid_transition"
    with database.session() as session:
        assert session.get(Lead, lead_id).status == start.value
        assert session.scalars(select(LeadEvent)).all() == []


def test_move_many_moves_only_leads_still_in_the_expected_state(database, vendor_id, make):
    admin = make.user(Role.ADMIN)
    waiting = _lead(database, vendor_id, S.PENDING_REVIEW)
    already = _lead(database, vendor_id, S.REJECTED)
    with database.session() as session:
        moved = lifecycle.move_many(
            session,
            [waiting, already, waiting],
            from_=S.PENDING_REVIEW,
            to=S.AVAILABLE,
            actor=lifecycle.Actor(user_id=admin.id),
        )
    assert moved == [waiting]
    with database.session() as session:
        lead = session.get(Lead, waiting)
        assert (lead.status, lead.approval_status, lead.version) == ("available", "approved", 2)
        assert lead.published_at is not None and lead.decided_at is not None
        [event] = session.scalars(select(LeadEvent)).all()
        assert (event.lead_id, event.actor_id, event.from_status, event.to_status) == (
            waiting,
            admin.id,
            "pending_review",
            "available",
        )


def test_stale_version_is_refused(database, vendor_id):
    lead_id = _lead(database, vendor_id, S.PENDING_REVIEW)
    with database.session() as session:
        lead = session.get(Lead, lead_id)
        with pytest.raises(Conflict) as stale:
            lifecycle.move(session, lead, S.AVAILABLE, expected_version=lead.version + 1)
        assert stale.value.code == "lead_changed"


def test_unsold_leads_expire_after_their_shelf_life(database, vendor_id):
    old = _lead(database, vendor_id, S.AVAILABLE, published_at=utcnow() - timedelta(days=200))
    fresh = _lead(database, vendor_id, S.AVAILABLE, published_at=utcnow() - timedelta(days=5))
    with database.session() as session:
        expired = lifecycle.expire_unsold(session, published_before=utcnow() - timedelta(days=180))
    assert expired == 1
    with database.session() as session:
        assert session.get(Lead, old).status == "expired"
        assert session.get(Lead, fresh).status == "available"
