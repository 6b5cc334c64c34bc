"""A vendor creates and edits single leads through the same pipeline."""

from __future__ import annotations

import pytest

from leadnexus.auth.models import Role
from tests.helpers import assert_problem

GOOD = {
    "first_name": "  marie ",
    "last_name": "CURIE",
    "email": "Marie.Curie@Radium.FR",
    "phone": "01 42 34 56 78",
    "job_title": "Director of Research",
    "company_name": "Institut du Radium",
    "website": "https://www.radium.fr",
    "country": "France",
    "industry": "Healthcare",
    "price": "42.50",
}


@pytest.fixture
def vendor(as_user):
    return as_user(Role.VENDOR)


def test_create_lead_runs_the_pipeline(client, vendor):
    _user, headers = vendor
    response = client.post("/api/leads", json=GOOD, headers=headers)
    assert response.status_code == 201, response.get_json()
    lead = response.get_json()
    assert lead["email"] == "marie.curie@radium.fr"
    assert lead["phone"] == "+33142345678"
    assert lead["country"] == "FR"
    assert lead["contact_first_name"] == "Marie" and lead["contact_last_name"] == "Curie"
    assert lead["seniority"] == "Director"
    assert lead["price"] == "42.50" and lead["status"] == "pending_review"
    assert lead["title"]  # composed from job title, industry and region
    assert (
        client.get(f"/api/leads/mine/{lead['id']}", headers=headers).get_json()["id"] == lead["id"]
    )


def test_rejected_lead_reports_reasons(client, vendor):
    _user, headers = vendor
    response = client.post(
        "/api/leads",
        json={"first_name": "No", "company_name": "Contact Ltd", "price": "5"},
        headers=headers,
    )
    body = assert_problem(response, 422, "lead_rejected")
    assert "missing_contact" in {e["code"] for e in body["errors"]}


def test_duplicate_of_own_lead_is_refused(client, vendor):
    _user, headers = vendor
    assert client.post("/api/leads", json=GOOD, headers=headers).status_code == 201
    body = assert_problem(
        client.post("/api/leads", json=GOOD, headers=headers), 422, "lead_rejected"
    )
    assert body["errors"][0]["code"] == "duplicate_of_own_lead"


def test_edit_revalidates_and_keeps_ownership(client, vendor, as_user):
    _user, headers = vendor
    lead = client.post("/api/leads", json=GOOD, headers=headers).get_json()
    edited = client.patch(
        f"/api/leads/{lead['id']}", json={"email": "mc@mailinator.com"}, headers=headers
    )
    assert edited.status_code == 200, edited.get_json()
    assert "disposable_email" in edited.get_json()["risk_flags"]
    assert edited.get_json()["phone"] == "+33142345678"  # untouched fields survive

    _other, other_headers = as_user(Role.VENDOR)
    response = client.patch(
        f"/api/leads/{lead['id']}", json={"city": "Lyon"}, headers=other_headers
    )
    assert_problem(response, 404, "lead_not_found")
    assert client.get("/api/leads/mine", headers=other_headers).get_json()["data"] == []


def test_bad_lead_input(client, vendor):
    _user, headers = vendor
    assert_problem(
        client.post("/api/leads", json={**GOOD, "price": "-1"}, headers=headers),
        422,
        "validation_failed",
    )
    assert_problem(
        client.post("/api/leads", json={**GOOD, "owner": 1}, headers=headers),
        422,
        "validation_failed",
    )
    assert_problem(
        client.patch("/api/leads/99999", json={"city": "x"}, headers=headers), 404, "lead_not_found"
    )
