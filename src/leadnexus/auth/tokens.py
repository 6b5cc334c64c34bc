"""Access tokens (short-lived JWTs) and opaque refresh tokens."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt

from leadnexus.auth.models import User
from leadnexus.db import utcnow
from leadnexus.errors import Unauthorized

ALGORITHM = "HS256"
ACCESS_TYPE = "access"
ISSUER = "leadnexus"


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    role: str
    token_version: int
    jti: str


def issue_access_token(
    user: User, *, secret: str, ttl_seconds: int, now: datetime | None = None
) -> str:
    now = now or utcnow()
    claims = {
        "iss": ISSUER,
        "sub": str(user.id),
        "role": user.role,
        "ver": user.token_version,
        "typ": ACCESS_TYPE,
        "jti": uuid.uuid4().hex,
        "iat": now,
        "exp": now + timedelta(seconds=ttl_seconds),
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def decode_access_token(token: str, *, secret: str) -> AccessClaims:
    """Verify signature, expiry and type; the algorithm is pinned so `alg: none` never passes."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "typ", "jti", "role", "ver"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise Unauthorized("The access token has expired.", code="token_expired") from exc
    except jwt.PyJWTError as exc:
        raise Unauthorized("The access token is invalid.", code="invalid_token") from exc
    if claims.get("typ") != ACCESS_TYPE:
        raise Unauthorized("This is not an access token.", code="invalid_token")
    try:
        return AccessClaims(
            int(claims["sub"]), str(claims["role"]), int(claims["ver"]), claims["jti"]
        )
    except (TypeError, ValueError) as exc:
        raise Unauthorized("The access token is invalid.", code="invalid_token") from exc


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
