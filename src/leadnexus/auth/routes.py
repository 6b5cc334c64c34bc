"""HTTP edge of accounts and sessions."""

from __future__ import annotations

from apiflask import APIBlueprint
from flask import Response, after_this_request, request

from leadnexus.audit import service as audit
from leadnexus.auth import service
from leadnexus.auth.access import auth_required, current_user
from leadnexus.auth.models import Role, User
from leadnexus.auth.schemas import (
    LoginIn,
    PasswordChange,
    ProfileUpdate,
    RefreshIn,
    RegisterIn,
    TokenOut,
    UserRead,
)
from leadnexus.errors import Unauthorized
from leadnexus.extensions import client_ip, db_session, limiter, settings

bp = APIBlueprint("auth", __name__, url_prefix="/api/auth", tag="Auth")

REFRESH_COOKIE = "ln_refresh"
COOKIE_PATH = "/api/auth"


def _user_agent() -> str | None:
    return request.headers.get("User-Agent")


def _set_refresh_cookie(raw_token: str) -> None:
    @after_this_request
    def _attach(response: Response) -> Response:
        response.set_cookie(
            REFRESH_COOKIE,
            raw_token,
            max_age=settings().refresh_token_ttl,
            path=COOKIE_PATH,
            httponly=True,
            secure=settings().secure_cookies,
            samesite="Strict",
        )
        return response


def _tokens_out(user: User, pair: service.TokenPair) -> TokenOut:
    _set_refresh_cookie(pair.refresh_token)
    return TokenOut(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
        user=UserRead.model_validate(user),
    )


def _login_account_key() -> str:
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return f"login-account:{str(email).strip().lower()[:254]}" if email else "login-account:-"


@bp.post("/register")
@limiter.limit(lambda: settings().register_limit_per_ip)
@bp.input(RegisterIn, arg_name="body")
@bp.output(TokenOut, status_code=201)
def register(body: RegisterIn) -> TokenOut:
    """Create a client or vendor account and sign in"""
    session = db_session()
    user = service.register(
        session=session,
        email=body.email,
        password=body.password,
        role=Role(body.role),
        name=body.name,
        company=body.company or None,
        settings=settings(),
    )
    pair = service.start_session(
        session=session, user=user, settings=settings(), user_agent=_user_agent()
    )
    audit.record(
        session=session,
        actor=user,
        action="user.registered",
        target_type="user",
        target_id=user.id,
        data={"role": user.role},
        ip=client_ip(),
    )
    session.commit()
    return _tokens_out(user, pair)


@bp.post("/login")
@limiter.limit(lambda: settings().login_limit_per_ip)
@limiter.limit(lambda: settings().login_limit_per_account, key_func=_login_account_key)
@bp.input(LoginIn, arg_name="body")
@bp.output(TokenOut)
def login(body: LoginIn) -> TokenOut:
    """Sign in with email and password"""
    session = db_session()
    user = service.authenticate(
        session=session, email=body.email, password=body.password, settings=settings()
    )
    pair = service.start_session(
        session=session, user=user, settings=settings(), user_agent=_user_agent()
    )
    session.commit()
    return _tokens_out(user, pair)


@bp.post("/refresh")
@bp.input(RefreshIn, arg_name="body")
@bp.output(TokenOut)
def refresh(body: RefreshIn) -> TokenOut:
    """Trade a refresh token (body or cookie) for a new token pair"""
    raw = body.refresh_token or request.cookies.get(REFRESH_COOKIE)
    if not raw:
        raise Unauthorized("No refresh token was sent.", code="missing_refresh_token")
    session = db_session()
    try:
        user, pair = service.rotate_refresh_token(
            session=session, raw_token=raw, settings=settings(), user_agent=_user_agent()
        )
    except service.RefreshTokenReused:
        session.commit()  # keep the family revocation
        raise
    session.commit()
    return _tokens_out(user, pair)


@bp.post("/logout")
def logout() -> Response:
    """Revoke the current session and clear the refresh cookie"""
    body = request.get_json(silent=True)
    raw = body.get("refresh_token") if isinstance(body, dict) else None
    session = db_session()
    service.logout(session=session, raw_token=raw or request.cookies.get(REFRESH_COOKIE))
    session.commit()
    response = Response(status=204)
    response.delete_cookie(REFRESH_COOKIE, path=COOKIE_PATH, httponly=True, samesite="Strict")
    return response


@bp.get("/me")
@auth_required()
@bp.output(UserRead)
def me() -> UserRead:
    """The signed-in user"""
    return UserRead.model_validate(current_user())


@bp.patch("/me")
@auth_required()
@bp.input(ProfileUpdate, arg_name="body")
@bp.output(UserRead)
def update_me(body: ProfileUpdate) -> UserRead:
    """Update your name or company"""
    session = db_session()
    user = service.update_profile(
        session=session, user=current_user(), name=body.name, company=body.company
    )
    session.commit()
    return UserRead.model_validate(user)


@bp.post("/password")
@auth_required()
@bp.input(PasswordChange, arg_name="body")
@bp.output(TokenOut)
def change_password(body: PasswordChange) -> TokenOut:
    """Change your password; every other session is signed out"""
    session = db_session()
    user = current_user()
    pair = service.change_password(
        session=session,
        user=user,
        current_password=body.current_password,
        new_password=body.new_password,
        settings=settings(),
        user_agent=_user_agent(),
    )
    audit.record(
        session=session,
        actor=user,
        action="user.password_changed",
        target_type="user",
        target_id=user.id,
        ip=client_ip(),
    )
    session.commit()
    return _tokens_out(user, pair)
