"""Assertions shared by the API tests."""

from __future__ import annotations

from werkzeug.test import TestResponse


def assert_problem(response: TestResponse, status: int, code: str) -> dict:
    """The response is RFC 9457 problem+json with the given status and stable code."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status
    assert body["code"] == code, body
    assert body["title"] and body["detail"] and body["type"].startswith("https://")
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and "sqlalchemy" not in text.lower()
    return body


def field_codes(body: dict) -> dict[str, str]:
    return {e["field"]: e["code"] for e in body.get("errors", [])}


def parse_sse(text: str) -> list[dict]:
    """Server-Sent Events as dicts of their fields ('comment' for ': …' lines)."""
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        fields: dict = {}
        for line in block.split("\n"):
            if not line:
                continue
            name, _, value = line.partition(":")
            fields[name or "comment"] = value[1:] if value.startswith(" ") else value
        if fields:
            events.append(fields)
    return events
