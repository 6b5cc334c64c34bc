from __future__ import annotations

import pytest

from leadnexus.auth.models import Role
from tests.conftest import PASSWORD
from tests.helpers import assert_problem, field_codes


def _register(client, **overrides):
    body = {
        "email": "Jane.Doe@Example.COM",
        "password": PASSWORD,
        "role": "vendor",
        "name": "  Jane Doe ",
        "company": "Doe Data",
    }
    body.update(overrides)
    return client.post("/api/auth/register", json=body)


def test_register_creates_account_and_signs_in(client):
    response = _register(client)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["user"]["email"] == "jane.doe@example.com"
    assert body["user"]["role"] == "vendor"
    assert body["user"]["name"] == "Jane Doe"
    assert body["token_type"] == "Bearer" and body["expires_in"] == 900
    assert "password_hash" not in response.get_data(as_text=True)
    cookie = response.headers["Set-Cookie"]
    assert "ln_refresh=" in cookie and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie and "Path=/api/auth" in cookie

    me = client.get("/api/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.get_json()["email"] == "jane.doe@example.com"


def test_admin_cannot_be_self_assigned(client):
    body = assert_problem(_register(client, role="admin"), 422, "validation_failed")
    assert field_codes(body) == {"role": "literal_error"}
    assert "'client' or 'vendor'" in body["errors"][0]["message"]


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short1234", "too_short"),
        ("1234567890", "too_common"),
        ("qwertyuiop", "too_common"),
        ("jane.doe@example.com", "same_as_email"),
        ("x" * 73, "too_long"),
    ],
)
def test_password_policy(client, password, code):
    body = assert_problem(_register(client, password=password), 422, "validation_failed")
    assert field_codes(body) == {"password": code}


def test_long_passphrase_without_composition_rules_is_accepted(client):
    assert _register(client, password="a" * 20 + " sunny orchard by the river").status_code == 201


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"email": "not-an-email"}, "email", "value_error"),
        ({"email": 42}, "email", "string_type"),
        ({"role": "superuser"}, "role", "literal_error"),
        ({"name": ""}, "name", "string_too_short"),
        ({"nickname": "jd"}, "nickname", "extra_forbidden"),
    ],
)
def test_field_errors_name_the_field(client, overrides, field, code):
    body = assert_problem(_register(client, **overrides), 422, "validation_failed")
    assert field_codes(body).get(field) == code


def test_missing_fields_are_listed(client):
    body = assert_problem(client.post("/api/auth/register", json={}), 422, "validation_failed")
    assert set(field_codes(body)) == {"email", "password", "role", "name"}


def test_duplicate_email_is_a_conflict(client):
    assert _register(client).status_code == 201
    assert_problem(_register(client, email="JANE.DOE@example.com"), 409, "email_taken")


def test_one_megabyte_string_is_rejected_without_500(client):
    response = _register(client, name="x" * 1_000_000)
    assert response.status_code in (413, 422)
    assert response.mimetype == "application/problem+json"


def test_body_over_the_json_limit_is_413(client):
    response = _register(client, name="x" * 1_100_000)
    assert_problem(response, 413, "payload_too_large")


def test_malformed_json_is_a_clear_400(client):
    response = client.post("/api/auth/register", data="{not json", content_type="application/json")
    assert_problem(response, 400, "malformed_json")


def test_json_array_body_is_a_validation_error(client):
    response = client.post("/api/auth/register", json=["a"])
    assert_problem(response, 422, "validation_failed")


def test_non_json_body_is_415(client):
    response = client.post("/api/auth/register", data="email=a", content_type="text/plain")
    assert_problem(response, 415, "unsupported_media_type")


@pytest.mark.parametrize("field", ["name", "company"])
def test_a_nul_in_a_name_is_a_field_error_on_every_database(client, field):
    # PostgreSQL refuses NUL in text: this was a 500 there and a stored NUL on SQLite.
    body = assert_problem(_register(client, **{field: "Jane\x00Doe"}), 422, "validation_failed")
    assert field_codes(body) == {field: "nul_character"}


@pytest.mark.parametrize("field", ["name", "company"])
def test_a_nul_in_a_profile_change_is_a_field_error(client, as_user, field):
    _user, headers = as_user(Role.CLIENT)
    response = client.patch("/api/auth/me", json={field: "Jane\x00Doe"}, headers=headers)
    assert field_codes(assert_problem(response, 422, "validation_failed")) == {
        field: "nul_character"
    }
