"""Start `leadnexus serve` (and optionally the worker) as `make run` does, on a scratch database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from leadnexus.db import make_engine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a live process (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """CPU time of a live process plus that of its children that have ended and been waited
    for (a job's helper processes, once the job is done): utime, stime, cutime, cstime."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def tree_rss_mb(pid: int) -> float:
    """Current resident memory of a process and its children (the job's helper processes)."""
    total = 0.0
    pids = [pid]
    # Children are listed per thread; the consumer starts jobs on its worker threads.
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            pids += [int(child) for child in children.read_text().split()]
        except FileNotFoundError:
            continue
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except FileNotFoundError:
            continue
    return total


def reset_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@dataclass
class Stack:
    url: str
    env: dict[str, str]
    server: subprocess.Popen
    worker: subprocess.Popen | None


def bench_database_url(instance: Path) -> str:
    """BENCH_DATABASE_URL (PostgreSQL), or a SQLite file in the run's instance folder."""
    return os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{instance / 'bench.db'}"


def new_instance() -> Path:
    return Path(tempfile.mkdtemp(prefix="leadnexus-bench-"))


@contextmanager
def running_stack(
    extra_env: dict[str, str] | None = None,
    *,
    worker: bool = False,
    instance: Path | None = None,
    fresh: bool = True,
) -> Iterator[Stack]:
    """Web server (and worker) on a free port; BENCH_DATABASE_URL selects PostgreSQL.

    `fresh=False` keeps the database as the caller prepared it (large generated data sets).
    """
    instance = instance or new_instance()
    database_url = bench_database_url(instance)
    if fresh and database_url.startswith("postgresql"):
        reset_postgres(database_url)
    env = {
        **os.environ,
        "LEADNEXUS_ENV": "development",
        "INSTANCE_DIR": str(instance),
        "DATABASE_URL": database_url,
        "RATELIMIT_ENABLED": "false",
        **(extra_env or {}),
    }
    env.pop("REDIS_URL", None)
    cli = str(Path(sys.executable).with_name("leadnexus"))
    subprocess.run([cli, "init-db"], env=env, check=True, capture_output=True)  # noqa: S603
    port = free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    server = subprocess.Popen([cli, "serve", "--port", str(port)], env=env, **quiet)  # noqa: S603
    jobs = subprocess.Popen([cli, "worker"], env=env, **quiet) if worker else None  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{url}/api/ready", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        yield Stack(url, env, server, jobs)
    finally:
        for process in (server, jobs):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
