"""Authentication and role checks for routes, in one place."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from apiflask.scaffold import _annotate
from flask import g, request

from leadnexus.auth import tokens
from leadnexus.auth.models import Role, User
from leadnexus.auth.service import load_authenticated_user
from leadnexus.errors import Forbidden, Unauthorized
from leadnexus.extensions import db_session, settings

F = TypeVar("F", bound=Callable[..., Any])
SECURITY_SCHEME = "BearerAuth"


def _bearer_token() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(
            "Send an access token as 'Authorization: Bearer <token>'.", code="missing_token"
        )
    return token.strip()


def current_user() -> User:
    user = g.get("current_user")
    if user is None:
        raise RuntimeError("current_user() used on a route without @auth_required")
    return cast(User, user)


def auth_required(*roles: Role) -> Callable[[F], F]:
    """Require a valid access token of an active user; with roles, one of those roles."""
    allowed = {role.value for role in roles}

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            claims = tokens.decode_access_token(_bearer_token(), secret=settings().secret_key)
            user = load_authenticated_user(session=db_session(), claims=claims)
            if allowed and user.role not in allowed:
                raise Forbidden("Your role does not allow this action.", code="role_forbidden")
            g.current_user = user
            return view(*args, **kwargs)

        _annotate(wrapper, security=SECURITY_SCHEME)
        return cast(F, wrapper)

    return decorator


def optional_user() -> User | None:
    """The signed-in user on a public route, or None; a token that is sent must be valid."""
    if "Authorization" not in request.headers:
        return None
    claims = tokens.decode_access_token(_bearer_token(), secret=settings().secret_key)
    return load_authenticated_user(session=db_session(), claims=claims)
