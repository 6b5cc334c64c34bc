"""Saved searches, and alerts when newly published leads match one."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from leadnexus.auth.models import User
from leadnexus.db import bulk_insert, utcnow
from leadnexus.errors import Conflict, NotFound
from leadnexus.leads.models import Lead
from leadnexus.marketplace import search
from leadnexus.marketplace.models import SavedSearch, SavedSearchHit
from leadnexus.notifications.models import NotificationType
from leadnexus.notifications.service import notify

MAX_PER_USER = 50
ID_CHUNK = 1000
_TUPLE_FIELDS = {f.name for f in fields(search.SearchParams) if str(f.type).startswith("tuple")}


def params_of(stored: dict[str, Any]) -> search.SearchParams:
    """Stored JSON back into search parameters (lists become tuples again)."""
    values = {k: tuple(v) if k in _TUPLE_FIELDS else v for k, v in stored.items()}
    if "exclusivity" in values:
        values["exclusivity"] = tuple(search.Exclusivity(v) for v in values["exclusivity"])
    if values.get("validation"):
        values["validation"] = search.ValidationLevel(values["validation"])
    if values.get("sort"):
        values["sort"] = search.Sort(values["sort"])
    return search.SearchParams(**values)


def list_saved(session: Session, user: User) -> list[SavedSearch]:
    return list(
        session.scalars(
            select(SavedSearch).where(SavedSearch.user_id == user.id).order_by(SavedSearch.id)
        )
    )


def _own(session: Session, user: User, saved_id: int) -> SavedSearch:
    saved = session.get(SavedSearch, saved_id)
    if saved is None or saved.user_id != user.id:
        raise NotFound("No saved search with this id.", code="saved_search_not_found")
    return saved


def _check_name(session: Session, user: User, name: str, saved_id: int | None = None) -> None:
    clash = session.scalar(
        select(SavedSearch.id).where(SavedSearch.user_id == user.id, SavedSearch.name == name)
    )
    if clash is not None and clash != saved_id:
        raise Conflict("You already have a saved search with this name.", code="name_taken")


def create_saved(
    session: Session, user: User, *, name: str, params: search.SearchParams, alert: bool
) -> SavedSearch:
    count = session.scalar(select(func.count()).where(SavedSearch.user_id == user.id)) or 0
    if count >= MAX_PER_USER:
        raise Conflict(
            f"You can keep up to {MAX_PER_USER} saved searches; delete one first.",
            code="too_many_saved_searches",
        )
    _check_name(session, user, name)
    saved = SavedSearch(user_id=user.id, name=name, query=params.stored(), alert=alert)
    session.add(saved)
    _flush_name(session)
    return saved


def _flush_name(session: Session) -> None:
    """The same name saved by a concurrent request since _check_name breaks the unique
    constraint: the same conflict, not a 500. The request ends there and its transaction is
    rolled back, so no savepoint is needed."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise Conflict(
            "You already have a saved search with this name.", code="name_taken"
        ) from exc


def update_saved(
    session: Session,
    user: User,
    saved_id: int,
    *,
    name: str | None,
    params: search.SearchParams | None,
    alert: bool | None,
) -> SavedSearch:
    saved = _own(session, user, saved_id)
    if name is not None:
        _check_name(session, user, name, saved.id)
        saved.name = name
    if params is not None:
        saved.query = params.stored()
    if alert is not None:
        saved.alert = alert
    _flush_name(session)
    return saved


def delete_saved(session: Session, user: User, saved_id: int) -> None:
    session.delete(_own(session, user, saved_id))
    session.flush()


def alert_matches(session: Session, lead_ids: list[int]) -> int:
    """Announce newly published leads to each saved search they match, once per lead.

    One notification per saved search per call (a batch of publications), never for a lead
    that search already announced. Returns the number of notifications.
    """
    if not lead_ids:
        return 0
    sent = 0
    alerting = session.scalars(select(SavedSearch).where(SavedSearch.alert.is_(True)))
    for saved in alerting:
        new = _new_matches(session, saved, lead_ids)
        if not new:
            continue
        bulk_insert(
            session,
            SavedSearchHit.__table__,
            [{"saved_search_id": saved.id, "lead_id": lead_id} for lead_id in new],
        )
        saved.last_alert_at = utcnow()
        plural = "lead matches" if len(new) == 1 else "leads match"
        notify(
            session,
            saved.user_id,
            NotificationType.SAVED_SEARCH_MATCH,
            f"{len(new)} new {plural} “{saved.name}”",
            "Newly published leads match your saved search.",
            f"/client/marketplace?saved={saved.id}",
            {"saved_search_id": saved.id, "lead_ids": new[:50], "count": len(new)},
        )
        sent += 1
    return sent


def _new_matches(session: Session, saved: SavedSearch, lead_ids: list[int]) -> list[int]:
    params = params_of(saved.query)
    found: list[int] = []
    for start in range(0, len(lead_ids), ID_CHUNK):
        chunk = lead_ids[start : start + ID_CHUNK]
        already = select(SavedSearchHit.lead_id).where(SavedSearchHit.saved_search_id == saved.id)
        query = (
            search.matching(session, params)
            .where(Lead.id.in_(chunk), Lead.id.not_in(already))
            .order_by(Lead.id)
        )
        found += list(session.scalars(query))
    return found
