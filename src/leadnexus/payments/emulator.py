"""localstripe, a stateful Stripe emulator, on loopback: `python -m leadnexus.payments.emulator`.

localstripe's own command listens on every interface and keeps its state in a file shared by
every copy on the machine (/tmp/localstripe.pickle); this runner listens on 127.0.0.1 only and
keeps state in a file of our choosing, or in memory.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import pickle
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

READY_MARKER = "localstripe listening on "


def is_local_emulator(api_base: str | None) -> bool:
    """True when the API base is a plain-http address on this machine (ours to start)."""
    if not api_base:
        return False
    parts = urlsplit(api_base)
    if parts.scheme != "http" or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


def _keep_state_in(state_file: Path | None) -> None:
    """Point localstripe's store at our file (or nowhere) instead of /tmp/localstripe.pickle."""
    from localstripe import resources  # type: ignore[import-untyped]

    store_class = type(resources.store)

    class Store(store_class):  # type: ignore[misc,valid-type]
        def try_load_from_disk(self) -> None:
            if state_file is not None and state_file.exists():
                self.clear()
                self.update(pickle.loads(state_file.read_bytes()))  # noqa: S301 (our own file)

        def dump_to_disk(self) -> None:
            if state_file is None:
                return
            partial = state_file.with_suffix(".partial")
            partial.write_bytes(pickle.dumps(dict(self), protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(state_file)

    resources.store.__class__ = Store
    resources.store.try_load_from_disk()


def serve(port: int, state_file: Path | None = None) -> None:
    """Serve localstripe on 127.0.0.1:`port` (0: any free port) until stopped."""
    _keep_state_in(state_file)
    from aiohttp import web
    from localstripe.server import app  # type: ignore[import-untyped]

    logger = logging.getLogger("aiohttp.access")  # localstripe logs webhook deliveries here
    logger.setLevel(logging.INFO)
    logger.addHandler(logging.StreamHandler())
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    # The chosen port on the first line of stdout: a parent that asked for port 0 reads it.
    print(f"{READY_MARKER}http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    web.run_app(app, sock=sock, access_log=None, print=None)


def wait_until_ready(api_base: str, timeout: float = 15.0) -> None:
    """Block until the emulator answers (its Stripe.js stand-in needs no key)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{api_base}/js.stripe.com/v3/", timeout=2):  # noqa: S310
                return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the Stripe emulator at {api_base} did not answer") from None
            time.sleep(0.1)


def register_webhook(
    api_base: str, url: str, secret: str, *, webhook_id: str = "leadnexus"
) -> None:
    """Have the emulator deliver every event to `url`, signed with `secret` as Stripe does."""
    request = urllib.request.Request(  # noqa: S310 (api_base is configuration, http on loopback)
        f"{api_base}/_config/webhooks/{webhook_id}",
        data=json.dumps({"url": url, "secret": secret}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        if response.status != 200:
            raise RuntimeError(f"the emulator refused the webhook: HTTP {response.status}")


def start_process(
    port: int, *, state_file: Path | None = None, log_file: Path | None = None
) -> tuple[subprocess.Popen[str], str]:
    """Start the emulator as a child process; return it and its API base once it answers."""
    command = [sys.executable, "-m", "leadnexus.payments.emulator", "--port", str(port)]
    if state_file is not None:
        command += ["--state-file", str(state_file)]
    stderr = log_file.open("a") if log_file is not None else None
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
        command, stdout=subprocess.PIPE, stderr=stderr, text=True, env=_child_env()
    )
    if stderr is not None:
        stderr.close()  # the child holds its own copy
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith(READY_MARKER):
        process.kill()
        process.wait()
        raise RuntimeError(f"the Stripe emulator did not start: {line!r}")
    api_base = line[len(READY_MARKER) :].strip()
    wait_until_ready(api_base)
    return process, api_base


def stop_process(process: subprocess.Popen[str]) -> None:
    """Stop an emulator `start_process` started and release its pipe."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


def _child_env() -> dict[str, str]:
    """The child imports this package from wherever the parent did (a worktree, a checkout)."""
    env = dict(os.environ)
    here = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
    return env


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8420, help="0 picks a free port")
    parser.add_argument("--state-file", type=Path, help="keep objects across restarts here")
    args = parser.parse_args(argv)
    serve(args.port, args.state_file)


if __name__ == "__main__":
    main()
