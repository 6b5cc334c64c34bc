from __future__ import annotations

from datetime import timedelta

import jwt
import pytest

from leadnexus.auth import service as auth_service
from leadnexus.auth.models import Role, User
from leadnexus.db import utcnow
from tests.conftest import PASSWORD, bearer, login
from tests.helpers import assert_problem


def test_login_returns_tokens_and_records_last_login(client, make):
    user = make.user(Role.CLIENT)
    body = login(client, user.email.upper())
    assert body["user"]["id"] == user.id
    assert body["user"]["last_login_at"] is not None
    assert body["refresh_token"] and body["access_token"]


def test_unknown_email_and_wrong_password_look_the_same(client, make, monkeypatch):
    user = make.user()
    calls = []
    real_verify = auth_service.verify_password
    monkeypatch.setattr(
        auth_service, "verify_password", lambda p, h: calls.append(h) or real_verify(p, h)
    )
    wrong = client.post("/api/auth/login", json={"email": user.email, "password": "nope" * 3})
    unknown = client.post(
        "/api/auth/login", json={"email": "ghost@example.com", "password": "x" * 12}
    )
    assert_problem(wrong, 401, "invalid_credentials")
    assert_problem(unknown, 401, "invalid_credentials")
    assert wrong.get_json()["detail"] == unknown.get_json()["detail"]
    # Both paths paid for one bcrypt verification, so timing does not tell them apart.
    assert len(calls) == 2 and all(h.startswith("$2b$04$") for h in calls)


def test_deactivated_user_cannot_log_in(client, make):
    user = make.user(is_active=False)
    response = client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})
    assert_problem(response, 403, "account_disabled")


def _token(settings, user_id: int, **changes) -> str:
    now = utcnow()
    claims = {
        "iss": "leadnexus",
        "sub": str(user_id),
        "role": "client",
        "ver": 0,
        "typ": "access",
        "jti": "j",
        "iat": now,
        "exp": now + timedelta(minutes=5),
    }
    claims.update(changes)
    secret = (
        changes.pop("secret", settings.secret_key) if "secret" in changes else settings.secret_key
    )
    claims.pop("secret", None)
    return jwt.encode(claims, secret, algorithm="HS256")


def test_valid_handmade_token_is_accepted(client, make, settings):
    user = make.user()
    assert client.get("/api/auth/me", headers=bearer(_token(settings, user.id))).status_code == 200


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"exp": utcnow() - timedelta(seconds=1)}, "token_expired"),
        ({"secret": "another-secret-" + "y" * 40}, "invalid_token"),
        ({"typ": "refresh"}, "invalid_token"),
        ({"iss": "someone-else"}, "invalid_token"),
        ({"ver": 7}, "session_revoked"),
    ],
)
def test_bad_access_tokens_are_rejected(client, make, settings, changes, code):
    user = make.user()
    response = client.get("/api/auth/me", headers=bearer(_token(settings, user.id, **changes)))
    assert_problem(response, 401, code)


def test_alg_none_and_tampered_tokens_are_rejected(client, make, settings):
    user = make.user()
    good = _token(settings, user.id)
    header, _payload, sig = good.split(".")
    unsigned = jwt.encode(
        jwt.decode(good, options={"verify_signature": False}), key=None, algorithm="none"
    )
    assert_problem(client.get("/api/auth/me", headers=bearer(unsigned)), 401, "invalid_token")
    forged = jwt.encode({"sub": str(user.id), "role": "admin"}, "guess" * 10, algorithm="HS256")
    tampered = f"{header}.{forged.split('.')[1]}.{sig}"
    assert_problem(client.get("/api/auth/me", headers=bearer(tampered)), 401, "invalid_token")


def test_refresh_token_cannot_be_used_as_access_token(client, make):
    body = login(client, make.user().email)
    response = client.get("/api/auth/me", headers=bearer(body["refresh_token"]))
    assert_problem(response, 401, "invalid_token")


def test_missing_or_malformed_authorization_header(client):
    assert_problem(client.get("/api/auth/me"), 401, "missing_token")
    assert_problem(
        client.get("/api/auth/me", headers={"Authorization": "Basic abc"}), 401, "missing_token"
    )


def test_refresh_rotates_via_cookie(client, make):
    body = login(client, make.user().email)
    refreshed = client.post("/api/auth/refresh", json={})
    assert refreshed.status_code == 200, refreshed.get_json()
    new = refreshed.get_json()
    assert new["refresh_token"] != body["refresh_token"]
    assert client.get("/api/auth/me", headers=bearer(new["access_token"])).status_code == 200
    # The cookie jar now holds the rotated token, so refreshing again works.
    assert client.post("/api/auth/refresh", json={}).status_code == 200


def test_reused_refresh_token_revokes_the_whole_family(client, make, app):
    body = login(client, make.user().email)
    client.delete_cookie("ln_refresh", path="/api/auth")
    first = client.post("/api/auth/refresh", json={"refresh_token": body["refresh_token"]})
    assert first.status_code == 200
    successor = first.get_json()["refresh_token"]

    replay = client.post("/api/auth/refresh", json={"refresh_token": body["refresh_token"]})
    assert_problem(replay, 401, "refresh_token_reused")
    # The thief's replay also ended the legitimate successor.
    after = client.post("/api/auth/refresh", json={"refresh_token": successor})
    assert_problem(after, 401, "invalid_refresh_token")


def test_refresh_family_expires_absolutely(client, make, database):
    body = login(client, make.user().email)
    from sqlalchemy import update

    from leadnexus.auth.models import RefreshToken

    with database.session() as s:
        s.execute(update(RefreshToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    response = client.post("/api/auth/refresh", json={"refresh_token": body["refresh_token"]})
    assert_problem(response, 401, "refresh_token_expired")


def test_refresh_without_token_and_with_garbage(client):
    assert_problem(client.post("/api/auth/refresh", json={}), 401, "missing_refresh_token")
    response = client.post("/api/auth/refresh", json={"refresh_token": "garbage"})
    assert_problem(response, 401, "invalid_refresh_token")


def test_logout_revokes_refresh_and_clears_cookie(client, make):
    body = login(client, make.user().email)
    response = client.post("/api/auth/logout", json={})
    assert response.status_code == 204
    assert "ln_refresh=;" in response.headers["Set-Cookie"]
    replay = client.post("/api/auth/refresh", json={"refresh_token": body["refresh_token"]})
    assert_problem(replay, 401, "invalid_refresh_token")


def test_deactivation_ends_access_immediately(client, make, as_user, database):
    target = make.user(Role.VENDOR)
    target_tokens = login(client, target.email)
    _admin, admin_headers = as_user(Role.ADMIN)
    assert (
        client.get("/api/auth/me", headers=bearer(target_tokens["access_token"])).status_code == 200
    )

    response = client.patch(
        f"/api/admin/users/{target.id}", json={"is_active": False}, headers=admin_headers
    )
    assert response.status_code == 200 and response.get_json()["is_active"] is False

    me = client.get("/api/auth/me", headers=bearer(target_tokens["access_token"]))
    assert_problem(me, 401, "account_disabled")
    refresh = client.post(
        "/api/auth/refresh", json={"refresh_token": target_tokens["refresh_token"]}
    )
    assert refresh.status_code == 401


def test_profile_update(client, as_user):
    _user, headers = as_user()
    response = client.patch(
        "/api/auth/me", json={"name": "New Name", "company": ""}, headers=headers
    )
    assert response.status_code == 200
    assert response.get_json()["name"] == "New Name"
    assert response.get_json()["company"] is None
    bad = client.patch("/api/auth/me", json={"role": "admin"}, headers=headers)
    assert_problem(bad, 422, "validation_failed")


def test_password_change_ends_other_sessions(client, make, database):
    user = make.user()
    other_device = login(client, user.email)
    this_device = login(client, user.email)
    wrong = client.post(
        "/api/auth/password",
        json={"current_password": "wrong password!", "new_password": "a brand new passphrase"},
        headers=bearer(this_device["access_token"]),
    )
    assert_problem(wrong, 422, "validation_failed")
    response = client.post(
        "/api/auth/password",
        json={"current_password": PASSWORD, "new_password": "a brand new passphrase"},
        headers=bearer(this_device["access_token"]),
    )
    assert response.status_code == 200
    fresh = response.get_json()
    assert client.get("/api/auth/me", headers=bearer(fresh["access_token"])).status_code == 200
    old = client.get("/api/auth/me", headers=bearer(other_device["access_token"]))
    assert_problem(old, 401, "session_revoked")
    old_refresh = client.post(
        "/api/auth/refresh", json={"refresh_token": other_device["refresh_token"]}
    )
    assert old_refresh.status_code == 401
    login(client, user.email, "a brand new passphrase")
    with database.session() as s:
        assert s.get(User, user.id).token_version == 1
