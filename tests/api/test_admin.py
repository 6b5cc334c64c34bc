from __future__ import annotations

import pytest

from leadnexus.auth.models import Role
from tests.helpers import assert_problem


def test_admin_lists_and_searches_users(client, make, as_user):
    _admin, headers = as_user(Role.ADMIN)
    make.user(Role.VENDOR, email="alice@vendor.io", name="Alice Vendor")
    make.user(Role.CLIENT, email="bob@client.io", name="Bob Buyer")
    make.user(Role.CLIENT, email="carol@client.io", is_active=False)

    everyone = client.get("/api/admin/users", headers=headers).get_json()
    assert len(everyone["data"]) == 4 and everyone["has_more"] is False
    # Newest first.
    assert everyone["data"][0]["email"] == "carol@client.io"

    def emails(query: str) -> set[str]:
        response = client.get(f"/api/admin/users?{query}", headers=headers)
        assert response.status_code == 200, response.get_json()
        return {u["email"] for u in response.get_json()["data"]}

    assert emails("q=ALICE") == {"alice@vendor.io"}
    assert emails("q=buyer") == {"bob@client.io"}
    assert emails("role=client") == {"bob@client.io", "carol@client.io"}
    assert emails("role=client&is_active=false") == {"carol@client.io"}
    assert emails("q=%25") == set()  # a literal %, not a wildcard


def test_user_list_paginates_with_a_cursor(client, make, as_user):
    _admin, headers = as_user(Role.ADMIN)
    for _ in range(5):
        make.user()
    first = client.get("/api/admin/users?limit=4", headers=headers).get_json()
    assert len(first["data"]) == 4 and first["has_more"] is True
    second = client.get(
        f"/api/admin/users?limit=4&cursor={first['next_cursor']}", headers=headers
    ).get_json()
    assert len(second["data"]) == 2 and second["has_more"] is False
    ids = [u["id"] for u in first["data"] + second["data"]]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 6


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=1000", "limit"),
        ("limit=0", "limit"),
        ("cursor=%%%", "cursor"),
        ("role=root", "role"),
    ],
)
def test_bad_list_parameters(client, as_user, query, field):
    _admin, headers = as_user(Role.ADMIN)
    body = assert_problem(
        client.get(f"/api/admin/users?{query}", headers=headers), 422, "validation_failed"
    )
    assert field in {e["field"] for e in body["errors"]}


@pytest.mark.parametrize("role", [Role.CLIENT, Role.VENDOR])
def test_non_admins_are_refused(client, as_user, make, role):
    _user, headers = as_user(role)
    other = make.user()
    assert_problem(client.get("/api/admin/users", headers=headers), 403, "role_forbidden")
    assert_problem(client.get("/api/admin/audit", headers=headers), 403, "role_forbidden")
    response = client.patch(f"/api/admin/users/{other.id}", json={"role": "admin"}, headers=headers)
    assert_problem(response, 403, "role_forbidden")


def test_anonymous_is_refused(client):
    assert_problem(client.get("/api/admin/users"), 401, "missing_token")


def test_role_change_is_audited_and_ends_sessions(client, make, as_user):
    admin, headers = as_user(Role.ADMIN)
    target = make.user(Role.CLIENT)
    response = client.patch(
        f"/api/admin/users/{target.id}", json={"role": "vendor"}, headers=headers
    )
    assert response.status_code == 200 and response.get_json()["role"] == "vendor"

    entries = client.get("/api/admin/audit", headers=headers).get_json()["data"]
    change = next(e for e in entries if e["action"] == "user.role_changed")
    assert change["actor_email"] == admin.email
    assert change["target_id"] == str(target.id)
    assert change["data"] == {"from": "client", "to": "vendor"}


def test_deactivate_and_reactivate_are_audited(client, make, as_user):
    _admin, headers = as_user(Role.ADMIN)
    target = make.user()
    for active in (False, True):
        response = client.patch(
            f"/api/admin/users/{target.id}", json={"is_active": active}, headers=headers
        )
        assert response.get_json()["is_active"] is active
    actions = [
        e["action"] for e in client.get("/api/admin/audit", headers=headers).get_json()["data"]
    ]
    assert actions[:2] == ["user.activated", "user.deactivated"]


def test_admin_cannot_lock_themselves_out(client, as_user):
    admin, headers = as_user(Role.ADMIN)
    for body in ({"is_active": False}, {"role": "client"}):
        response = client.patch(f"/api/admin/users/{admin.id}", json=body, headers=headers)
        assert_problem(response, 409, "cannot_modify_self")


def test_unknown_user_and_bad_body(client, as_user):
    _admin, headers = as_user(Role.ADMIN)
    assert_problem(
        client.patch("/api/admin/users/999999", json={"is_active": False}, headers=headers),
        404,
        "user_not_found",
    )
    response = client.patch("/api/admin/users/1", json={"is_active": "maybe"}, headers=headers)
    assert_problem(response, 422, "validation_failed")


def test_suppression_list_rejects_matching_leads_and_is_audited(client, as_user):
    _vendor, vendor_headers = as_user(Role.VENDOR)
    lead = {
        "first_name": "Ann",
        "last_name": "Lee",
        "email": "ann@optout.io",
        "job_title": "CTO",
        "company_name": "Optout",
        "price": "10",
    }
    created = client.post("/api/leads", json=lead, headers=vendor_headers).get_json()
    _admin, headers = as_user(Role.ADMIN)

    response = client.post(
        "/api/admin/suppressions",
        json={"kind": "domain", "value": "https://www.OptOut.io/contact", "reason": "GDPR request"},
        headers=headers,
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["value"] == "optout.io" and body["leads_removed"] == 1
    mine = client.get(f"/api/leads/mine/{created['id']}", headers=vendor_headers).get_json()
    assert mine["status"] == "rejected"
    again = client.post(
        "/api/admin/suppressions", json={"kind": "domain", "value": "optout.io"}, headers=headers
    )
    assert_problem(again, 409, "already_suppressed")
    bad = client.post(
        "/api/admin/suppressions", json={"kind": "email", "value": "not an email"}, headers=headers
    )
    assert_problem(bad, 422, "validation_failed")
    # New leads for the domain are refused from now on.
    refused = client.post(
        "/api/leads", json={**lead, "email": "bob@optout.io"}, headers=vendor_headers
    )
    assert_problem(refused, 422, "lead_rejected")

    listed = client.get("/api/admin/suppressions?q=optout", headers=headers).get_json()["data"]
    assert [s["value"] for s in listed] == ["optout.io"]
    assert (
        client.delete(f"/api/admin/suppressions/{body['id']}", headers=headers).status_code == 204
    )
    actions = [
        e["action"] for e in client.get("/api/admin/audit", headers=headers).get_json()["data"]
    ]
    assert actions[:2] == ["suppression.removed", "suppression.added"]
    assert_problem(
        client.get("/api/admin/suppressions", headers=vendor_headers), 403, "role_forbidden"
    )
