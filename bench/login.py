"""Login and authenticated-read latency under the production server configuration.

Run: `make bench` (or `.venv/bin/python -m bench.login [--requests N]`). Starts gunicorn exactly as
`make run` does (2 gthread workers x 8 threads, bcrypt cost 11), creates users, then sends a bounded
number of requests from C concurrent clients over loopback and prints throughput and p50/p95/p99.
"""

from __future__ import annotations

import argparse
import http.client
import json
from urllib.parse import urlparse

from bench._load import run_load
from bench._server import running_stack

PASSWORD = "benchmark passphrase 42"  # noqa: S105 (scratch accounts on a scratch database)


def _post(conn: http.client.HTTPConnection, path: str, body: dict, headers: dict | None = None):
    conn.request(
        "POST", path, json.dumps(body), {"Content-Type": "application/json", **(headers or {})}
    )
    response = conn.getresponse()
    return response.status, response.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--users", type=int, default=50)
    args = parser.parse_args()

    with running_stack({"BCRYPT_ROUNDS": "11"}) as stack:
        url = stack.url
        host = urlparse(url)
        setup = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        tokens = []
        for i in range(args.users):
            status, body = _post(
                setup,
                "/api/auth/register",
                {
                    "email": f"bench{i}@example.com",
                    "password": PASSWORD,
                    "role": "client",
                    "name": f"B {i}",
                },
            )
            assert status == 201, body
            tokens.append(json.loads(body)["access_token"])
        setup.close()

        def login(conn, worker, i):
            status, _ = _post(
                conn,
                "/api/auth/login",
                {"email": f"bench{i % args.users}@example.com", "password": PASSWORD},
            )
            return status

        def me(conn, worker, i):
            conn.request(
                "GET",
                "/api/auth/me",
                headers={"Authorization": f"Bearer {tokens[i % len(tokens)]}"},
            )
            response = conn.getresponse()
            response.read()
            return response.status

        print("endpoint            conc  requests  errors    req/s   p50 ms   p95 ms   p99 ms")
        for name, fn, total in (
            ("POST /api/auth/login", login, args.requests),
            ("GET /api/auth/me", me, args.requests * 10),
        ):
            for concurrency in (1, 2, 4, 8):
                r = run_load(url, concurrency, total, fn)
                print(
                    f"{name:<20}{r['concurrency']:>4}{r['requests']:>10}{r['errors']:>8}"
                    f"{r['rps']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['p99_ms']:>9}"
                )


if __name__ == "__main__":
    main()
