"""The real server (`leadnexus serve`, gunicorn gthread) with live streams held open.

Every open stream occupies one of the server's threads: the app admits threads minus a
reserve, refuses more with 503, and ordinary requests keep being answered promptly. Events
reach the streams within a second, from a request of the same server and from another
process without Redis (the database poll).
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import socket
import subprocess
import sys
import textwrap
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).with_name("leadnexus"))
PASSWORD = "correct horse battery staple"
THREADS, RESERVE = 6, 2  # so four streams at most


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    instance = tmp_path_factory.mktemp("stream-server")
    env = {
        **os.environ,
        "LEADNEXUS_ENV": "development",
        "INSTANCE_DIR": str(instance),
        "DATABASE_URL": f"sqlite:///{instance / 'server.db'}",
        "BCRYPT_ROUNDS": "4",
        "STREAM_THREAD_RESERVE": str(RESERVE),
        "RATELIMIT_ENABLED": "false",
    }
    env.pop("REDIS_URL", None)
    subprocess.run([CLI, "init-db"], env=env, check=True, capture_output=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [CLI, "create-admin", "--email", "admin@example.com", "--password", PASSWORD],
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603
        [CLI, "serve", "--port", str(port), "--workers", "1", "--threads", str(THREADS)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            assert process.poll() is None, "the server exited during start-up"
            try:
                with urllib.request.urlopen(f"{url}/api/ready", timeout=1):  # noqa: S310
                    break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        yield {"port": port, "env": env}
    finally:
        process.terminate()
        process.wait(timeout=15)


def _request(port: int, method: str, path: str, token: str | None = None, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), json.loads(data) if data else None


class Stream:
    """One open event stream; a thread reads its lines into a queue."""

    def __init__(self, port: int, token: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.conn.request(
            "GET",
            "/api/workflows/notifications/stream",
            headers={"Authorization": f"Bearer {token}", "Accept": "text/event-stream"},
        )
        self.response = self.conn.getresponse()
        self.lines: queue.Queue[str] = queue.Queue()
        if self.response.status == 200:
            threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            while line := self.response.readline():
                self.lines.put(line.decode().rstrip("\n"))
        except (OSError, ValueError, AttributeError):  # closed by the test
            pass

    def next_event(self, timeout: float) -> dict | None:
        """The next `notification` event within `timeout` seconds, or None."""
        deadline = time.monotonic() + timeout
        fields: dict = {}
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                return None
            if line == "" and fields.get("event") == "notification":
                return fields
            if line == "":
                fields = {}
            elif not line.startswith(":"):
                name, _, value = line.partition(": ")
                fields[name] = value
        return None

    def close(self) -> None:
        if self.conn.sock is not None:
            self.conn.sock.shutdown(socket.SHUT_RDWR)  # unblocks the reading thread
        self.conn.close()


def _token(port: int, email: str) -> str:
    status, _h, body = _request(
        port, "POST", "/api/auth/login", body={"email": email, "password": PASSWORD}
    )
    assert status == 200, body
    return body["access_token"]


def _register(port: int, email: str, role: str) -> str:
    status, _h, body = _request(
        port,
        "POST",
        "/api/auth/register",
        body={"email": email, "password": PASSWORD, "role": role, "name": email.split("@")[0]},
    )
    assert status == 201, body
    return body["access_token"]


def test_streams_are_capped_requests_stay_fast_and_events_arrive(server):
    port = server["port"]
    admin = _token(port, "admin@example.com")
    client = _register(port, "cleo@example.com", "client")
    vendor = _register(port, "vic@example.com", "vendor")

    # Threads minus the reserve: four streams, held open.
    streams = [Stream(port, client) for _ in range(3)] + [Stream(port, vendor)]
    try:
        assert [s.response.status for s in streams] == [200] * 4
        assert all(
            s.response.getheader("Content-Type").startswith("text/event-stream") for s in streams
        )
        assert all(s.lines.get(timeout=5).startswith("retry:") for s in streams)

        over = Stream(port, client)
        assert over.response.status == 503
        assert over.response.getheader("Retry-After") == "10"
        assert json.loads(over.response.read())["code"] == "streams_busy"
        over.close()

        # The reserved threads keep answering while the streams are open.
        timings = []
        for path in ("/api/health", "/api/workflows/notifications", "/api/auth/me") * 5:
            started = time.monotonic()
            status, _h, _b = _request(port, "GET", path, token=client)
            timings.append(time.monotonic() - started)
            assert status == 200
        assert max(timings) < 1.0, timings

        # An announcement made through the API reaches every stream of its audience at once.
        sent = time.monotonic()
        status, _h, body = _request(
            port,
            "POST",
            "/api/admin/announcements",
            token=admin,
            body={
                "title": "Healthcare leads are live",
                "body": "Have a look.",
                "audience": "clients",
            },
        )
        assert (status, body) == (202, {"recipients": 1})
        for stream in streams[:3]:
            event = stream.next_event(timeout=1.0)
            assert event is not None, "the event did not arrive within a second"
            payload = json.loads(event["data"])
            assert payload["notification"]["title"] == "Healthcare leads are live"
            assert payload["unread_count"] == 1
        assert time.monotonic() - sent < 1.5
        assert streams[3].next_event(timeout=0.3) is None  # the vendor is not in the audience

        # Another process without Redis (as `make run`'s worker): the database poll finds it.
        _notify_from_another_process(server["env"], "vic@example.com")
        sent = time.monotonic()
        event = streams[3].next_event(timeout=2.0)
        assert event is not None and time.monotonic() - sent < 1.5
        assert json.loads(event["data"])["notification"]["title"] == "Your lead sold"
    finally:
        for stream in streams:
            stream.close()


def _notify_from_another_process(env: dict, email: str) -> None:
    script = textwrap.dedent(
        """
        import sys

        from sqlalchemy import select
        from leadnexus import queue
        from leadnexus.auth.models import User
        from leadnexus.config import Settings
        from leadnexus.db import Database
        from leadnexus.notifications.service import notify

        settings = Settings.from_env()
        database = Database(settings.database_url)
        queue.bind(database, settings)
        with database.session() as session:
            user = session.scalars(select(User).where(User.email == sys.argv[1])).one()
            notify(session, user.id, "lead_sold", "Your lead sold", link="/vendor/leads")
        """
    )
    # The worker's environment: Huey runs jobs inline here so the process can just exit.
    subprocess.run(  # noqa: S603
        [sys.executable, "-c", script, email],
        env={**env, "LEADNEXUS_ENV": "test"},
        check=True,
        capture_output=True,
        timeout=20,
    )
