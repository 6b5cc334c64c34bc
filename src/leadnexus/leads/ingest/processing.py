"""The database half of the quality pipeline: duplicates, suppression, and the final values.

`preparation` runs the pure stages 1-5 and a provisional score for a batch (in helper processes
for big files); this module does what needs the database set-wise (one query per check per
batch, never per row): stage 6 duplicates and stage 7 suppression, then the score's final
uniqueness part.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from leadnexus.db import point_lookup
from leadnexus.jsontext import JSONText, encode
from leadnexus.leads.ingest.contacts import ContactSet, company_of
from leadnexus.leads.ingest.preparation import (
    Prepared,
    PricePolicy,
    RowInput,
    prepare_rows,
    score_values,
)
from leadnexus.leads.models import Lead, LeadStatus, Suppression, ValidationStatus
from leadnexus.leads.scoring.score import as_marketplace_duplicate, from_breakdown
from leadnexus.leads.validation.pipeline import FileDefaults, Reason, StageResult


@dataclass
class Evaluated:
    row_number: int | None
    rejected: bool
    reasons: list[Reason]
    values: dict[str, Any] = field(default_factory=dict)  # Lead column values when accepted
    duplicate: bool = False
    warning: bool = False


def _email_domain(email: str | None) -> str | None:
    return email.rsplit("@", 1)[1] if email and "@" in email else None


@dataclass
class KnownContacts:
    """Contacts the database already lists, the vendor's own and other vendors', as far as a
    job has asked. A job keeps one across its batches: the leads at a company are read once,
    not once per batch, since big files name the same companies again and again."""

    own: ContactSet = field(default_factory=ContactSet)
    market: ContactSet = field(default_factory=ContactSet)
    companies: set[str] = field(default_factory=set)  # whose leads are all in own and market


def _load_existing_contacts(
    session: Session,
    known: KnownContacts,
    *,
    vendor_id: int,
    emails: set[str],
    phones: set[str],
    companies: set[str],
    exclude_upload_id: int | None,
    exclude_lead_id: int | None,
) -> None:
    """Add the leads with these emails or phones, or at these companies, to `known`.

    One indexed IN query per kind of key (an OR across the columns makes SQLite scan the whole
    table, which turns a large upload quadratic); name + company reads every lead at a company
    so that `ContactSet.hit` can compare the names.
    """
    companies = companies - known.companies
    known.companies |= companies
    columns = (Lead.email, Lead.phone, Lead.identity_key)
    lookups = ((Lead.email, emails), (Lead.phone, phones), (Lead.company_key, companies))
    for column, values in lookups:
        if not values:
            continue
        query = select(*columns, Lead.vendor_id, Lead.upload_id, Lead.status, Lead.id).where(
            point_lookup(session, column, values)
        )
        # Plain rows through the connection: the ORM's result handling cost more than the query.
        rows = session.connection().execute(query)
        for email, phone, identity, owner, upload_id, status, lead_id in rows:
            if lead_id == exclude_lead_id:
                continue
            if owner == vendor_id:
                # A resumed job must not see its own earlier batches as duplicates.
                if exclude_upload_id is None or upload_id != exclude_upload_id:
                    known.own.remember(email, phone, identity)
            elif status != LeadStatus.REJECTED.value:
                known.market.remember(email, phone, identity)


def _suppressed(session: Session, emails: set[str], domains: set[str]) -> tuple[set[str], set[str]]:
    """The suppressed emails and domains among these; one indexed IN query."""
    # Most batches meet an empty or tiny list: a cheap existence check saves a 2,000-value IN.
    if not (emails or domains):
        return set(), set()
    if not session.scalar(select(exists().select_from(Suppression))):
        return set(), set()
    rows = session.execute(
        select(Suppression.kind, Suppression.value).where(
            point_lookup(session, Suppression.value, emails | domains)
        )
    ).all()
    return {v for k, v in rows if k == "email"}, {v for k, v in rows if k == "domain"}


def _stage(name: str, reasons: list[Reason], *, failed: bool = False) -> StageResult:
    status = "fail" if failed else ("warn" if reasons else "pass")
    return StageResult(stage=name, status=status, reasons=reasons)


def finish_rows(
    session: Session,
    *,
    vendor_id: int,
    prepared: list[Prepared],
    price: PricePolicy,
    seen: ContactSet | None = None,
    known: KnownContacts | None = None,
    exclude_upload_id: int | None = None,
    exclude_lead_id: int | None = None,
) -> list[Evaluated]:
    """Stages 6 and 7 against the database, one query per check for the whole batch.

    `seen` holds the rows of this file so far, `known` what the database held (see
    KnownContacts); a job passes the same ones for every batch.
    """
    seen = seen if seen is not None else ContactSet()
    known = known if known is not None else KnownContacts()
    candidates = [p for p in prepared if not p.rejected]
    emails = {p.email for p in candidates if p.email}
    _load_existing_contacts(
        session,
        known,
        vendor_id=vendor_id,
        emails=emails,
        phones={p.phone for p in candidates if p.phone},
        companies={company_of(p.identity) for p in candidates if p.identity},
        exclude_upload_id=exclude_upload_id,
        exclude_lead_id=exclude_lead_id,
    )
    domains = {d for d in (_email_domain(e) for e in emails) if d}
    domains |= {p.website for p in candidates if p.website}
    blocked = _suppressed(session, emails, domains)
    return [_finish_row(p, seen, known, blocked, price) for p in prepared]


def evaluate_rows(
    session: Session,
    *,
    vendor_id: int,
    rows: list[RowInput],
    defaults: FileDefaults,
    price: PricePolicy,
    max_sales: int,
    seen: ContactSet | None = None,
    exclude_upload_id: int | None = None,
    exclude_lead_id: int | None = None,
    check_mx: bool = False,
) -> list[Evaluated]:
    """All eight stages for a batch of rows; accepted rows come back as Lead column values."""
    prepared = prepare_rows(
        rows, defaults=defaults, price=price, max_sales=max_sales, check_mx=check_mx
    )
    return finish_rows(
        session,
        vendor_id=vendor_id,
        prepared=prepared,
        price=price,
        seen=seen,
        exclude_upload_id=exclude_upload_id,
        exclude_lead_id=exclude_lead_id,
    )


def _duplicate_stage(
    p: Prepared, seen: ContactSet, known: KnownContacts
) -> tuple[StageResult, bool, bool]:
    """The duplicates stage, whether it rejects the row, and whether another vendor has it."""
    in_file = seen.hit(p.email, p.phone, p.identity)
    in_own = None if in_file else known.own.hit(p.email, p.phone, p.identity)
    in_market = None if in_file or in_own else known.market.hit(p.email, p.phone, p.identity)
    if in_file:
        reason = Reason(
            "duplicate_in_file", f"Same {in_file} as an earlier row of this file.", in_file
        )
    elif in_own:
        reason = Reason(
            "duplicate_of_own_lead", f"You already listed a lead with this {in_own}.", in_own
        )
    elif in_market:
        reason = Reason(
            "duplicate_in_marketplace", f"Another vendor lists a lead with this {in_market}."
        )
    else:
        return _stage("duplicates", []), False, False
    return _stage("duplicates", [reason], failed=not in_market), not in_market, bool(in_market)


def _suppression_stage(p: Prepared, blocked: tuple[set[str], set[str]]) -> StageResult:
    blocked_emails, blocked_domains = blocked
    if p.email and p.email in blocked_emails:
        reason = Reason("suppressed_email", "This email is on the do-not-contact list.", "email")
    elif _email_domain(p.email) in blocked_domains or p.website in blocked_domains:
        reason = Reason("suppressed_domain", "This domain is on the do-not-contact list.", "email")
    else:
        return _stage("suppression", [])
    return _stage("suppression", [reason], failed=True)


def _finish_row(
    p: Prepared,
    seen: ContactSet,
    known: KnownContacts,
    blocked: tuple[set[str], set[str]],
    price: PricePolicy,
) -> Evaluated:
    if p.rejected:
        return Evaluated(p.row_number, True, p.reasons)
    duplicates, is_duplicate, in_market = _duplicate_stage(p, seen, known)
    suppression = _suppression_stage(p, blocked)
    failures = [r for s in (duplicates, suppression) if s.status == "fail" for r in s.reasons]
    if failures:
        return Evaluated(p.row_number, True, failures, duplicate=is_duplicate)
    seen.remember(p.email, p.phone, p.identity)
    values = dict(p.values)
    values["validation_report"] = _with_stages(values["validation_report"], duplicates, suppression)
    warning = p.warning or in_market
    if in_market:
        score = from_breakdown(values["score_breakdown"], values["score_version"])
        values.update(score_values(as_marketplace_duplicate(score), price))
        values["validation_status"] = ValidationStatus.WARNING.value
    return Evaluated(p.row_number, False, [], values=values, warning=warning)


def _with_stages(report: str, *stages: StageResult) -> JSONText:
    """The encoded report with these stages appended, without decoding it."""
    added = ",".join(encode(stage) for stage in stages)
    return JSONText(f"{report[:-1]},{added}]" if report != "[]" else f"[{added}]")


def count_reasons(evaluated: Iterable[Evaluated]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in evaluated:
        if item.rejected:
            for code in {r.code for r in item.reasons}:
                counts[code] = counts.get(code, 0) + 1
    return counts
