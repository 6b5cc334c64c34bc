"""Login and authenticated-read latency under the production server configuration.

Run: `make bench` (or `.venv/bin/python -m bench.login [--requests N]`). Starts gunicorn exactly as
`make run` does (2 gthread workers x 8 threads, bcrypt cost 11), creates users, then sends a bounded
number of requests from C concurrent clients over loopback and prints throughput and p50/p95/p99.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import threading
import time
from urllib.parse import urlparse

from bench._server import running_stack

PASSWORD = "benchmark passphrase 42"  # noqa: S105 (scratch accounts on a scratch database)


def _post(conn: http.client.HTTPConnection, path: str, body: dict, headers: dict | None = None):
    conn.request(
        "POST", path, json.dumps(body), {"Content-Type": "application/json", **(headers or {})}
    )
    response = conn.getresponse()
    return response.status, response.read()


def _percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def _run(url: str, concurrency: int, requests: int, make_request) -> dict:
    host = urlparse(url)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def client(worker: int) -> None:
        nonlocal errors
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            started = time.perf_counter()
            status = make_request(conn, worker, i)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed * 1000)
                errors += status >= 400
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(w,)) for w in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return {
        "concurrency": concurrency,
        "requests": len(latencies),
        "errors": errors,
        "rps": round(len(latencies) / wall, 1),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(_percentile(latencies, 95), 1),
        "p99_ms": round(_percentile(latencies, 99), 1),
    }


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
                r = _run(url, concurrency, total, fn)
                print(
                    f"{name:<20}{r['concurrency']:>4}{r['requests']:>10}{r['errors']:>8}"
                    f"{r['rps']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['p99_ms']:>9}"
                )


if __name__ == "__main__":
    main()
