"""Admin review: the queue, decisions, conflicts, rules, and what the vendor sees."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from leadnexus.auth.models import Role
from leadnexus.errors import Conflict
from leadnexus.leads.models import LeadEvent
from leadnexus.notifications.models import Notification
from leadnexus.review import service as review
from tests.helpers import assert_problem, field_codes

_count = 0


def lead_body(**overrides: str) -> dict:
    """A valid lead with its own contact data each call (no duplicates between calls)."""
    global _count
    _count += 1
    body = {
        "first_name": "Ada",
        "last_name": f"Lovelace{_count}",
        "email": f"ada{_count}@analytical-engines.co.uk",
        "phone": f"+44 20 7946 {_count % 10000:04d}",
        "job_title": "Head of Engineering",
        "company_name": f"Analytical Engines {_count}",
        "website": "https://analytical-engines.co.uk",
        "country": "GB",
        "industry": "Software",
        "price": "30.00",
    }
    return {**body, **overrides}


@pytest.fixture
def vendor(as_user):
    return as_user(Role.VENDOR)


@pytest.fixture
def admin(as_user):
    return as_user(Role.ADMIN)


def create_leads(client, headers, n: int = 1, **overrides: str) -> list[dict]:
    leads = []
    for _ in range(n):
        response = client.post("/api/leads", json=lead_body(**overrides), headers=headers)
        assert response.status_code == 201, response.get_json()
        leads.append(response.get_json())
    return leads


def test_only_admins_reach_review(client, vendor, as_user):
    _client_user, client_headers = as_user(Role.CLIENT)
    _vendor, vendor_headers = vendor
    [lead] = create_leads(client, vendor_headers)
    for headers in (client_headers, vendor_headers):
        assert_problem(client.get("/api/review/queue", headers=headers), 403, "role_forbidden")
        assert_problem(
            client.post(f"/api/review/leads/{lead['id']}/approve", json={}, headers=headers),
            403,
            "role_forbidden",
        )
        assert_problem(
            client.post("/api/review/rules", json={"name": "x"}, headers=headers),
            403,
            "role_forbidden",
        )
    assert client.get("/api/review/queue").status_code == 401


def test_queue_shows_context_and_pages_oldest_first(client, vendor, admin):
    _vendor, vendor_headers = vendor
    _admin, headers = admin
    leads = create_leads(client, vendor_headers, 3)
    # A duplicate by phone from another vendor shows up as a match.
    response = client.get("/api/review/queue?limit=2", headers=headers)
    assert response.status_code == 200
    page = response.get_json()
    assert page["pending_total"] == 3
    assert [item["id"] for item in page["data"]] == [leads[0]["id"], leads[1]["id"]]
    first = page["data"][0]
    assert first["vendor"]["pending"] == 3 and first["vendor"]["approval_rate"] is None
    assert first["email"] == leads[0]["email"]  # admins see contact data
    assert first["queue_age_seconds"] >= 0 and first["validation_report"]
    rest = client.get(f"/api/review/queue?limit=2&cursor={page['next_cursor']}", headers=headers)
    assert [item["id"] for item in rest.get_json()["data"]] == [leads[2]["id"]]
    newest = client.get("/api/review/queue?sort=newest&limit=1", headers=headers).get_json()
    assert newest["data"][0]["id"] == leads[2]["id"]


def test_queue_filters_and_bad_filters(client, vendor, admin, as_user):
    _vendor, vendor_headers = vendor
    other_vendor, other_headers = as_user(Role.VENDOR)
    _admin, headers = admin
    create_leads(client, vendor_headers, 2)
    [theirs] = create_leads(client, other_headers, 1, email="sales@role-mailbox.example")
    only_theirs = client.get(f"/api/review/queue?vendor_id={other_vendor.id}", headers=headers)
    assert [i["id"] for i in only_theirs.get_json()["data"]] == [theirs["id"]]
    flagged = client.get("/api/review/queue?flag=role_mailbox", headers=headers).get_json()
    assert [i["id"] for i in flagged["data"]] == [theirs["id"]]
    assert "role_mailbox" in flagged["data"][0]["risk_flags"]
    unflagged = client.get("/api/review/queue?flag=none", headers=headers).get_json()
    assert theirs["id"] not in [i["id"] for i in unflagged["data"]]

    inverted = client.get("/api/review/queue?min_score=0.9&max_score=0.2", headers=headers)
    assert field_codes(assert_problem(inverted, 422, "validation_failed")) == {
        "min_score": "range_inverted"
    }
    for query in ("flag=made_up", "sort=price", "limit=101", "min_score=2", "cursor=bogus"):
        response = client.get(f"/api/review/queue?{query}", headers=headers)
        assert_problem(response, 422, "validation_failed")


def test_approve_publishes_once_and_is_idempotent(client, vendor, admin, database):
    vendor_user, vendor_headers = vendor
    admin_user, headers = admin
    [lead] = create_leads(client, vendor_headers)
    response = client.post(f"/api/review/leads/{lead['id']}/approve", json={}, headers=headers)
    assert response.status_code == 200, response.get_json()
    approved = response.get_json()
    assert approved["status"] == "available" and approved["published_at"]
    assert approved["version"] == lead["version"] + 1
    [event] = approved["events"]
    assert (event["from_status"], event["to_status"], event["actor_id"]) == (
        "pending_review",
        "available",
        admin_user.id,
    )
    assert event["actor_name"] == admin_user.name  # admins see who decided, not an id
    again = client.post(f"/api/review/leads/{lead['id']}/approve", json={}, headers=headers)
    assert again.status_code == 200 and len(again.get_json()["events"]) == 1
    reject = client.post(
        f"/api/review/leads/{lead['id']}/reject", json={"reason": "duplicate"}, headers=headers
    )
    assert_problem(reject, 409, "lead_already_decided")
    with database.session() as session:
        notes = session.scalars(
            select(Notification).where(Notification.user_id == vendor_user.id)
        ).all()
    assert [(n.type, n.title) for n in notes] == [("lead_approved", "1 lead approved")]


def test_rejection_needs_a_reason_and_reaches_the_vendor(client, vendor, admin):
    _vendor, vendor_headers = vendor
    _admin, headers = admin
    [lead] = create_leads(client, vendor_headers)
    url = f"/api/review/leads/{lead['id']}/reject"
    assert field_codes(
        assert_problem(client.post(url, json={}, headers=headers), 422, "validation_failed")
    ) == {"reason": "missing"}
    other = client.post(url, json={"reason": "other"}, headers=headers)
    assert field_codes(assert_problem(other, 422, "validation_failed")) == {"note": "required"}
    bogus = client.post(url, json={"reason": "because"}, headers=headers)
    assert "reason" in field_codes(assert_problem(bogus, 422, "validation_failed"))

    rejected = client.post(
        url, json={"reason": "incomplete", "note": "Add the company website."}, headers=headers
    )
    assert rejected.status_code == 200 and rejected.get_json()["status"] == "rejected"

    mine = client.get(f"/api/leads/mine/{lead['id']}", headers=vendor_headers).get_json()
    assert (mine["rejection_reason"], mine["rejection_note"]) == (
        "incomplete",
        "Add the company website.",
    )
    # The vendor fixes it and resubmits: through the pipeline and back into the queue.
    fixed = client.patch(
        f"/api/leads/{lead['id']}", json={"job_title": "CTO"}, headers=vendor_headers
    )
    assert fixed.status_code == 200, fixed.get_json()
    body = fixed.get_json()
    assert body["status"] == "pending_review" and body["rejection_reason"] is None
    assert [(e["from_status"], e["to_status"]) for e in body["events"]] == [
        ("pending_review", "rejected"),
        ("rejected", "processing"),
        ("processing", "pending_review"),
    ]
    assert body["events"][0]["reason"] == "incomplete"


def test_the_rejection_notice_says_why_in_words(client, vendor, admin, database):
    vendor_user, vendor_headers = vendor
    _admin, headers = admin
    first, second = create_leads(client, vendor_headers, n=2)
    for lead, body in (
        (first, {"reason": "incomplete"}),
        (second, {"reason": "other", "note": "The phone rings a fax machine."}),
    ):
        response = client.post(f"/api/review/leads/{lead['id']}/reject", json=body, headers=headers)
        assert response.status_code == 200, response.get_json()
    with database.session() as session:
        notices = session.scalars(
            select(Notification)
            .where(Notification.user_id == vendor_user.id, Notification.type == "lead_rejected")
            .order_by(Notification.id)
        ).all()
        assert [n.title for n in notices] == ["1 lead rejected: incomplete lead", "1 lead rejected"]
        assert notices[0].body.startswith("Open your rejected leads")
        assert notices[1].body.startswith("The reviewer wrote: “The phone rings a fax machine.”")


def test_stale_version_is_a_conflict(client, vendor, admin):
    _vendor, vendor_headers = vendor
    _admin, headers = admin
    [lead] = create_leads(client, vendor_headers)
    # The vendor edits the lead after the admin loaded it.
    client.patch(f"/api/leads/{lead['id']}", json={"city": "London"}, headers=vendor_headers)
    response = client.post(
        f"/api/review/leads/{lead['id']}/approve",
        json={"version": lead["version"]},
        headers=headers,
    )
    assert_problem(response, 409, "lead_changed")


def test_bulk_decisions_report_each_lead(client, vendor, admin):
    _vendor, vendor_headers = vendor
    _admin, headers = admin
    a, b, c = create_leads(client, vendor_headers, 3)
    client.post(
        f"/api/review/leads/{c['id']}/reject", json={"reason": "duplicate"}, headers=headers
    )
    response = client.post(
        "/api/review/decisions",
        json={"action": "approve", "lead_ids": [a["id"], b["id"], b["id"], c["id"], 999_999]},
        headers=headers,
    )
    assert response.status_code == 200, response.get_json()
    result = response.get_json()
    outcomes = {r["lead_id"]: r["outcome"] for r in result["results"]}
    assert outcomes == {
        a["id"]: "approved",
        b["id"]: "approved",
        c["id"]: "conflict",
        999_999: "not_found",
    }
    assert (result["approved"], result["conflicts"], result["not_found"]) == (2, 1, 1)
    again = client.post(
        "/api/review/decisions", json={"action": "approve", "lead_ids": [a["id"]]}, headers=headers
    )
    assert again.get_json()["results"][0]["outcome"] == "already_approved"

    no_reason = client.post(
        "/api/review/decisions", json={"action": "reject", "lead_ids": [a["id"]]}, headers=headers
    )
    assert_problem(no_reason, 422, "validation_failed")
    too_many = client.post(
        "/api/review/decisions",
        json={"action": "approve", "lead_ids": list(range(1, 202))},
        headers=headers,
    )
    assert "lead_ids" in field_codes(assert_problem(too_many, 422, "validation_failed"))


def test_concurrent_decisions_on_one_lead_make_one_decision(client, vendor, admin, database, make):
    _vendor, vendor_headers = vendor
    first_admin, _ = admin
    second_admin = make.user(Role.ADMIN)
    [lead] = create_leads(client, vendor_headers)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(admin_user, action, reason=None) -> None:
        with database.session() as session:
            start.wait()
            try:
                _, outcome = review.decide_one(
                    session=session,
                    admin=admin_user,
                    lead_id=lead["id"],
                    action=action,
                    reason=reason,
                )
                outcomes.append(outcome.outcome)
            except Conflict as exc:
                outcomes.append(exc.code)

    threads = [
        threading.Thread(target=decide, args=(first_admin, review.Action.APPROVE)),
        threading.Thread(
            target=decide,
            args=(second_admin, review.Action.REJECT, review.RejectionReason.DUPLICATE),
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) in (
        ["approved", "lead_already_decided"],
        ["lead_already_decided", "rejected"],
    )
    with database.session() as session:
        events = session.scalar(
            select(func.count()).select_from(LeadEvent).where(LeadEvent.lead_id == lead["id"])
        )
    assert events == 1


def test_rules_auto_approve_new_leads_and_record_the_rule(client, vendor, admin, make):
    vendor_user, vendor_headers = vendor
    _admin, headers = admin
    [waiting] = create_leads(client, vendor_headers)
    rule = client.post(
        "/api/review/rules",
        json={"name": "Trusted vendors", "min_score": 0.1, "trusted_vendors_only": True},
        headers=headers,
    )
    assert rule.status_code == 201, rule.get_json()
    rule_id = rule.get_json()["id"]
    [untrusted] = create_leads(client, vendor_headers)
    assert untrusted["status"] == "pending_review"

    trust = client.patch(
        f"/api/admin/users/{vendor_user.id}", json={"is_trusted_vendor": True}, headers=headers
    )
    assert trust.status_code == 200 and trust.get_json()["is_trusted_vendor"] is True
    [trusted] = create_leads(client, vendor_headers)
    assert trusted["status"] == "available"
    [event] = client.get(f"/api/leads/mine/{trusted['id']}", headers=vendor_headers).get_json()[
        "events"
    ]
    assert (event["rule_id"], event["actor_id"], event["to_status"]) == (rule_id, None, "available")

    applied = client.post("/api/review/rules/apply", headers=headers)
    assert applied.get_json() == {"approved": 2}  # the two leads that waited
    queue = client.get("/api/review/queue", headers=headers).get_json()
    assert waiting["id"] not in [i["id"] for i in queue["data"]]

    paused = client.patch(
        f"/api/review/rules/{rule_id}", json={"is_active": False}, headers=headers
    )
    assert paused.get_json()["is_active"] is False
    [after_pause] = create_leads(client, vendor_headers)
    assert after_pause["status"] == "pending_review"
    assert client.delete(f"/api/review/rules/{rule_id}", headers=headers).status_code == 204
    assert_problem(
        client.delete(f"/api/review/rules/{rule_id}", headers=headers), 404, "rule_not_found"
    )
    bad = client.post("/api/review/rules", json={"name": "", "min_score": 1.5}, headers=headers)
    assert set(field_codes(assert_problem(bad, 422, "validation_failed"))) == {"name", "min_score"}


def test_vendor_withdraws_a_published_lead(client, vendor, admin, as_user):
    _vendor, vendor_headers = vendor
    _other, other_headers = as_user(Role.VENDOR)
    _admin, headers = admin
    [lead] = create_leads(client, vendor_headers)
    url = f"/api/leads/{lead['id']}/withdraw"
    assert_problem(client.post(url, headers=vendor_headers), 409, "invalid_transition")
    client.post(f"/api/review/leads/{lead['id']}/approve", json={}, headers=headers)
    assert_problem(client.post(url, headers=other_headers), 404, "lead_not_found")
    response = client.post(url, headers=vendor_headers)
    assert response.status_code == 200 and response.get_json()["status"] == "withdrawn"
    assert client.post(url, headers=vendor_headers).status_code == 200  # twice is fine


def test_reasons_list(client, admin):
    _admin, headers = admin
    reasons = client.get("/api/review/reasons", headers=headers).get_json()["data"]
    assert {r["code"] for r in reasons} == {
        "invalid_contact",
        "duplicate",
        "incomplete",
        "suspected_fake",
        "compliance",
        "other",
    }
    assert [r["code"] for r in reasons if r["needs_note"]] == ["other"]
