"""Who may see a lead's contact data: the one rule, asked by every view of a lead.

Its vendor, admins, and buyers with a paid (not refunded) purchase of it. Nobody else, by any
path: search results, detail, similar leads, alerts and exports all ask here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from leadnexus.auth.models import Role, User
from leadnexus.leads.models import Lead
from leadnexus.orders.models import Purchase, PurchaseStatus


@dataclass(frozen=True)
class Viewer:
    """Who is looking, and which leads they own or already have the contact of."""

    user: User | None
    owned: frozenset[int] = frozenset()
    known_contacts: frozenset[int] = frozenset()  # lead ids whose contact the buyer already has

    def may_see_contact(self, lead: Lead) -> bool:
        if self.user is None:
            return False
        return (
            self.user.role == Role.ADMIN or lead.vendor_id == self.user.id or lead.id in self.owned
        )


def viewer_for(session: Session, user: User | None, leads: Iterable[Lead]) -> Viewer:
    """One query for purchases of these leads, one for the same contacts bought elsewhere."""
    leads = list(leads)
    if user is None or not leads:
        return Viewer(user)
    ids = [lead.id for lead in leads]
    paid = Purchase.status == PurchaseStatus.PAID.value
    owned = frozenset(
        session.scalars(
            select(Purchase.lead_id).where(
                Purchase.buyer_id == user.id, paid, Purchase.lead_id.in_(ids)
            )
        )
    )
    emails = {lead.email for lead in leads if lead.email and lead.id not in owned}
    bought_emails = set()
    if emails:
        bought_emails = set(
            session.scalars(
                select(Lead.email)
                .join(Purchase, and_(Purchase.lead_id == Lead.id, Purchase.buyer_id == user.id))
                .where(paid, Lead.email.in_(emails))
            )
        )
    known = frozenset(
        lead.id for lead in leads if lead.email in bought_emails and lead.id not in owned
    )
    return Viewer(user, owned, known)


def may_see_contact(session: Session, user: User | None, lead: Lead) -> bool:
    """May this user see this lead's contact data?"""
    return viewer_for(session, user, [lead]).may_see_contact(lead)
