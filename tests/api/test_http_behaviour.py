"""Cross-cutting HTTP behaviour: error shape, headers, CORS, docs, health, SPA, rate limits."""

from __future__ import annotations

import dataclasses
import os

import pytest

from leadnexus.app import create_app
from leadnexus.auth.models import Role
from tests.conftest import PASSWORD
from tests.helpers import assert_problem


def test_unknown_api_path_is_problem_404(client):
    assert_problem(client.get("/api/nope"), 404, "not_found")


def test_wrong_method_is_problem_405_with_allow(client):
    response = client.delete("/api/auth/login")
    assert_problem(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]


def test_unexpected_error_is_problem_500_without_internals(settings):
    app = create_app(settings)

    @app.get("/api/boom")
    def boom():  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internal detail: SELECT * FROM users")

    response = app.test_client().get("/api/boom")
    body = assert_problem(response, 500, "internal_error")
    assert "secret internal detail" not in str(body)


def test_security_headers_on_api_and_app(client):
    for path in ("/api/health", "/api/nope", "/"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self';" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["X-Frame-Options"] == "DENY"
    assert client.get("/api/health").headers["Cache-Control"] == "no-store"


def test_cors_only_for_configured_origins(settings):
    app = create_app(dataclasses.replace(settings, cors_origins=("https://app.example.com",)))
    client = app.test_client()
    allowed = client.options(
        "/api/auth/login",
        headers={"Origin": "https://app.example.com", "Access-Control-Request-Method": "POST"},
    )
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert allowed.headers["Access-Control-Allow-Credentials"] == "true"
    denied = client.get("/api/health", headers={"Origin": "https://evil.example.com"})
    assert "Access-Control-Allow-Origin" not in denied.headers


def test_default_has_no_cross_origin_access(client):
    response = client.get("/api/health", headers={"Origin": "https://evil.example.com"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_openapi_and_docs(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    assert "/api/auth/login" in spec["paths"]
    me = spec["paths"]["/api/auth/me"]["get"]
    assert me["security"] == [{"BearerAuth": []}]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    html = docs.get_data(as_text=True)
    assert "/api/docs/assets/swagger-ui-bundle.js" in html and "cdn.jsdelivr" not in html
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_health_and_ready(client):
    assert client.get("/api/health").get_json() == {"status": "ok"}
    assert client.get("/api/ready").get_json() == {"status": "ready"}


def test_ready_reports_unreachable_database(settings, tmp_path):
    broken = dataclasses.replace(
        settings, database_url="postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"
    )
    response = create_app(broken).test_client().get("/api/ready")
    assert_problem(response, 503, "not_ready")


def test_spa_is_served_with_client_side_routes(client, settings):
    assets = settings.web_dist / "assets"
    assets.mkdir(parents=True)
    (settings.web_dist / "index.html").write_text("<html><div id=root></div></html>")
    (assets / "app-1234.js").write_text("console.log('app')")

    page = client.get("/client/marketplace")
    assert page.status_code == 200 and "id=root" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-cache"
    asset = client.get("/assets/app-1234.js")
    assert asset.status_code == 200 and "max-age=31536000" in asset.headers["Cache-Control"]
    assert "id=root" in client.get("/../../etc/passwd").get_data(as_text=True)
    assert_problem(client.get("/api/unknown/thing"), 404, "not_found")


def test_missing_web_build_says_how_to_fix(client):
    assert_problem(client.get("/"), 503, "web_app_not_built")


def _hammer_login(client, email: str, attempts: int):
    return [
        client.post("/api/auth/login", json={"email": email, "password": "wrong password!"})
        for _ in range(attempts)
    ]


def test_login_is_rate_limited_per_account(client, make):
    user = make.user()
    responses = _hammer_login(client, user.email, 6)
    assert [r.status_code for r in responses[:5]] == [401] * 5
    limited = assert_problem(responses[5], 429, "rate_limited")
    assert int(responses[5].headers["Retry-After"]) > 0
    assert "Try again" in limited["detail"]
    # Even the right password is refused while the account is limited.
    right = client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})
    assert right.status_code == 429
    # Another account from the same address is not affected.
    other = make.user()
    assert (
        client.post(
            "/api/auth/login", json={"email": other.email, "password": PASSWORD}
        ).status_code
        == 200
    )


def test_login_is_rate_limited_per_ip(settings, make):
    app = create_app(dataclasses.replace(settings, login_limit_per_ip="3 per minute"))
    client = app.test_client()
    codes = [
        client.post(
            "/api/auth/login", json={"email": f"x{i}@example.com", "password": "whatever!!"}
        ).status_code
        for i in range(4)
    ]
    assert codes == [401, 401, 401, 429]


@pytest.mark.skipif(
    not os.environ.get("TEST_REDIS_URL"), reason="needs TEST_REDIS_URL (CI sets it)"
)
def test_rate_limits_are_shared_through_redis(settings, make):
    shared = dataclasses.replace(settings, redis_url=os.environ["TEST_REDIS_URL"])
    user = make.user(Role.VENDOR)
    # Two app instances (two processes in production) count against the same limit.
    first, second = create_app(shared).test_client(), create_app(shared).test_client()
    assert [r.status_code for r in _hammer_login(first, user.email, 5)] == [401] * 5
    assert_problem(_hammer_login(second, user.email, 1)[0], 429, "rate_limited")
