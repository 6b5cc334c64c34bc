"""Demo data for a fresh install: accounts (random passwords kept in instance/) and leads."""

from __future__ import annotations

import json
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leadnexus.auth.models import Role, User
from leadnexus.auth.passwords import hash_password
from leadnexus.auth.service import create_user, find_user_by_email
from leadnexus.config import Settings
from leadnexus.db import Database
from leadnexus.demo_data import write_leads_csv
from leadnexus.leads.ingest.jobs import process_upload
from leadnexus.leads.ingest.uploads import confirm_upload, store_upload
from leadnexus.leads.models import Lead, LeadEvent, LeadStatus, Upload
from leadnexus.leads.tasks import announce_upload
from leadnexus.review.models import RejectionReason, ReviewRule
from leadnexus.review.rules import apply_rules
from leadnexus.review.service import Action, decide

DEMO_ACCOUNTS = (
    ("demo-admin@example.com", Role.ADMIN, "Ada Admin", "Lead-Nexus"),
    ("demo-vendor@example.com", Role.VENDOR, "Victor Vendor", "Northwind Data"),
    ("demo-vendor2@example.com", Role.VENDOR, "Valerie Vendor", "Contoso Leads"),
    ("demo-client@example.com", Role.CLIENT, "Clara Client", "Acme Sales"),
)


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str
    password: str


def _logins_file(settings: Settings) -> Path:
    return settings.instance_dir / "demo-logins.json"


def seed_demo_accounts(*, session: Session, settings: Settings) -> list[DemoLogin]:
    """Create the demo accounts that do not exist yet; returns every demo login."""
    path = _logins_file(settings)
    known = json.loads(path.read_text()) if path.exists() else {}
    logins = []
    for email, role, name, company in DEMO_ACCOUNTS:
        existing = find_user_by_email(session, email)
        if existing is None or email not in known:
            password = f"demo-{secrets.token_urlsafe(9)}"
            if existing is None:
                create_user(
                    session=session,
                    email=email,
                    password=password,
                    role=role,
                    name=name,
                    company=company,
                    settings=settings,
                )
            else:  # the logins file was lost: give the account a new password we can print
                existing.password_hash = hash_password(password, rounds=settings.bcrypt_rounds)
            known[email] = password
        logins.append(DemoLogin(email, role.value, known[email]))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(json.dumps(known, indent=2))
    return logins


def read_demo_logins(settings: Settings) -> list[DemoLogin]:
    path = _logins_file(settings)
    known = json.loads(path.read_text()) if path.exists() else {}
    return [DemoLogin(e, r.value, known[e]) for e, r, _n, _c in DEMO_ACCOUNTS if e in known]


DEMO_FILES = (
    # vendor, rows, header style, defaults
    (
        "demo-vendor@example.com",
        1800,
        "crm",
        {"price": {"mode": "score", "min": "15.00", "max": "80.00"}, "max_sales": 1},
    ),
    (
        "demo-vendor2@example.com",
        1200,
        "sales_tool",
        {"price": {"mode": "fixed", "amount": "19.00"}, "max_sales": 3},
    ),
)


def upload_as_suggested(
    *,
    session: Session,
    vendor: User,
    path: Path,
    upload_dir: Path,
    max_bytes: int,
    defaults: dict[str, Any],
) -> int:
    """Upload a file and confirm the mapping the platform suggests, as a vendor who accepts
    it would; the queued upload's id."""
    with path.open("rb") as stream:
        stored = store_upload(
            session=session,
            vendor=vendor,
            stream=stream,
            filename=path.name,
            upload_dir=upload_dir,
            max_bytes=max_bytes,
        )
    mapping = {s.column: s.field for s in stored.suggestions if s.field}
    upload = confirm_upload(
        session=session,
        vendor=vendor,
        upload_id=stored.upload.id,
        mapping=mapping,
        defaults=defaults,
    )
    return upload.id


def seed_demo_leads(*, database: Database, settings: Settings) -> int:
    """Upload a realistic file per demo vendor and run it through the real pipeline, once."""
    created = 0
    for email, rows, style, defaults in DEMO_FILES:
        with database.session() as session:
            vendor = find_user_by_email(session, email)
            if vendor is None or session.scalar(
                select(Upload.id).where(Upload.vendor_id == vendor.id)
            ):
                continue
            with tempfile.TemporaryDirectory() as tmp:
                path = write_leads_csv(
                    Path(tmp) / f"{style}-export.csv", rows, seed=len(email), style=style
                )
                upload_id = upload_as_suggested(
                    session=session,
                    vendor=vendor,
                    path=path,
                    upload_dir=settings.upload_dir,
                    max_bytes=settings.max_upload_bytes,
                    defaults={"currency": "USD", **defaults},
                )
        process_upload(database, upload_id, settings.upload_dir)
        with database.session() as session:
            approved = apply_rules(session, upload_id=upload_id)
            announce_upload(session, upload_id, auto_approved=sum(approved.values()))
        created += 1
    return created


DEMO_RULE = {"name": "High score, no risk flags", "min_score": 0.8, "require_no_risk_flags": True}
DEMO_REJECTIONS = (
    (RejectionReason.SUSPECTED_FAKE, "The phone number and the company do not match."),
    (RejectionReason.INCOMPLETE, "Please add the company website and the contact's job title."),
    (RejectionReason.INVALID_CONTACT, "The email bounced when we checked it."),
    (RejectionReason.OTHER, "Consent date is older than our 24-month policy."),
)


def seed_demo_rule(*, session: Session) -> None:
    """The demo's auto-approval rule, so new leads of good quality are published at once."""
    if session.scalar(select(ReviewRule.id)) is None:
        admin = find_user_by_email(session, DEMO_ACCOUNTS[0][0])
        session.add(ReviewRule(created_by_id=admin.id if admin else None, **DEMO_RULE))


def seed_demo_reviews(*, database: Database, approve_share: float = 0.85) -> int:
    """The demo admin works through most of the queue: approves most, rejects a few with
    reasons, and leaves the newest waiting, so every review screen has something real."""
    with database.session() as session:
        admin = find_user_by_email(session, DEMO_ACCOUNTS[0][0])
        if admin is None or session.scalar(
            select(LeadEvent.id).where(LeadEvent.actor_id == admin.id)
        ):
            return 0
        waiting = list(
            session.scalars(
                select(Lead.id)
                .where(Lead.status == LeadStatus.PENDING_REVIEW.value)
                .order_by(Lead.submitted_at, Lead.id)
            )
        )
        cut = int(len(waiting) * approve_share)
        to_reject, to_approve = (
            waiting[: len(DEMO_REJECTIONS) * 3],
            waiting[len(DEMO_REJECTIONS) * 3 : cut],
        )
        for index, lead_id in enumerate(to_reject):
            reason, note = DEMO_REJECTIONS[index % len(DEMO_REJECTIONS)]
            decide(
                session=session,
                admin=admin,
                lead_ids=[lead_id],
                action=Action.REJECT,
                reason=reason,
                note=note,
            )
        for start in range(0, len(to_approve), 200):
            decide(
                session=session,
                admin=admin,
                lead_ids=to_approve[start : start + 200],
                action=Action.APPROVE,
            )
        return len(to_reject) + len(to_approve)
