"""What a hostile or careless caller sends to search, saved searches, review and admin routes,
and what they get back: a problem naming the field, never a 500."""

from __future__ import annotations

import base64
import json

import pytest

from leadnexus.auth.models import Role
from tests.api.test_marketplace import SPECS, _lead
from tests.helpers import assert_problem, field_codes

BEYOND_BIGINT = 2**63  # one past the largest id a row can have


pytestmark = pytest.mark.usefixtures("fresh_market_caches")


@pytest.fixture
def market(database, make):
    vendor = make.user(Role.VENDOR)
    return [_lead(database, vendor.id, n, spec) for n, spec in enumerate(SPECS)]


def _position(value: object, key: object = 1) -> str:
    """A position cursor as search encodes them, holding what a tamperer put in it."""
    raw = json.dumps(["p", value, key]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    ("sort", "value", "key"),
    [
        ("newest", "2024-01-01", 1),  # a date without a zone: cannot be bound as UTC
        ("newest", "9999-12-31T23:59:59", 1),
        ("price_asc", "abc", 1),  # Decimal("abc") raises InvalidOperation, not ValueError
        ("price_desc", "sNaN", 1),
        ("price_asc", "NaN", 1),
        ("price_asc", "2024-01-01T00:00:00+05:00", 1),
        ("score", "NaN", 1),
        ("score", "Infinity", 1),
        ("score", 0.5, True),  # a bool is an int to Python, not to the database
        ("relevance", "NaN", 1),
    ],
)
def test_a_tampered_search_cursor_is_invalid_not_a_server_error(client, market, sort, value, key):
    query = {"cursor": _position(value, key), "sort": sort, "q": "manager"}
    body = assert_problem(client.get("/api/leads", query_string=query), 422, "validation_failed")
    assert field_codes(body) == {"cursor": "invalid_cursor"}


def test_issued_search_cursors_still_page_through_everything(client, market):
    for sort in ("newest", "score", "price_asc", "price_desc"):
        seen, cursor = [], None
        while True:
            query = {"sort": sort, "limit": 2, **({"cursor": cursor} if cursor else {})}
            page = client.get("/api/leads", query_string=query).get_json()
            seen += [lead["id"] for lead in page["data"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert sorted(seen) == sorted(market), sort


@pytest.mark.parametrize("q", ["OR", "OR OR", " OR  OR OR ", '"" OR', "* OR -"])
def test_a_search_of_only_or_browses_everything(client, market, q):
    # Each OR joined nothing, so FTS5 was handed an empty query: a syntax error, a 500 on SQLite.
    page = client.get("/api/leads", query_string={"q": q})
    assert page.status_code == 200, page.get_json()
    assert sorted(lead["id"] for lead in page.get_json()["data"]) == sorted(market)
    assert page.get_json()["sort"] == "newest"


@pytest.mark.parametrize(
    ("role", "path", "field"),
    [
        (Role.CLIENT, "/api/leads?vendor_id={n}", "vendor_id"),
        (Role.ADMIN, "/api/review/queue?vendor_id={n}", "vendor_id"),
    ],
)
@pytest.mark.parametrize("n", [BEYOND_BIGINT, 10**30])
def test_a_filter_id_no_row_can_have_is_a_field_error(client, as_user, role, path, field, n):
    # The drivers refuse to bind a number past 64 bits: it was a 500.
    _user, headers = as_user(role)
    response = client.get(path.format(n=n), headers=headers)
    body = assert_problem(response, 422, "validation_failed")
    assert field in field_codes(body)


def test_a_saved_search_filtering_on_an_impossible_vendor_is_refused(client, as_user):
    _buyer, headers = as_user(Role.CLIENT)
    body = {"name": "Nobody", "query": {"vendor_id": 2**70}}
    response = client.post("/api/saved-searches", json=body, headers=headers)
    assert "query.vendor_id" in field_codes(assert_problem(response, 422, "validation_failed"))


def test_bulk_decisions_on_ids_no_row_can_have_are_not_found(client, database, make, as_user):
    vendor = make.user(Role.VENDOR)
    waiting = _lead(database, vendor.id, 0, SPECS[0], status="pending_review")
    _admin, headers = as_user(Role.ADMIN)
    body = {"action": "approve", "lead_ids": [waiting, BEYOND_BIGINT, 2**70, 0, -1]}
    response = client.post("/api/review/decisions", json=body, headers=headers)
    assert response.status_code == 200, response.get_json()
    result = response.get_json()
    assert result["approved"] == 1 and result["not_found"] == 4
    assert [r["outcome"] for r in result["results"]] == ["approved", *["not_found"] * 4]


NUL = "a\x00b"


@pytest.mark.parametrize(
    ("role", "path", "field"),
    [
        (Role.CLIENT, "/api/leads", "region"),
        (Role.CLIENT, "/api/leads", "city"),
        (Role.CLIENT, "/api/leads", "q"),
        (Role.ADMIN, "/api/review/queue", "industry"),
        (Role.ADMIN, "/api/admin/users", "q"),
        (Role.ADMIN, "/api/admin/suppressions", "q"),
    ],
)
def test_a_nul_in_a_query_parameter_is_a_field_error(client, as_user, role, path, field):
    # PostgreSQL refuses NUL in text (a 500 there); SQLite searched for it. Both refuse it now.
    _user, headers = as_user(role)
    response = client.get(path, query_string={field: NUL}, headers=headers)
    body = assert_problem(response, 422, "validation_failed")
    assert field_codes(body) == {field: "nul_character"}


@pytest.mark.parametrize(
    ("role", "method", "path", "body", "field"),
    [
        (Role.CLIENT, "post", "/api/saved-searches", {"name": NUL, "query": {}}, "name"),
        (
            Role.CLIENT,
            "post",
            "/api/saved-searches",
            {"name": "Cities", "query": {"city": NUL}},
            "query.city",
        ),
        (Role.ADMIN, "post", "/api/review/rules", {"name": NUL}, "name"),
        (
            Role.ADMIN,
            "post",
            "/api/review/decisions",
            {"action": "approve", "lead_ids": [1], "note": NUL},
            "note",
        ),
        (
            Role.ADMIN,
            "post",
            "/api/admin/suppressions",
            {"kind": "domain", "value": "nul.example", "reason": NUL},
            "reason",
        ),
        (
            Role.ADMIN,
            "post",
            "/api/admin/announcements",
            {"title": NUL, "body": "b", "audience": "all"},
            "title",
        ),
        (
            Role.ADMIN,
            "post",
            "/api/admin/announcements",
            {"title": "t", "body": "b", "audience": "all", "link": "/a\x00"},
            "link",
        ),
    ],
)
def test_a_nul_in_a_body_is_a_field_error(client, as_user, role, method, path, body, field):
    _user, headers = as_user(role)
    response = getattr(client, method)(path, json=body, headers=headers)
    assert field_codes(assert_problem(response, 422, "validation_failed")) == {
        field: "nul_character"
    }


def test_a_nul_in_a_rename_is_a_field_error_and_changes_nothing(client, as_user):
    _buyer, headers = as_user(Role.CLIENT)
    _admin, admin_headers = as_user(Role.ADMIN)
    saved = client.post("/api/saved-searches", json={"name": "Mine", "query": {}}, headers=headers)
    rule = client.post("/api/review/rules", json={"name": "Safe"}, headers=admin_headers)
    for url, auth in (
        (f"/api/saved-searches/{saved.get_json()['id']}", headers),
        (f"/api/review/rules/{rule.get_json()['id']}", admin_headers),
    ):
        response = client.patch(url, json={"name": NUL}, headers=auth)
        assert field_codes(assert_problem(response, 422, "validation_failed")) == {
            "name": "nul_character"
        }
    listed = client.get("/api/saved-searches", headers=headers).get_json()["data"]
    assert [s["name"] for s in listed] == ["Mine"]
    rules = client.get("/api/review/rules", headers=admin_headers).get_json()["data"]
    assert [r["name"] for r in rules] == ["Safe"]


@pytest.mark.parametrize(
    "field", ["name", "is_active", "require_no_risk_flags", "require_validation_passed"]
)
def test_a_rule_change_to_null_is_refused_by_field(client, as_user, field):
    _admin, headers = as_user(Role.ADMIN)
    rule = client.post(
        "/api/review/rules", json={"name": "Safe", "min_score": 0.8}, headers=headers
    )
    url = f"/api/review/rules/{rule.get_json()['id']}"
    response = client.patch(url, json={field: None}, headers=headers)
    assert field_codes(assert_problem(response, 422, "validation_failed")) == {
        field: "null_not_allowed"
    }
    # min_score null still means "no minimum".
    cleared = client.patch(url, json={"min_score": None}, headers=headers)
    assert cleared.status_code == 200 and cleared.get_json()["min_score"] is None


@pytest.mark.parametrize(
    ("role", "method", "path"),
    [
        (Role.CLIENT, "post", "/api/saved-searches"),
        (Role.CLIENT, "patch", "/api/saved-searches/1"),
        (Role.ADMIN, "post", "/api/review/decisions"),
        (Role.ADMIN, "post", "/api/review/rules"),
        (Role.ADMIN, "patch", "/api/admin/users/1"),
        (Role.ADMIN, "post", "/api/admin/announcements"),
    ],
)
def test_a_request_without_its_json_body_says_so(client, as_user, role, method, path):
    # It was a 400 with Werkzeug's "The browser (or proxy) sent a request that this server
    # could not understand."
    _user, headers = as_user(role)
    response = getattr(client, method)(path, headers=headers)
    body = assert_problem(response, 400, "missing_body")
    assert "JSON" in body["detail"]


@pytest.mark.parametrize(
    ("role", "query", "field"),
    [
        (Role.CLIENT, "/api/leads?industry=Software&industry=Banking", "industry"),
        (Role.CLIENT, "/api/leads?limit=1&limit=50", "limit"),
        (Role.ADMIN, "/api/review/queue?sort=oldest&sort=newest", "sort"),
        (Role.CLIENT, "/api/workflows/notifications?unread=true&unread=false", "unread"),
    ],
)
def test_a_repeated_query_parameter_is_refused_by_name(client, as_user, market, role, query, field):
    # Only the first value was read: industry=Software&industry=Banking found no bank.
    _user, headers = as_user(role)
    body = assert_problem(client.get(query, headers=headers), 422, "validation_failed")
    assert field_codes(body) == {field: "repeated_parameter"}


def test_names_a_route_does_not_read_may_repeat(client, as_user):
    _user, headers = as_user(Role.CLIENT)
    assert client.get("/api/saved-searches?_=1&_=2", headers=headers).status_code == 200
    assert client.get("/api/openapi.json?v=1&v=2").status_code == 200
    assert_problem(client.get("/api/no-such-route?x=1&x=2"), 404, "not_found")


def test_the_api_docs_send_list_filters_comma_separated(client):
    parameters = client.get("/api/openapi.json").get_json()["paths"]["/api/leads"]["get"]
    industry = next(p for p in parameters["parameters"] if p["name"] == "industry")
    assert (industry["style"], industry["explode"]) == ("form", False)
    assert industry["schema"]["maxItems"] == 30 and "maxLength" not in industry["schema"]


def test_a_body_less_post_labelled_json_is_missing_its_body(client, as_user):
    _user, headers = as_user(Role.CLIENT)
    response = client.post(
        "/api/saved-searches", headers={**headers, "Content-Type": "application/json"}
    )
    assert_problem(response, 400, "missing_body")


def test_a_comma_separated_list_still_searches_both(client, market):
    found = client.get("/api/leads?industry=Software,Banking").get_json()["data"]
    assert {lead["industry"] for lead in found} == {"Software", "Banking"}


@pytest.mark.parametrize("twin", ["German VPs ", "  German VPs", "German\u0020VPs\t"])
def test_a_saved_search_name_with_spaces_around_is_the_same_name(client, as_user, twin):
    _buyer, headers = as_user(Role.CLIENT)
    first = client.post(
        "/api/saved-searches", json={"name": "German VPs", "query": {}}, headers=headers
    )
    assert first.status_code == 201
    again = client.post("/api/saved-searches", json={"name": twin, "query": {}}, headers=headers)
    assert_problem(again, 409, "name_taken")


def test_a_decomposed_accent_is_the_same_name(client, as_user):
    _buyer, headers = as_user(Role.CLIENT)
    composed, decomposed = "Caf\u00e9 owners", "Cafe\u0301 owners"
    created = client.post(
        "/api/saved-searches", json={"name": composed, "query": {}}, headers=headers
    )
    assert created.get_json()["name"] == composed
    again = client.post(
        "/api/saved-searches", json={"name": decomposed, "query": {}}, headers=headers
    )
    assert_problem(again, 409, "name_taken")


@pytest.mark.parametrize("name", ["", "   ", "x" * 101, 5, ["x"], None])
def test_a_saved_search_name_that_cannot_be_shown_is_refused(client, as_user, name):
    _buyer, headers = as_user(Role.CLIENT)
    response = client.post("/api/saved-searches", json={"name": name, "query": {}}, headers=headers)
    assert "name" in field_codes(assert_problem(response, 422, "validation_failed"))


def test_a_name_taken_by_a_concurrent_request_is_a_conflict(client, as_user, monkeypatch):
    # Two requests can both pass the "already taken?" check; the second then breaks the unique
    # constraint at flush, which was a 500.
    from leadnexus.marketplace import saved_searches

    _buyer, headers = as_user(Role.CLIENT)
    body = {"name": "Twice", "query": {}}
    assert client.post("/api/saved-searches", json=body, headers=headers).status_code == 201
    other = client.post("/api/saved-searches", json={"name": "Other", "query": {}}, headers=headers)
    monkeypatch.setattr(saved_searches, "_check_name", lambda *args, **kwargs: None)
    assert_problem(
        client.post("/api/saved-searches", json=body, headers=headers), 409, "name_taken"
    )
    url = f"/api/saved-searches/{other.get_json()['id']}"
    assert_problem(client.patch(url, json=body, headers=headers), 409, "name_taken")
    names = [
        s["name"] for s in client.get("/api/saved-searches", headers=headers).get_json()["data"]
    ]
    assert names == ["Twice", "Other"]


def test_a_name_that_nfc_lengthens_past_the_column_is_refused(client, as_user):
    # U+0958 is one character that NFC writes as two: 100 of them are 200 in the column.
    _buyer, headers = as_user(Role.CLIENT)
    response = client.post(
        "/api/saved-searches", json={"name": "\u0958" * 100, "query": {}}, headers=headers
    )
    assert "name" in field_codes(assert_problem(response, 422, "validation_failed"))
