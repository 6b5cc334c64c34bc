"""Accounts and sessions: registration, login, token rotation, logout, profile."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from leadnexus.auth import tokens
from leadnexus.auth.models import RefreshToken, Role, User
from leadnexus.auth.passwords import hash_password, password_problems, verify_password
from leadnexus.config import Settings
from leadnexus.db import utcnow
from leadnexus.errors import Conflict, Forbidden, Unauthorized, ValidationFailed

SELF_SERVICE_ROLES = (Role.CLIENT, Role.VENDOR)


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int


class RefreshTokenReused(Unauthorized):
    """A rotated refresh token came back: its family is revoked, and that must be committed."""

    code = "refresh_token_reused"


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email.lower()))


def create_user(
    *,
    session: Session,
    email: str,
    password: str,
    role: Role,
    name: str,
    company: str | None,
    settings: Settings,
) -> User:
    """Create an account of any role after the password policy; emails are unique."""
    email = email.lower()
    problems = password_problems(password, email=email)
    if problems:
        raise ValidationFailed(problems[0].message, errors=problems)
    if find_user_by_email(session, email) is not None:
        raise Conflict("An account with this email already exists.", code="email_taken")
    user = User(
        email=email,
        password_hash=hash_password(password, rounds=settings.bcrypt_rounds),
        role=role.value,
        name=name,
        company=company,
    )
    session.add(user)
    session.flush()
    return user


def register(
    *,
    session: Session,
    email: str,
    password: str,
    role: Role,
    name: str,
    company: str | None,
    settings: Settings,
) -> User:
    """Self-service sign-up; only client and vendor accounts can be created this way."""
    if role not in SELF_SERVICE_ROLES:
        raise ValidationFailed.for_field(
            "role",
            "role_not_allowed",
            "Choose client or vendor; admin accounts are created by admins.",
        )
    return create_user(
        session=session,
        email=email,
        password=password,
        role=role,
        name=name,
        company=company,
        settings=settings,
    )


class _DummyHash:
    """A real bcrypt hash at the configured cost, so unknown emails cost as much as known ones."""

    _by_rounds: dict[int, str] = {}

    @classmethod
    def get(cls, rounds: int) -> str:
        if rounds not in cls._by_rounds:
            cls._by_rounds[rounds] = hash_password(uuid.uuid4().hex, rounds=rounds)
        return cls._by_rounds[rounds]


def authenticate(*, session: Session, email: str, password: str, settings: Settings) -> User:
    """The same error for an unknown email and a wrong password, after the same bcrypt work."""
    user = find_user_by_email(session, email)
    password_hash = user.password_hash if user else _DummyHash.get(settings.bcrypt_rounds)
    password_ok = verify_password(password, password_hash)
    if user is None or not password_ok:
        raise Unauthorized("The email or password is incorrect.", code="invalid_credentials")
    if not user.is_active:
        raise Forbidden("This account has been deactivated.", code="account_disabled")
    user.last_login_at = utcnow()
    return user


def start_session(
    *, session: Session, user: User, settings: Settings, user_agent: str | None = None
) -> TokenPair:
    """A new token family: the refresh token lives at most `refresh_token_ttl` from now."""
    expires_at = utcnow() + timedelta(seconds=settings.refresh_token_ttl)
    return _issue(session, user, settings, str(uuid.uuid4()), expires_at, user_agent)


def _issue(
    session: Session,
    user: User,
    settings: Settings,
    family_id: str,
    expires_at: datetime,
    user_agent: str | None,
) -> TokenPair:
    raw = tokens.new_refresh_token()
    session.add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id,
            token_hash=tokens.hash_refresh_token(raw),
            expires_at=expires_at,
            user_agent=(user_agent or "")[:200] or None,
        )
    )
    session.flush()
    access = tokens.issue_access_token(
        user, secret=settings.secret_key, ttl_seconds=settings.access_token_ttl
    )
    return TokenPair(access, raw, settings.access_token_ttl)


def rotate_refresh_token(
    *, session: Session, raw_token: str, settings: Settings, user_agent: str | None = None
) -> tuple[User, TokenPair]:
    """Trade a refresh token for a new pair; a reused token revokes its whole family."""
    stored = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == tokens.hash_refresh_token(raw_token))
    )
    if stored is None or stored.revoked_at is not None:
        raise Unauthorized("The refresh token is invalid.", code="invalid_refresh_token")
    now = utcnow()
    if stored.expires_at <= now:
        raise Unauthorized("The session has expired; sign in again.", code="refresh_token_expired")
    # Conditional update: of two concurrent rotations of one token, exactly one wins.
    claimed = session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == stored.id, RefreshToken.used_at.is_(None))
        .values(used_at=now)
    ).rowcount
    if claimed != 1:
        revoke_family(session=session, family_id=stored.family_id)
        raise RefreshTokenReused("This refresh token was already used; all its sessions are ended.")
    user = session.get(User, stored.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("This account has been deactivated.", code="account_disabled")
    pair = _issue(session, user, settings, stored.family_id, stored.expires_at, user_agent)
    return user, pair


def revoke_family(*, session: Session, family_id: str) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def logout(*, session: Session, raw_token: str | None) -> None:
    """Revoke the session the refresh token belongs to; unknown tokens are ignored."""
    if not raw_token:
        return
    stored = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == tokens.hash_refresh_token(raw_token))
    )
    if stored is not None:
        revoke_family(session=session, family_id=stored.family_id)


def end_all_sessions(*, session: Session, user: User) -> None:
    """Invalidate every access token (version bump) and refresh token of the user at once."""
    user.token_version += 1
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user.id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def load_authenticated_user(*, session: Session, claims: tokens.AccessClaims) -> User:
    """Per request: the account must still exist, be active, and not have ended its sessions."""
    user = session.get(User, claims.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("This account is not active.", code="account_disabled")
    if user.token_version != claims.token_version:
        raise Unauthorized("This session has ended; sign in again.", code="session_revoked")
    return user


def update_profile(*, session: Session, user: User, name: str | None, company: str | None) -> User:
    if name is not None:
        user.name = name
    if company is not None:
        user.company = company or None
    session.flush()
    return user


def change_password(
    *,
    session: Session,
    user: User,
    current_password: str,
    new_password: str,
    settings: Settings,
    user_agent: str | None = None,
) -> TokenPair:
    """Ends every other session and starts a fresh one for the caller."""
    if not verify_password(current_password, user.password_hash):
        raise ValidationFailed.for_field(
            "current_password", "incorrect", "The current password is incorrect."
        )
    problems = password_problems(new_password, email=user.email, field="new_password")
    if problems:
        raise ValidationFailed(problems[0].message, errors=problems)
    user.password_hash = hash_password(new_password, rounds=settings.bcrypt_rounds)
    end_all_sessions(session=session, user=user)
    return start_session(session=session, user=user, settings=settings, user_agent=user_agent)


def purge_expired_refresh_tokens(*, session: Session) -> int:
    """Housekeeping for the worker: expired tokens can never be used again."""
    result = session.execute(delete(RefreshToken).where(RefreshToken.expires_at < utcnow()))
    return result.rowcount or 0
