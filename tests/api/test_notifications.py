"""Notifications through the API: list, read state, preferences, announcements, live stream."""

from __future__ import annotations

import dataclasses
import json
import threading
import time

import pytest
from sqlalchemy import select

from leadnexus.app import create_app
from leadnexus.audit.models import AuditEntry
from leadnexus.auth.models import Role
from leadnexus.notifications import service
from leadnexus.notifications.models import EmailOutbox, NotificationType
from tests.conftest import bearer, login
from tests.helpers import assert_problem, field_codes, parse_sse

URL = "/api/workflows/notifications"


def _notify(database, user_id, title="Hello", kind="lead_sold", **kwargs):
    with database.session() as session:
        return service.notify(session, user_id, kind, title, **kwargs).id


def test_list_is_newest_first_with_unread_count_and_cursor(client, database, as_user):
    user, headers = as_user(Role.VENDOR)
    ids = [_notify(database, user.id, f"n{i}", link=f"/vendor/uploads/{i}") for i in range(5)]

    first = client.get(f"{URL}?limit=3", headers=headers).get_json()
    assert [n["id"] for n in first["data"]] == ids[::-1][:3]
    assert first["has_more"] is True and first["unread_count"] == 5
    item = first["data"][0]
    assert item == {
        "id": ids[4],
        "type": "lead_sold",
        "title": "n4",
        "body": None,
        "link": "/vendor/uploads/4",
        "data": {},
        "read_at": None,
        "created_at": item["created_at"],
    }
    second = client.get(f"{URL}?limit=3&cursor={first['next_cursor']}", headers=headers)
    assert [n["id"] for n in second.get_json()["data"]] == ids[::-1][3:]
    assert second.get_json()["has_more"] is False


def test_mark_read_one_and_all(client, database, as_user):
    user, headers = as_user()
    first, second, third = (_notify(database, user.id, f"n{i}") for i in range(3))

    response = client.post(f"{URL}/{second}/read", headers=headers)
    assert response.status_code == 200 and response.get_json()["read_at"] is not None
    again = client.post(f"{URL}/{second}/read", headers=headers).get_json()
    assert again["read_at"] == response.get_json()["read_at"]  # idempotent

    unread = client.get(f"{URL}?unread=true", headers=headers).get_json()
    assert [n["id"] for n in unread["data"]] == [third, first] and unread["unread_count"] == 2

    assert client.post(f"{URL}/read-all", headers=headers).get_json() == {"unread_count": 0}
    listed = client.get(URL, headers=headers).get_json()
    assert listed["unread_count"] == 0 and all(n["read_at"] for n in listed["data"])


def test_another_users_notification_is_not_found(client, database, as_user):
    owner, owner_headers = as_user()
    _intruder, headers = as_user()
    theirs = _notify(database, owner.id)
    assert_problem(
        client.post(f"{URL}/{theirs}/read", headers=headers), 404, "notification_not_found"
    )
    assert_problem(
        client.post(f"{URL}/999999/read", headers=headers), 404, "notification_not_found"
    )
    assert client.get(URL, headers=headers).get_json()["data"] == []
    # Read-all marks only your own.
    client.post(f"{URL}/read-all", headers=headers)
    assert client.get(URL, headers=owner_headers).get_json()["unread_count"] == 1


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=101", "limit"),
        ("limit=0", "limit"),
        ("cursor=%%%", "cursor"),
        ("unread=maybe", "unread"),
    ],
)
def test_bad_list_parameters(client, as_user, query, field):
    _user, headers = as_user()
    body = assert_problem(client.get(f"{URL}?{query}", headers=headers), 422, "validation_failed")
    assert field in field_codes(body)


def test_anonymous_is_refused(client):
    assert_problem(client.get(URL), 401, "missing_token")
    assert_problem(client.get(f"{URL}/stream"), 401, "missing_token")
    assert_problem(client.get(f"{URL}/stream", headers=bearer("not-a-jwt")), 401, "invalid_token")
    assert_problem(client.post(f"{URL}/read-all"), 401, "missing_token")


def test_email_preferences_default_and_update(client, as_user):
    _user, headers = as_user()
    defaults = client.get(f"{URL}/preferences", headers=headers).get_json()
    assert defaults == {
        "email": {
            "upload_finished": True,
            "lead_approved": False,
            "lead_rejected": True,
            "lead_sold": True,
            "purchase_completed": True,
            "saved_search_match": True,
            "announcement": True,
        }
    }
    response = client.put(
        f"{URL}/preferences",
        json={"email": {"lead_approved": True, "announcement": False}},
        headers=headers,
    )
    assert response.status_code == 200, response.get_json()
    expected = {**defaults["email"], "lead_approved": True, "announcement": False}
    assert response.get_json() == {"email": expected}
    assert client.get(f"{URL}/preferences", headers=headers).get_json() == {"email": expected}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": {"party_invite": True}}, "email.party_invite"),
        ({"email": {"lead_sold": "sometimes"}}, "email.lead_sold"),
        ({"email": {}, "sms": {}}, "sms"),
        ({}, "email"),
    ],
)
def test_bad_preferences_name_the_field(client, as_user, body, field):
    _user, headers = as_user()
    response = client.put(f"{URL}/preferences", json=body, headers=headers)
    assert field in field_codes(assert_problem(response, 422, "validation_failed"))


def test_admin_announcement_reaches_the_audience_and_is_audited(client, database, make, as_user):
    admin, headers = as_user(Role.ADMIN)
    clients = [make.user(Role.CLIENT) for _ in range(2)]
    make.user(Role.CLIENT, is_active=False)
    vendor = make.user(Role.VENDOR)

    response = client.post(
        "/api/admin/announcements",
        json={
            "title": "New lead categories",
            "body": "Healthcare leads are live.",
            "link": "/client",
            "audience": "clients",
        },
        headers=headers,
    )
    assert response.status_code == 202, response.get_json()
    assert response.get_json() == {"recipients": 2}

    for user in clients:
        listed = client.get(URL, headers=bearer(login(client, user.email)["access_token"]))
        [item] = listed.get_json()["data"]
        assert item["type"] == "announcement" and item["title"] == "New lead categories"
        assert item["link"] == "/client"
    vendor_view = client.get(URL, headers=bearer(login(client, vendor.email)["access_token"]))
    assert vendor_view.get_json()["data"] == []

    with database.session() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "announcement.sent")
        ).one()
        emails = session.scalars(select(EmailOutbox)).all()
    assert entry.actor_id == admin.id and entry.data["recipients"] == 2
    assert sorted(e.to_address for e in emails) == sorted(u.email for u in clients)
    assert all("http://127.0.0.1:8000/client" in e.html_body for e in emails)

    everyone = client.post(
        "/api/admin/announcements",
        json={"title": "Maintenance", "body": "Tonight.", "audience": "all"},
        headers=headers,
    )
    assert everyone.get_json() == {"recipients": 4}  # 2 clients, the vendor, the admin


@pytest.mark.parametrize("role", [Role.CLIENT, Role.VENDOR])
def test_only_admins_announce(client, as_user, role):
    _user, headers = as_user(role)
    body = {"title": "Free leads!", "body": "Click here", "audience": "all"}
    assert_problem(
        client.post("/api/admin/announcements", json=body, headers=headers), 403, "role_forbidden"
    )
    assert_problem(client.post("/api/admin/announcements", json=body), 401, "missing_token")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": "x" * 201}, "title"),
        ({"title": "   "}, "title"),
        ({"body": "x" * 5001}, "body"),
        ({"link": "https://phish.example/login"}, "link"),
        ({"link": "//phish.example"}, "link"),
        ({"audience": "everyone"}, "audience"),
        ({"priority": "high"}, "priority"),
    ],
)
def test_bad_announcements_name_the_field(client, as_user, change, field):
    _admin, headers = as_user(Role.ADMIN)
    body = {"title": "Hello", "body": "World", "audience": "all", **change}
    response = client.post("/api/admin/announcements", json=body, headers=headers)
    assert field in field_codes(assert_problem(response, 422, "validation_failed"))


# The live stream, through the test client: a short lifetime ends each stream by itself.


@pytest.fixture
def stream_app(settings):
    app = create_app(
        dataclasses.replace(
            settings, stream_max_seconds=1, stream_poll_seconds=0.05, stream_ping_seconds=0.3
        )
    )
    yield app
    app.extensions["leadnexus.db"].dispose()


def _stream_user(app, make, role=Role.CLIENT):
    user = make.user(role)
    return user, bearer(login(app.test_client(), user.email)["access_token"])


def test_stream_resumes_after_last_event_id_then_ends(stream_app, make):
    client = stream_app.test_client()
    user, headers = _stream_user(stream_app, make)
    database = stream_app.extensions["leadnexus.db"]
    ids = [_notify(database, user.id, f"n{i}") for i in range(3)]
    _notify(database, make.user().id, "someone else's")

    response = client.get(f"{URL}/stream", headers={**headers, "Last-Event-ID": str(ids[0])})
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["X-Accel-Buffering"] == "no"
    events = parse_sse(response.get_data(as_text=True))
    assert events[0] == {"retry": "3000"}
    notifications = [e for e in events if e.get("event") == "notification"]
    assert [int(e["id"]) for e in notifications] == ids[1:]
    payload = json.loads(notifications[-1]["data"])
    assert payload["notification"]["title"] == "n2" and payload["unread_count"] == 3
    assert {"comment": "ping"} in events  # a ping every 0.3 s of the 1 s lifetime

    # The query parameter works too (for clients that cannot set headers).
    again = client.get(f"{URL}/stream?last_event_id={ids[1]}", headers=headers)
    replayed = [e for e in parse_sse(again.get_data(as_text=True)) if "id" in e]
    assert [int(e["id"]) for e in replayed] == ids[2:]


def test_stream_without_last_event_id_sends_only_new_events(stream_app, make):
    client = stream_app.test_client()
    user, headers = _stream_user(stream_app, make)
    _notify(stream_app.extensions["leadnexus.db"], user.id, "old")
    events = parse_sse(client.get(f"{URL}/stream", headers=headers).get_data(as_text=True))
    assert [e for e in events if "id" in e] == []


def test_stream_rejects_a_bad_last_event_id(stream_app, make):
    _user, headers = _stream_user(stream_app, make)
    response = stream_app.test_client().get(
        f"{URL}/stream", headers={**headers, "Last-Event-ID": "abc"}
    )
    assert "Last-Event-ID" in field_codes(assert_problem(response, 422, "validation_failed"))


def test_a_live_event_is_pushed_at_once(settings, make):
    # Polling every second: arriving well before that proves the broker woke the stream.
    app = create_app(dataclasses.replace(settings, stream_max_seconds=5))
    user, headers = _stream_user(app, make)
    database = app.extensions["leadnexus.db"]
    response = app.test_client().get(f"{URL}/stream", headers=headers, buffered=False)
    chunks = iter(response.response)
    assert next(chunks).startswith(b"retry:")
    received: list[tuple[float, bytes]] = []
    reader = threading.Thread(
        target=lambda: received.append((time.monotonic(), next(chunks))), daemon=True
    )
    reader.start()
    time.sleep(0.3)  # the stream is waiting for its next poll
    started = time.monotonic()
    notification_id = _notify(database, user.id, "Your lead sold", kind=NotificationType.LEAD_SOLD)
    reader.join(timeout=3)
    response.close()
    app.extensions["leadnexus.db"].dispose()
    [(arrived, chunk)] = received
    assert arrived - started < 0.5
    [event] = parse_sse(chunk.decode())
    assert event["id"] == str(notification_id) and event["event"] == "notification"
    assert json.loads(event["data"])["unread_count"] == 1


def test_streams_over_the_cap_get_503_and_free_their_slot(settings, make):
    # Two threads, so one stream at most (the reserve is capped at half the threads).
    app = create_app(dataclasses.replace(settings, web_threads=2, stream_max_seconds=5))
    _user, headers = _stream_user(app, make)
    client = app.test_client()
    first = client.get(f"{URL}/stream", headers=headers, buffered=False)
    assert first.status_code == 200
    busy = client.get(f"{URL}/stream", headers=headers)
    assert_problem(busy, 503, "streams_busy")
    assert busy.headers["Retry-After"] == "10"
    # Ordinary requests are not affected by the cap.
    assert client.get(URL, headers=headers).status_code == 200
    first.close()  # the client went away: its slot is free again
    second = client.get(f"{URL}/stream", headers=headers, buffered=False)
    assert second.status_code == 200
    second.close()
    app.extensions["leadnexus.db"].dispose()
