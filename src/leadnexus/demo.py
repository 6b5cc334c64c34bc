"""Demo accounts for a fresh install; passwords are random per install and kept in instance/."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from leadnexus.auth.models import Role
from leadnexus.auth.passwords import hash_password
from leadnexus.auth.service import create_user, find_user_by_email
from leadnexus.config import Settings

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
