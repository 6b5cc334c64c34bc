"""Payments tests run the real SDK against localstripe.

`stripe_emulator` (one emulator per run) comes from the tests/stripe_emulator.py plugin;
`private_emulator` starts one a test may stop or whose webhooks it may redirect.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import stripe

from leadnexus.config import EMULATOR_SECRET_KEY
from leadnexus.payments.emulator import start_process, stop_process
from leadnexus.payments.stripe_gateway import StripeGateway

OK_CARD = "4242424242424242"
DECLINED_ON_CHARGE = "4000000000000341"


@pytest.fixture
def webhook_secret() -> str:
    return "whsec_" + secrets.token_hex(16)


def make_gateway(api_base: str, webhook_secret: str) -> StripeGateway:
    # No retries and a short timeout: an unreachable emulator fails a test in seconds.
    return StripeGateway(
        EMULATOR_SECRET_KEY, webhook_secret, api_base, timeout=3, max_network_retries=0
    )


@pytest.fixture
def gateway(stripe_emulator: str, webhook_secret: str) -> StripeGateway:
    return make_gateway(stripe_emulator, webhook_secret)


@pytest.fixture
def card(stripe_emulator: str) -> Callable[[str], str]:
    """A PaymentMethod id for a test card number, as Stripe.js would create in the browser."""
    client = stripe.StripeClient(EMULATOR_SECRET_KEY, base_addresses={"api": stripe_emulator})

    def _card(number: str = OK_CARD) -> str:
        method = client.v1.payment_methods.create(
            {
                "type": "card",
                "card": {"number": number, "exp_month": 12, "exp_year": 2040, "cvc": "123"},
            }
        )
        return method.id

    return _card


class PrivateEmulator:
    def __init__(self, log_file: Path) -> None:
        self.process, self.api_base = start_process(0, log_file=log_file)

    def stop(self) -> None:
        stop_process(self.process)


@pytest.fixture
def private_emulator(tmp_path: Path) -> Iterator[PrivateEmulator]:
    emulator = PrivateEmulator(tmp_path / "localstripe.log")
    yield emulator
    emulator.stop()
