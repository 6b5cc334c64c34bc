"""What a hostile or careless vendor tries against the vendor lead API, and what they get back."""

from __future__ import annotations

import base64
import csv
import dataclasses
import io

import pytest
from sqlalchemy import update

from leadnexus.app import create_app
from leadnexus.auth.models import Role
from leadnexus.leads.ingest import uploads
from leadnexus.leads.models import Lead
from leadnexus.notifications.models import Notification
from tests.api.test_uploads import _confirm, _csv, _suggested, _upload
from tests.api.test_vendor_leads import GOOD
from tests.conftest import bearer, login
from tests.helpers import assert_problem, field_codes

BEYOND_BIGINT = 2**63  # one past the largest id a row can have


@pytest.fixture
def vendor(as_user):
    return as_user(Role.VENDOR)


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("role", "method", "path", "code"),
    [
        (Role.VENDOR, "get", "/api/leads/uploads/{id}", "upload_not_found"),
        (Role.VENDOR, "get", "/api/leads/uploads/{id}/mapping", "upload_not_found"),
        (Role.VENDOR, "get", "/api/leads/uploads/{id}/errors.csv", "upload_not_found"),
        (Role.VENDOR, "delete", "/api/leads/uploads/{id}", "upload_not_found"),
        (Role.VENDOR, "post", "/api/leads/uploads/{id}/confirm", "upload_not_found"),
        (Role.VENDOR, "get", "/api/leads/mine/{id}", "lead_not_found"),
        (Role.VENDOR, "post", "/api/leads/{id}/withdraw", "lead_not_found"),
        (Role.VENDOR, "patch", "/api/leads/{id}", "lead_not_found"),
        (Role.CLIENT, "get", "/api/leads/{id}", "lead_not_found"),
        (Role.CLIENT, "patch", "/api/saved-searches/{id}", "saved_search_not_found"),
        (Role.CLIENT, "post", "/api/workflows/notifications/{id}/read", "notification_not_found"),
        (Role.ADMIN, "patch", "/api/admin/users/{id}", "user_not_found"),
        (Role.ADMIN, "delete", "/api/admin/suppressions/{id}", "suppression_not_found"),
        (Role.ADMIN, "get", "/api/review/leads/{id}", "lead_not_found"),
        (Role.ADMIN, "post", "/api/review/leads/{id}/approve", "lead_not_found"),
        (Role.ADMIN, "patch", "/api/review/rules/{id}", "rule_not_found"),
    ],
)
def test_an_id_no_row_can_have_is_not_found_not_a_server_error(
    client, as_user, role, method, path, code
):
    """Ids past 64 bits reach no query (the drivers refuse to bind them): every route with an
    id in its path answers its own "not found"."""
    _user, headers = as_user(role)
    body = {"mapping": {"email": "email"}} if path.endswith("/confirm") else {}
    for number in (BEYOND_BIGINT, 10**30, 0):
        response = getattr(client, method)(path.format(id=number), headers=headers, json=body)
        assert_problem(response, 404, code)


def test_an_upload_filter_no_row_can_match_is_a_field_error(client, vendor):
    _user, headers = vendor
    for value in (BEYOND_BIGINT, 0):
        body = assert_problem(
            client.get(f"/api/leads/mine?upload_id={value}", headers=headers),
            422,
            "validation_failed",
        )
        assert "upload_id" in field_codes(body)


@pytest.mark.parametrize(
    "cursor",
    [_cursor(f"k:{BEYOND_BIGINT}"), _cursor("k:" + "9" * 80), _cursor("k:0"), _cursor("k:-5")],
)
@pytest.mark.parametrize("path", ["/api/leads/uploads", "/api/leads/mine"])
def test_a_tampered_cursor_is_refused_by_name(client, vendor, path, cursor):
    _user, headers = vendor
    body = assert_problem(
        client.get(path, query_string={"cursor": cursor}, headers=headers),
        422,
        "validation_failed",
    )
    assert field_codes(body) == {"cursor": "invalid_cursor"}


def test_issued_cursors_still_page_through_everything(client, vendor):
    _user, headers = vendor
    ids = [_upload(client, headers, _csv()).get_json()["upload"]["id"] for _ in range(3)]
    seen, cursor = [], None
    while True:
        query = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/leads/uploads", query_string=query, headers=headers).get_json()
        seen += [u["id"] for u in page["data"]]
        if not page["has_more"]:
            break
        cursor = page["next_cursor"]
    assert seen == sorted(ids, reverse=True)


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("bad\x00name.csv", "badname.csv"),  # NUL: PostgreSQL refuses it in text (was a 500)
        ("leads\x07\x1b.csv", "leads.csv"),
        ("invoice\u202evsc.exe", "invoicevsc.exe"),  # no right-to-left override in the name
        ("../../etc/passwd", "passwd"),
        ("..", "upload.csv"),
        (" \x00 ", "upload.csv"),
        ("café été.csv", "café été.csv"),
    ],
)
def test_the_filename_is_kept_as_a_plain_name(client, vendor, sent, kept):
    _user, headers = vendor
    response = _upload(client, headers, _csv(), name=sent)
    assert response.status_code == 201, response.get_json()
    upload_id = response.get_json()["upload"]["id"]
    assert response.get_json()["upload"]["filename"] == kept
    listed = client.get("/api/leads/uploads", headers=headers).get_json()["data"]
    assert [u["filename"] for u in listed if u["id"] == upload_id] == [kept]


def test_a_file_name_that_is_not_utf8_is_named_as_the_problem(client, vendor):
    """Werkzeug drops a form it cannot decode; the vendor was told to attach the file."""
    _user, headers = vendor
    body = (
        b"--XX\r\n"
        b'Content-Disposition: form-data; name="file"; filename="caf\xe9.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\n" + _csv() + b"\r\n--XX--\r\n"
    )
    response = client.post(
        "/api/leads/upload",
        data=body,
        headers=headers,
        content_type="multipart/form-data; boundary=XX",
    )
    assert_problem(response, 400, "malformed_form")
    assert "not UTF-8" in response.get_json()["detail"]


def test_a_multipart_body_without_a_boundary_is_malformed_not_missing(client, vendor):
    _user, headers = vendor
    response = client.post(
        "/api/leads/upload", data=b"file=x", headers=headers, content_type="multipart/form-data"
    )
    assert (
        "not a complete multipart form" in assert_problem(response, 400, "malformed_form")["detail"]
    )


def test_a_windows_path_keeps_only_its_last_segment():
    # Not through the test client: its multipart encoder does not escape backslashes.
    assert uploads.display_name("C:\\Users\\ada\\leads.csv") == "leads.csv"
    assert uploads.display_name("line\r\nbreak.csv") == "linebreak.csv"


def test_a_500_character_filename_is_shortened_keeping_its_extension(client, vendor):
    _user, headers = vendor
    response = _upload(client, headers, _csv(), name="a" * 500 + ".csv")
    assert response.status_code == 201, response.get_json()
    name = response.get_json()["upload"]["filename"]
    assert len(name) == 255 and name.endswith("a.csv")


def _confirm_with(client, headers, upload_id, **defaults):
    body = {
        "mapping": {"E-mail Address": "email", "Phone #": "phone"},
        "defaults": {"price": {"mode": "fixed", "amount": "30.00"}, **defaults},
    }
    return client.post(f"/api/leads/uploads/{upload_id}/confirm", json=body, headers=headers)


@pytest.mark.parametrize(
    ("defaults", "field"),
    [
        ({"default_country": "XX"}, "defaults.default_country"),
        ({"default_country": "EU"}, "defaults.default_country"),
        ({"currency": "ZZZ"}, "defaults.currency"),
        ({"currency": "usd"}, "defaults.currency"),
        ({"price": {"mode": "fixed", "amount": "-5"}}, "defaults.price.amount"),
        ({"price": {"mode": "fixed", "amount": "100000.01"}}, "defaults.price.amount"),
        ({"price": {"mode": "fixed", "amount": "NaN"}}, "defaults.price.amount"),
        ({"price": {"mode": "fixed", "amount": "1.001"}}, "defaults.price.amount"),
        ({"price": {"mode": "fixed"}}, "defaults.price"),
        ({"price": {"mode": "score", "min": "-1", "max": "5"}}, "defaults.price.min"),
        ({"price": {"mode": "score", "min": "5"}}, "defaults.price"),
        ({"price": {"mode": "auction", "amount": "5"}}, "defaults.price.mode"),
        ({"max_sales": 0}, "defaults.max_sales"),
        ({"max_sales": 10**30}, "defaults.max_sales"),
        ({"industry": "x" * 65}, "defaults.industry"),
        ({"surprise": 1}, "defaults.surprise"),
    ],
)
def test_bad_defaults_are_refused_by_field_and_the_upload_stays_open(
    client, vendor, defaults, field
):
    _user, headers = vendor
    upload_id = _upload(client, headers, _csv()).get_json()["upload"]["id"]
    body = assert_problem(
        _confirm_with(client, headers, upload_id, **defaults), 422, "validation_failed"
    )
    assert field in field_codes(body), body
    upload = client.get(f"/api/leads/uploads/{upload_id}", headers=headers).get_json()
    assert upload["status"] == "uploaded"
    assert _confirm_with(client, headers, upload_id).status_code == 202


def test_a_known_default_country_is_stored_as_its_iso_code(client, vendor):
    _user, headers = vendor
    upload_id = _upload(client, headers, _csv()).get_json()["upload"]["id"]
    response = _confirm_with(client, headers, upload_id, default_country="uk", currency="EUR")
    assert response.status_code == 202, response.get_json()
    assert response.get_json()["defaults"]["default_country"] == "GB"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"default_country": "XX"}, "default_country"),
        ({"currency": "ABC"}, "currency"),
        ({"price": "Infinity"}, "price"),
        ({"max_sales": 101}, "max_sales"),
    ],
)
def test_a_single_lead_with_bad_terms_is_refused_by_field(client, vendor, change, field):
    _user, headers = vendor
    body = assert_problem(
        client.post("/api/leads", json={**GOOD, **change}, headers=headers),
        422,
        "validation_failed",
    )
    assert field in field_codes(body), body
    assert client.get("/api/leads/mine", headers=headers).get_json()["data"] == []


def _lead(client, headers, **fields):
    response = client.post("/api/leads", json={**GOOD, **fields}, headers=headers)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _stored(client, headers, lead_id):
    return client.get(f"/api/leads/mine/{lead_id}", headers=headers).get_json()


KEPT = ("email", "phone", "country", "consent_date", "status", "version", "website")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"email": "not an email"}, "email"),  # the phone alone would have carried the lead
        ({"phone": "12"}, "phone"),
        ({"country": "Narnia"}, "country"),
        ({"consent_date": "banana"}, "consent_date"),
        ({"website": "not a site"}, "website"),
    ],
)
def test_an_edit_never_replaces_a_good_value_with_nothing(client, vendor, change, field):
    _user, headers = vendor
    lead = _lead(client, headers, consent_date="2024-03-01")
    before = _stored(client, headers, lead["id"])
    response = client.patch(f"/api/leads/{lead['id']}", json=change, headers=headers)
    body = assert_problem(response, 422, "lead_value_invalid")
    assert field in field_codes(body), body
    after = _stored(client, headers, lead["id"])
    assert {k: after[k] for k in KEPT} == {k: before[k] for k in KEPT}
    assert after["events"] == before["events"]


def test_a_new_lead_with_a_value_that_cannot_be_kept_is_refused(client, vendor):
    _user, headers = vendor
    response = client.post("/api/leads", json={**GOOD, "email": "marie at radium"}, headers=headers)
    assert field_codes(assert_problem(response, 422, "lead_value_invalid")) == {
        "email": "invalid_email"
    }
    assert client.get("/api/leads/mine", headers=headers).get_json()["data"] == []


def test_an_edit_that_leaves_no_contact_is_refused_and_changes_nothing(client, vendor):
    _user, headers = vendor
    lead = _lead(client, headers)
    response = client.patch(
        f"/api/leads/{lead['id']}", json={"email": None, "phone": ""}, headers=headers
    )
    assert "missing_contact" in field_codes(assert_problem(response, 422, "lead_rejected")).values()
    after = _stored(client, headers, lead["id"])
    assert (after["email"], after["phone"]) == (lead["email"], lead["phone"])


def test_an_unknown_status_filter_is_refused_by_name(client, vendor):
    _user, headers = vendor
    lead = _lead(client, headers)
    body = assert_problem(
        client.get("/api/leads/mine?status=bogus", headers=headers), 422, "validation_failed"
    )
    assert "status" in field_codes(body)
    listed = client.get("/api/leads/mine?status=pending_review", headers=headers).get_json()
    assert [item["id"] for item in listed["data"]] == [lead["id"]]
    assert client.get("/api/leads/mine?status=sold", headers=headers).get_json()["data"] == []


def _multipart(content: bytes) -> tuple[bytes, str]:
    boundary = "----abuse"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="l.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def test_a_chunked_upload_without_content_length_is_stopped_at_the_limit(settings, make):
    app = create_app(dataclasses.replace(settings, max_upload_bytes=1000))
    client = app.test_client()
    vendor = make.user(Role.VENDOR)
    headers = bearer(login(client, vendor.email)["access_token"])

    def chunked(content: bytes):
        body, content_type = _multipart(content)
        return client.post(
            "/api/leads/upload",
            input_stream=io.BytesIO(body),
            headers={**headers, "Content-Type": content_type, "Transfer-Encoding": "chunked"},
            environ_overrides={"wsgi.input_terminated": True},  # as a real server marks it
        )

    body = assert_problem(chunked(_csv() * 30), 413, "payload_too_large")
    assert body["detail"] == "The file is larger than the 1 KB limit."
    assert list(app.extensions["leadnexus.settings"].upload_dir.glob("*")) == []
    assert chunked(_csv()).status_code == 201


@pytest.mark.parametrize("role", [Role.CLIENT, Role.ADMIN])
def test_vendor_only_endpoints_refuse_clients_and_admins(client, vendor, as_user, role):
    _user, headers = vendor
    lead = _lead(client, headers)
    upload_id = _upload(client, headers, _csv()).get_json()["upload"]["id"]
    _someone, other = as_user(role)
    calls = [
        client.get("/api/leads/mine", headers=other),
        client.get(f"/api/leads/mine/{lead['id']}", headers=other),
        client.post("/api/leads", json=GOOD, headers=other),
        client.patch(f"/api/leads/{lead['id']}", json={"city": "Lyon"}, headers=other),
        client.post(f"/api/leads/{lead['id']}/withdraw", headers=other),
        client.get("/api/leads/uploads", headers=other),
        _confirm_with(client, other, upload_id),
        _upload(client, other, _csv()),
    ]
    for response in calls:
        assert_problem(response, 403, "role_forbidden")
    assert _stored(client, headers, lead["id"])["city"] is None


@pytest.mark.parametrize(
    ("status", "sales", "editable"),
    [
        ("pending_review", 0, True),
        ("available", 0, True),
        ("rejected", 0, True),
        ("withdrawn", 0, True),
        ("processing", 0, False),
        ("expired", 0, False),
        ("sold", 1, False),
        ("available", 1, False),  # sold once of several: buyers paid for it as it is
    ],
)
def test_which_leads_can_be_edited(client, vendor, database, status, sales, editable):
    _user, headers = vendor
    lead = _lead(client, headers, max_sales=2)
    with database.session() as s:
        s.execute(
            update(Lead).where(Lead.id == lead["id"]).values(status=status, sales_count=sales)
        )
    response = client.patch(f"/api/leads/{lead['id']}", json={"city": "Lyon"}, headers=headers)
    if editable:
        assert response.status_code == 200, response.get_json()
        assert response.get_json()["status"] == "pending_review"
        assert response.get_json()["city"] == "Lyon"
    else:
        assert_problem(response, 409, "lead_not_editable")
        assert _stored(client, headers, lead["id"])["city"] is None


def test_the_error_report_neutralises_every_formula_prefix(client, vendor, as_user):
    _user, headers = vendor
    header = "=Name,@Email,Phone\n"
    rows = ["=1+1,@SUM(A1),+33 6", "-2+3,\tcmd,", "\r=x,plain,"]
    created = _upload(client, headers, _csv(rows=rows, header=header)).get_json()
    upload_id = created["upload"]["id"]
    assert_problem(
        client.get(f"/api/leads/uploads/{upload_id}/errors.csv", headers=headers),
        409,
        "upload_not_finished",
    )
    response = client.post(
        f"/api/leads/uploads/{upload_id}/confirm",
        json={"mapping": {"@Email": "email", "Phone": "phone", "=Name": "first_name"}},
        headers=headers,
    )
    assert response.status_code == 202, response.get_json()
    report = client.get(f"/api/leads/uploads/{upload_id}/errors.csv", headers=headers)
    lines = list(csv.reader(io.StringIO(report.get_data(as_text=True))))
    report.close()
    assert lines[0][:3] == ["'=Name", "'@Email", "Phone"]
    cells = [cell for line in lines[1:] for cell in line[:3] + line[-1:] if cell]
    assert cells and all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    _other, other_headers = as_user(Role.VENDOR)
    assert_problem(
        client.get(f"/api/leads/uploads/{upload_id}/errors.csv", headers=other_headers),
        404,
        "upload_not_found",
    )


def test_the_refusal_to_edit_names_the_leads_state(client, vendor, database):
    _user, headers = vendor
    lead = _lead(client, headers)
    with database.session() as s:
        s.execute(update(Lead).where(Lead.id == lead["id"]).values(status="expired"))
    response = client.patch(f"/api/leads/{lead['id']}", json={"city": "Lyon"}, headers=headers)
    body = assert_problem(response, 409, "lead_not_editable")
    assert body["detail"] == "This lead is expired and can no longer be edited."


def test_a_file_is_not_left_behind_when_its_upload_cannot_be_recorded(
    client, vendor, settings, monkeypatch
):
    _user, headers = vendor

    def failing(**_kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(uploads, "_mapping_proposal", failing)
    assert_problem(_upload(client, headers, _csv()), 500, "internal_error")
    assert list(settings.upload_dir.glob("*")) == []


def test_a_long_file_name_leaves_the_counts_in_the_notification_title(client, vendor, database):
    user, headers = vendor
    created = _upload(client, headers, _csv(), name="q" * 240 + ".csv").get_json()
    assert (
        _confirm(client, headers, created["upload"]["id"], _suggested(created)).status_code == 202
    )
    with database.session() as session:
        [note] = session.query(Notification).filter_by(user_id=user.id).all()
    assert note.title.startswith("q" * 79 + "…: ")
    assert note.title.endswith("rejected")


@pytest.mark.parametrize("field", ["industry", "consent_source"])
def test_a_nul_in_the_file_defaults_is_a_field_error(client, vendor, field):
    _user, headers = vendor
    upload_id = _upload(client, headers, _csv()).get_json()["upload"]["id"]
    response = _confirm_with(client, headers, upload_id, **{field: "Soft\x00ware"})
    assert field_codes(assert_problem(response, 422, "validation_failed")) == {
        f"defaults.{field}": "nul_character"
    }
