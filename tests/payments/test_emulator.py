"""The emulator runner: loopback only, state in our file, kept across a restart."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from leadnexus.payments.emulator import is_local_emulator, start_process, stop_process
from tests.payments.conftest import make_gateway


@pytest.mark.parametrize(
    ("api_base", "local"),
    [
        ("http://127.0.0.1:8420", True),
        ("http://localhost:8420", True),
        ("http://[::1]:8420", True),
        ("https://api.stripe.com", False),
        ("http://10.0.0.5:8420", False),
        (None, False),
    ],
)
def test_only_a_loopback_emulator_is_ours_to_start(api_base, local):
    assert is_local_emulator(api_base) is local


def test_state_survives_a_restart_in_our_own_file(tmp_path):
    state = tmp_path / "localstripe.pickle"
    process, api_base = start_process(0, state_file=state)
    assert api_base.startswith("http://127.0.0.1:")
    try:
        intent = make_gateway(api_base, "whsec_x").create_intent(
            amount=Decimal("7.00"), currency="USD", metadata={}, idempotency_key=str(uuid.uuid4())
        )
    finally:
        stop_process(process)
    assert state.exists()

    process, api_base = start_process(0, state_file=state)
    try:
        assert make_gateway(api_base, "whsec_x").retrieve(intent.id).amount == Decimal("7.00")
    finally:
        stop_process(process)
