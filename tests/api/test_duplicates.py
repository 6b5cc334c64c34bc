"""Name + company duplicates are fuzzy: the same person at the same company, spelled a bit
differently, is caught within a file, against the vendor's own leads and across vendors."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from leadnexus.auth.models import Role
from leadnexus.leads.ingest import jobs
from leadnexus.leads.models import Lead
from tests.api.test_review import lead_body
from tests.api.test_uploads import _confirm, _suggested, _upload
from tests.helpers import assert_problem, field_codes


@pytest.fixture
def vendor(as_user):
    return as_user(Role.VENDOR)


def _person(first: str, last: str, company: str, n: int) -> dict:
    """Its own email and phone, so only the name and company can match."""
    return lead_body(
        first_name=first,
        last_name=last,
        company_name=company,
        email=f"person{n}@example-{n}.com",
        phone=f"+44 20 7946 {n:04d}",
    )


def test_same_person_spelled_differently_is_a_duplicate_of_own_lead(client, vendor):
    _user, headers = vendor
    first = client.post("/api/leads", json=_person("John", "Smith", "Acme Inc", 1), headers=headers)
    assert first.status_code == 201, first.get_json()
    again = client.post("/api/leads", json=_person("Jon", "Smith", "ACME", 2), headers=headers)
    assert_problem(again, 422, "lead_rejected")
    assert field_codes(again.get_json()) == {"name and company": "duplicate_of_own_lead"}
    # Another person at the same company, or the same name elsewhere, is a new lead.
    for n, (first, last, company) in enumerate(
        [("Jane", "Smith", "Acme"), ("John", "Smith", "Globex")], start=3
    ):
        response = client.post("/api/leads", json=_person(first, last, company, n), headers=headers)
        assert response.status_code == 201, response.get_json()


def test_fuzzy_match_across_vendors_is_flagged_and_shown_to_reviewers(client, vendor, as_user):
    _user, headers = vendor
    first = client.post(
        "/api/leads", json=_person("Anne", "Lee", "Initech GmbH", 1), headers=headers
    )
    _other, other_headers = as_user(Role.VENDOR)
    second = client.post(
        "/api/leads", json=_person("Ann", "Lee", "Initech", 2), headers=other_headers
    )
    assert second.status_code == 201, second.get_json()
    report = {s["stage"]: s for s in second.get_json()["validation_report"]}
    assert report["duplicates"]["status"] == "warn"
    assert report["duplicates"]["reasons"][0]["code"] == "duplicate_in_marketplace"

    _admin, admin_headers = as_user(Role.ADMIN)
    queue = client.get("/api/review/queue", headers=admin_headers).get_json()["data"]
    matches = {item["id"]: item["duplicates"] for item in queue}
    assert [(m["lead_id"], m["matched_on"]) for m in matches[second.get_json()["id"]]] == [
        (first.get_json()["id"], "name and company")
    ]


def test_fuzzy_duplicates_within_one_file(client, vendor, session):
    _user, headers = vendor
    header = "First Name,Last Name,Email,Company\n"
    rows = [
        "Jonathan,Smith,js@one.example,Acme Inc",
        'Jonathon,Smith,jsmith@two.example,"ACME, Inc."',  # same person, other spelling
        "Maria,Garcia,mg@one.example,Acme",
        "Mario,Garcia,mario@two.example,Acme",  # a different person
    ]
    created = _upload(client, headers, (header + "\n".join(rows) + "\n").encode()).get_json()
    assert (
        _confirm(client, headers, created["upload"]["id"], _suggested(created)).status_code == 202
    )
    status = client.get(f"/api/leads/uploads/{created['upload']['id']}", headers=headers).get_json()
    assert status["rejected_by_reason"] == {"duplicate_in_file": 1}
    stored = session.scalars(select(Lead.email).order_by(Lead.source_row)).all()
    assert stored == ["js@one.example", "mg@one.example", "mario@two.example"]


def test_a_company_read_in_an_earlier_batch_still_catches_a_later_row(client, vendor, monkeypatch):
    _user, headers = vendor
    first = client.post("/api/leads", json=_person("John", "Smith", "Acme Inc", 1), headers=headers)
    assert first.status_code == 201, first.get_json()
    monkeypatch.setattr(jobs, "BATCH_SIZE", 1)  # each row its own batch
    header = "First Name,Last Name,Email,Company\n"
    rows = ["Jane,Doe,jd@acme.example,Acme", "Max,Roe,mr@globex.example,Globex"]
    rows.append("Jon,Smith,jon@acme.example,ACME")  # the vendor's John Smith at Acme
    created = _upload(client, headers, (header + "\n".join(rows) + "\n").encode()).get_json()
    assert (
        _confirm(client, headers, created["upload"]["id"], _suggested(created)).status_code == 202
    )
    status = client.get(f"/api/leads/uploads/{created['upload']['id']}", headers=headers).get_json()
    assert status["rejected_by_reason"] == {"duplicate_of_own_lead": 1}
    assert status["accepted"] + status["accepted_with_warnings"] == 2
