"""pytest plugin: `stripe_emulator`, the base URL of a localstripe started once per run.

Listed in tests/conftest.py's `pytest_plugins`, so every suite can point a gateway at it:
    StripeGateway("sk_test_localstripe", webhook_secret, stripe_emulator)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from leadnexus.payments.emulator import start_process, stop_process


@pytest.fixture(scope="session")
def stripe_emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """localstripe on 127.0.0.1 at a free port, state in memory; its log in the run's tmp dir."""
    log_file = tmp_path_factory.mktemp("localstripe") / "localstripe.log"
    process, api_base = start_process(0, log_file=log_file)
    yield api_base
    stop_process(process)
