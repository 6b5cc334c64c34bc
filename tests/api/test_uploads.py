"""CSV upload → mapping → background job → counts and error report, through the API."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from sqlalchemy import func, select, update

from leadnexus.app import create_app
from leadnexus.auth.models import Role, User
from leadnexus.leads import routes as lead_routes
from leadnexus.leads.ingest import jobs, uploads
from leadnexus.leads.models import Lead, Suppression, Upload
from leadnexus.notifications.models import Notification
from tests.helpers import assert_problem

HEADER = "First Name,Last Name,E-mail Address,Phone #,Title,Org,Website,Country,Email consent\n"
ROWS = [
    "Ada,Lovelace,ada@analytical.io,+44 20 7946 0958,VP Sales,Analytical Engines Ltd,analytical.io,UK,yes",
    "Alan,Turing,alan.turing@bletchley.co.uk,+44 20 7946 0000,CTO,Bletchley Park,https://www.bletchley.co.uk,GB,yes",
    "Grace,Hopper,grace at navy,,Director of Engineering,US Navy,navy.mil,US,no",  # invalid email, no phone
    "Ada,Lovelace,ada@analytical.io,+44 20 7946 0958,VP Sales,Analytical Engines Ltd,analytical.io,UK,yes",  # dup
    "=HYPERLINK(1),Evil,,,,,,,",  # no contact, formula-looking cell
    "Katherine,Johnson,katherine@mailinator.com,+1 415 555 2671,Head of Marketing,NASA,nasa.gov,US,yes",
]


def _csv(rows=ROWS, header=HEADER) -> bytes:
    return (header + "\n".join(rows) + "\n").encode()


def _upload(client, headers, content: bytes, name="leads.csv"):
    return client.post(
        "/api/leads/upload",
        data={"file": (io.BytesIO(content), name)},
        headers=headers,
        content_type="multipart/form-data",
    )


def _confirm(client, headers, upload_id, mapping, **defaults):
    body = {
        "mapping": mapping,
        "defaults": {"price": {"mode": "fixed", "amount": "30.00"}, **defaults},
    }
    return client.post(f"/api/leads/uploads/{upload_id}/confirm", json=body, headers=headers)


def _suggested(created) -> dict:
    return {s["column"]: s["field"] for s in created["suggested_mapping"]}


@pytest.fixture
def vendor(as_user):
    return as_user(Role.VENDOR)


def test_upload_suggests_a_mapping_and_processes_the_file(client, vendor):
    _user, headers = vendor
    response = _upload(client, headers, _csv())
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["columns"][2] == "E-mail Address"
    assert len(created["sample_rows"]) == len(ROWS)
    mapping = _suggested(created)
    assert mapping["E-mail Address"] == "email"
    assert mapping["Phone #"] == "phone"
    assert mapping["Org"] == "company_name"
    assert mapping["Title"] == "job_title"
    assert mapping["Email consent"] != "email"

    confirmed = _confirm(client, headers, created["upload"]["id"], mapping, default_country="GB")
    assert confirmed.status_code == 202, confirmed.get_json()

    upload = client.get(f"/api/leads/uploads/{created['upload']['id']}", headers=headers).get_json()
    assert upload["status"] == "completed"
    assert upload["rows_total"] == upload["rows_done"] == len(ROWS)
    accepted = upload["accepted"] + upload["accepted_with_warnings"]
    assert accepted + upload["rejected"] == len(ROWS)
    assert upload["rejected"] == 3 and upload["duplicates"] == 1
    assert upload["rejected_by_reason"]["duplicate_in_file"] == 1
    assert upload["error_report_url"].endswith("/errors.csv")

    report = client.get(upload["error_report_url"], headers=headers)
    assert report.status_code == 200 and report.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(report.get_data(as_text=True))))
    report.close()  # a streamed response holds its request (and transaction) until closed
    assert rows[0][-2:] == ["row_number", "rejection_reasons"]
    assert [r[-2] for r in rows[1:]] == ["3", "4", "5"]
    # Formula-looking cells are neutralised for spreadsheets.
    assert rows[3][0] == "'=HYPERLINK(1)"

    leads = client.get("/api/leads/mine", headers=headers).get_json()["data"]
    assert len(leads) == accepted
    ada = next(lead for lead in leads if lead["email"] == "ada@analytical.io")
    assert ada["phone"] == "+442079460958" and ada["country"] == "GB"
    assert ada["status"] == "pending_review" and ada["price"] == "30.00"
    assert [s["stage"] for s in ada["validation_report"]][:2] == ["required", "normalisation"]
    assert {"duplicates", "suppression"} <= {s["stage"] for s in ada["validation_report"]}
    deliverability = next(s for s in ada["validation_report"] if s["stage"] == "deliverability")
    assert deliverability["status"] == "not_checked"
    assert 0 < ada["lead_score"] <= 1 and ada["score_breakdown"]
    katherine = next(lead for lead in leads if lead["email"] == "katherine@mailinator.com")
    assert "disposable_email" in katherine["risk_flags"]
    assert katherine["validation_status"] == "warning"


def test_confirmed_mapping_is_offered_next_time(client, vendor):
    _user, headers = vendor
    first = _upload(client, headers, _csv()).get_json()
    mapping = {**_suggested(first), "Website": None}
    _confirm(client, headers, first["upload"]["id"], mapping)
    again = _upload(client, headers, _csv(rows=ROWS[:1])).get_json()
    assert again["remembered_mapping"]["E-mail Address"] == "email"
    assert "Website" not in again["remembered_mapping"]


def test_duplicates_of_own_leads_are_rejected_and_other_vendors_flagged(client, vendor, as_user):
    _user, headers = vendor
    first = _upload(client, headers, _csv(rows=ROWS[:1])).get_json()
    _confirm(client, headers, first["upload"]["id"], _suggested(first))
    again = _upload(client, headers, _csv(rows=ROWS[:1])).get_json()
    _confirm(client, headers, again["upload"]["id"], _suggested(again))
    status = client.get(f"/api/leads/uploads/{again['upload']['id']}", headers=headers).get_json()
    assert status["rejected_by_reason"] == {"duplicate_of_own_lead": 1}

    _other, other_headers = as_user(Role.VENDOR)
    theirs = _upload(client, other_headers, _csv(rows=ROWS[:1])).get_json()
    _confirm(client, other_headers, theirs["upload"]["id"], _suggested(theirs))
    [lead] = client.get("/api/leads/mine", headers=other_headers).get_json()["data"]
    duplicates = next(s for s in lead["validation_report"] if s["stage"] == "duplicates")
    assert duplicates["status"] == "warn"
    assert duplicates["reasons"][0]["code"] == "duplicate_in_marketplace"


def test_suppressed_contacts_are_rejected(client, vendor, session):
    _user, headers = vendor
    session.add(Suppression(kind="domain", value="bletchley.co.uk", reason="asked to be removed"))
    session.commit()
    created = _upload(client, headers, _csv(rows=ROWS[:2])).get_json()
    _confirm(client, headers, created["upload"]["id"], _suggested(created))
    status = client.get(f"/api/leads/uploads/{created['upload']['id']}", headers=headers).get_json()
    assert status["rejected_by_reason"] == {"suppressed_domain": 1}


def test_killed_job_resumes_without_duplicating_leads(
    client, vendor, database, settings, monkeypatch
):
    _user, headers = vendor
    rows = [
        f"P{i},Q{i},p{i}@firm{i}.com,,Sales Manager,Firm {i} Inc,firm{i}.com,US," for i in range(45)
    ]
    created = _upload(client, headers, _csv(rows=rows)).get_json()
    upload_id = created["upload"]["id"]
    monkeypatch.setattr(jobs, "BATCH_SIZE", 10)
    real_store = jobs._store_batch
    calls = {"n": 0}

    def dying_store(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("worker killed")  # not an Exception: nothing marks it failed
        real_store(*args, **kwargs)

    monkeypatch.setattr(jobs, "_store_batch", dying_store)
    monkeypatch.setattr(lead_routes, "process_upload_task", lambda upload_id: None)  # queued only
    assert _confirm(client, headers, upload_id, _suggested(created)).status_code == 202
    with pytest.raises(KeyboardInterrupt):
        jobs.process_upload(database, upload_id, settings.upload_dir)
    with database.session() as s:
        upload = s.get(Upload, upload_id)
        assert (upload.status, upload.rows_done) == ("processing", 20)
        # A second job while the lease is live does nothing.
        assert jobs.process_upload(database, upload_id, settings.upload_dir) is False
        s.execute(update(Upload).where(Upload.id == upload_id).values(lease_until=None))

    monkeypatch.setattr(jobs, "_store_batch", real_store)
    assert jobs.stalled_upload_ids(database) == [upload_id]
    assert jobs.process_upload(database, upload_id, settings.upload_dir) is True
    with database.session() as s:
        upload = s.get(Upload, upload_id)
        count = s.scalar(select(func.count()).select_from(Lead).where(Lead.upload_id == upload_id))
        assert upload.status == "completed"
        assert upload.rows_done == 45 and count == upload.accepted + upload.accepted_with_warnings
        assert count + upload.rejected == 45


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        (b"\x00\x01\x02\x03PK\x03\x04" * 100, "binary_file"),
        (b"email,phone,name\n", "header_only"),
    ],
)
def test_unreadable_files_get_specific_errors(client, vendor, content, code):
    _user, headers = vendor
    assert_problem(_upload(client, headers, content), 422, code)


def test_missing_file_and_wrong_content_type(client, vendor):
    _user, headers = vendor
    response = client.post(
        "/api/leads/upload", data={}, headers=headers, content_type="multipart/form-data"
    )
    assert_problem(response, 422, "validation_failed")
    assert_problem(
        client.post("/api/leads/upload", json={}, headers=headers), 415, "unsupported_media_type"
    )


def test_oversized_upload_is_413(settings, make):
    app = create_app(dataclasses.replace(settings, max_upload_bytes=1000))
    client = app.test_client()
    vendor = make.user(Role.VENDOR)
    token = client.post(
        "/api/auth/login", json={"email": vendor.email, "password": "correct horse battery staple"}
    )
    headers = {"Authorization": f"Bearer {token.get_json()['access_token']}"}
    # Declared too large: refused from the Content-Length, before the body is read.
    assert_problem(_upload(client, headers, _csv(rows=ROWS * 200)), 413, "payload_too_large")
    # Within the envelope allowance but over the file limit: stopped while streaming to disk.
    assert_problem(_upload(client, headers, _csv(rows=ROWS * 20)), 413, "payload_too_large")
    assert list(app.extensions["leadnexus.settings"].upload_dir.glob("*")) == []


def test_bad_mappings_are_rejected_with_the_field(client, vendor):
    _user, headers = vendor
    created = _upload(client, headers, _csv()).get_json()
    upload_id = created["upload"]["id"]
    cases = [
        ({"Nope": "email"}, "mapping.Nope", "unknown_column"),
        ({"Org": "favourite_colour"}, "mapping.Org", "unknown_field"),
        (
            {"E-mail Address": "email", "Email consent": "email"},
            "mapping.Email consent",
            "field_mapped_twice",
        ),
        ({"Org": "company_name"}, "mapping", "no_contact_column"),
    ]
    for mapping, field, code in cases:
        body = assert_problem(
            _confirm(client, headers, upload_id, mapping), 422, "validation_failed"
        )
        assert {"field": field, "code": code} in [
            {k: e[k] for k in ("field", "code")} for e in body["errors"]
        ]
    bad_price = client.post(
        f"/api/leads/uploads/{upload_id}/confirm",
        json={
            "mapping": _suggested(created),
            "defaults": {"price": {"mode": "score", "min": "50", "max": "10"}},
        },
        headers=headers,
    )
    assert_problem(bad_price, 422, "validation_failed")
    assert _confirm(client, headers, upload_id, _suggested(created)).status_code == 202
    assert_problem(
        _confirm(client, headers, upload_id, _suggested(created)), 409, "upload_already_confirmed"
    )


def test_uploads_are_private_to_their_vendor(client, vendor, as_user):
    _user, headers = vendor
    created = _upload(client, headers, _csv()).get_json()
    upload_id = created["upload"]["id"]
    _other, other_headers = as_user(Role.VENDOR)
    assert_problem(
        client.get(f"/api/leads/uploads/{upload_id}", headers=other_headers),
        404,
        "upload_not_found",
    )
    assert_problem(
        _confirm(client, other_headers, upload_id, _suggested(created)), 404, "upload_not_found"
    )
    assert client.get("/api/leads/uploads", headers=other_headers).get_json()["data"] == []
    _client_user, client_headers = as_user(Role.CLIENT)
    assert_problem(_upload(client, client_headers, _csv()), 403, "role_forbidden")


def test_finished_upload_is_auto_reviewed_and_announced(client, vendor, as_user, database):
    vendor_user, headers = vendor
    _admin, admin_headers = as_user(Role.ADMIN)
    rule = {"name": "No risk flags", "min_score": 0.0, "require_no_risk_flags": True}
    assert client.post("/api/review/rules", json=rule, headers=admin_headers).status_code == 201
    created = _upload(client, headers, _csv()).get_json()
    upload_id = created["upload"]["id"]
    assert _confirm(client, headers, upload_id, _suggested(created)).status_code == 202

    with database.session() as session:
        leads = session.execute(
            select(Lead.email, Lead.status, Lead.risk_flags).where(Lead.upload_id == upload_id)
        ).all()
        [note] = session.scalars(
            select(Notification).where(Notification.user_id == vendor_user.id)
        ).all()
    by_email = {email: (status, flags) for email, status, flags in leads}
    # Clean leads are published by the rule; a flagged one (disposable email) waits for review.
    assert by_email["alan.turing@bletchley.co.uk"][0] == "available"
    status, flags = by_email["katherine@mailinator.com"]
    assert status == "pending_review" and "disposable_email" in flags
    auto = sum(1 for status, _flags in by_email.values() if status == "available")
    assert note.type == "upload_finished" and note.link == f"/vendor/uploads/{upload_id}"
    assert note.title == f"leads.csv: {len(leads)} leads accepted, 3 rejected"
    assert note.data["auto_approved"] == auto and f"{auto} were approved automatically" in note.body


def _stored_file(database, settings, upload_id):
    with database.session() as s:
        return settings.upload_dir / s.get(Upload, upload_id).stored_name


def test_unconfirmed_upload_reopens_with_the_same_mapping_screen(client, vendor):
    _user, headers = vendor
    first = _upload(client, headers, _csv()).get_json()
    _confirm(client, headers, first["upload"]["id"], {**_suggested(first), "Website": None})
    created = _upload(client, headers, _csv()).get_json()
    assert created["remembered_mapping"]  # so the comparison covers the remembered mapping too

    response = client.get(f"/api/leads/uploads/{created['upload']['id']}/mapping", headers=headers)

    assert response.status_code == 200, response.get_json()
    reopened = response.get_json()
    assert reopened == created
    assert reopened["columns"][2] == "E-mail Address"
    assert _suggested(reopened)["E-mail Address"] == "email"
    assert len(reopened["sample_rows"]) == len(ROWS)
    # Reopening changes nothing: the upload can still be confirmed as usual.
    assert (
        _confirm(client, headers, created["upload"]["id"], _suggested(reopened)).status_code == 202
    )


def test_reopen_and_discard_are_for_the_owning_vendor_only(client, vendor, as_user):
    _user, headers = vendor
    upload_id = _upload(client, headers, _csv()).get_json()["upload"]["id"]
    mapping_url, upload_url = (
        f"/api/leads/uploads/{upload_id}/mapping",
        f"/api/leads/uploads/{upload_id}",
    )
    _other, other_headers = as_user(Role.VENDOR)
    assert_problem(client.get(mapping_url, headers=other_headers), 404, "upload_not_found")
    assert_problem(client.delete(upload_url, headers=other_headers), 404, "upload_not_found")
    for role in (Role.CLIENT, Role.ADMIN):
        _someone, role_headers = as_user(role)
        assert_problem(client.get(mapping_url, headers=role_headers), 403, "role_forbidden")
        assert_problem(client.delete(upload_url, headers=role_headers), 403, "role_forbidden")
    assert_problem(client.get(mapping_url), 401, "missing_token")
    # None of that touched the upload.
    assert client.get(upload_url, headers=headers).get_json()["status"] == "uploaded"
    assert client.get(mapping_url, headers=headers).status_code == 200


def test_confirmed_upload_cannot_be_reopened_or_discarded(client, vendor, database, settings):
    _user, headers = vendor
    created = _upload(client, headers, _csv()).get_json()
    upload_id = created["upload"]["id"]
    assert _confirm(client, headers, upload_id, _suggested(created)).status_code == 202

    assert_problem(
        client.get(f"/api/leads/uploads/{upload_id}/mapping", headers=headers),
        409,
        "upload_already_confirmed",
    )
    assert_problem(
        client.delete(f"/api/leads/uploads/{upload_id}", headers=headers),
        409,
        "upload_already_confirmed",
    )
    assert client.get(f"/api/leads/uploads/{upload_id}", headers=headers).get_json()["status"] == (
        "completed"
    )
    assert _stored_file(database, settings, upload_id).exists()


def test_discard_deletes_the_upload_and_its_file(client, vendor, database, settings):
    _user, headers = vendor
    kept = _upload(client, headers, _csv()).get_json()["upload"]["id"]
    upload_id = _upload(client, headers, _csv()).get_json()["upload"]["id"]
    stored = _stored_file(database, settings, upload_id)
    assert stored.exists()

    response = client.delete(f"/api/leads/uploads/{upload_id}", headers=headers)

    assert response.status_code == 204 and response.get_data() == b""
    assert not stored.exists()
    assert_problem(
        client.get(f"/api/leads/uploads/{upload_id}", headers=headers), 404, "upload_not_found"
    )
    assert_problem(
        client.get(f"/api/leads/uploads/{upload_id}/mapping", headers=headers),
        404,
        "upload_not_found",
    )
    listed = client.get("/api/leads/uploads", headers=headers).get_json()["data"]
    assert [u["id"] for u in listed] == [kept]
    assert _stored_file(database, settings, kept).exists()
    assert_problem(
        client.delete(f"/api/leads/uploads/{upload_id}", headers=headers), 404, "upload_not_found"
    )
    assert_problem(
        _confirm(client, headers, upload_id, {"E-mail Address": "email"}), 404, ("upload_not_found")
    )


def test_a_rolled_back_discard_keeps_the_file(client, vendor, database, settings):
    vendor_user, headers = vendor
    upload_id = _upload(client, headers, _csv()).get_json()["upload"]["id"]
    stored = _stored_file(database, settings, upload_id)

    with database.session_factory() as s:
        uploads.discard_upload(
            session=s,
            vendor=s.get(User, vendor_user.id),
            upload_id=upload_id,
            upload_dir=settings.upload_dir,
        )
        s.rollback()  # the request failed after the service ran

    assert stored.exists()
    assert client.get(f"/api/leads/uploads/{upload_id}", headers=headers).status_code == 200


def test_reopening_an_upload_whose_file_is_gone_is_410_and_it_can_be_discarded(
    client, vendor, database, settings
):
    _user, headers = vendor
    upload_id = _upload(client, headers, _csv()).get_json()["upload"]["id"]
    _stored_file(database, settings, upload_id).unlink()

    assert_problem(
        client.get(f"/api/leads/uploads/{upload_id}/mapping", headers=headers),
        410,
        "upload_file_missing",
    )
    assert client.delete(f"/api/leads/uploads/{upload_id}", headers=headers).status_code == 204
    assert client.get("/api/leads/uploads", headers=headers).get_json()["data"] == []


@pytest.mark.parametrize(
    ("accepted", "auto", "expected"),
    [
        (7, 6, "6 were approved automatically; 1 waits for review."),
        (1, 1, "1 was approved automatically."),
        (3, 0, "3 wait for review."),
        (0, 0, "No row became a lead."),
    ],
)
def test_upload_summary_reads_as_a_sentence(accepted, auto, expected):
    # The vendor's notification used to say "0 were approved automatically; 1 wait for review."
    from leadnexus.leads.tasks import _count, _review_summary

    assert _review_summary(accepted, auto) == expected
    assert _count(1, "lead", "leads") == "1 lead" and _count(1800, "lead", "leads") == "1,800 leads"
