"""A bounded closed-loop load generator: C clients on keep-alive connections, N requests."""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from collections.abc import Callable
from urllib.parse import urlparse

Request = Callable[[http.client.HTTPConnection, int, int], int]


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def run_load(url: str, concurrency: int, requests: int, make_request: Request) -> dict:
    """Send `requests` requests from `concurrency` clients; returns throughput and latencies."""
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
        "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
    }
