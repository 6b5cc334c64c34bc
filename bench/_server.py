"""Start `leadnexus serve` as `make run` does, on a scratch database, for a benchmark."""

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
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(extra_env: dict[str, str] | None = None) -> Iterator[tuple[str, dict[str, str]]]:
    """Yields (base url, environment); the server stops when the block ends."""
    instance = Path(tempfile.mkdtemp(prefix="leadnexus-bench-"))
    env = {
        **os.environ,
        "LEADNEXUS_ENV": "development",
        "INSTANCE_DIR": str(instance),
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{instance / 'bench.db'}"),
        "RATELIMIT_ENABLED": "false",
        **(extra_env or {}),
    }
    cli = str(Path(sys.executable).with_name("leadnexus"))
    subprocess.run([cli, "init-db"], env=env, check=True, capture_output=True)  # noqa: S603
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [cli, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{url}/api/ready", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        yield url, env
    finally:
        server.terminate()
        server.wait(timeout=15)
