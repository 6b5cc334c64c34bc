"""The Stripe gateway against localstripe: intents, refunds, declines, an unreachable provider."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal

import pytest
import stripe

from leadnexus.payments.gateway import CardDeclined, GatewayError, GatewayUnavailable
from leadnexus.payments.stripe_gateway import decline_reason, translate
from tests.payments.conftest import DECLINED_ON_CHARGE, make_gateway


def key() -> str:
    return str(uuid.uuid4())


def test_intent_without_card_waits_for_one(gateway):
    intent = gateway.create_intent(
        amount=Decimal("12.50"), currency="USD", metadata={"order": "7"}, idempotency_key=key()
    )
    assert (intent.status, intent.amount, intent.currency) == (
        "requires_payment_method",
        Decimal("12.50"),
        "USD",
    )
    assert intent.client_secret and intent.client_secret.startswith(intent.id)
    assert intent.metadata == {"order": "7"}
    assert not intent.succeeded and intent.failure_reason is None


def test_confirmed_card_payment_succeeds_and_refunds(gateway, card):
    intent = gateway.create_intent(
        amount=Decimal("40.00"),
        currency="EUR",
        metadata={"order": "8"},
        idempotency_key=key(),
        payment_method=card(),
        confirm=True,
    )
    assert intent.succeeded
    fetched = gateway.retrieve(intent.id)
    assert (fetched.status, fetched.amount, fetched.metadata) == (
        "succeeded",
        Decimal("40.00"),
        {"order": "8"},
    )
    refund = gateway.refund(
        intent.id, amount=Decimal("15.50"), currency="EUR", idempotency_key=key()
    )
    assert (refund.status, refund.amount, refund.currency, refund.intent_id) == (
        "succeeded",
        Decimal("15.50"),
        "EUR",
        intent.id,
    )


def test_zero_decimal_currency_is_sent_in_whole_units(gateway, stripe_emulator):
    intent = gateway.create_intent(
        amount=Decimal("1250"), currency="JPY", metadata={}, idempotency_key=key()
    )
    raw = stripe.StripeClient("sk_test_x", base_addresses={"api": stripe_emulator})
    assert raw.v1.payment_intents.retrieve(intent.id).amount == 1250
    assert gateway.retrieve(intent.id).amount == Decimal("1250")


def test_amount_finer_than_the_currency_is_refused_before_calling(gateway):
    with pytest.raises(GatewayError) as caught:
        gateway.create_intent(
            amount=Decimal("10.5"), currency="JPY", metadata={}, idempotency_key=key()
        )
    assert caught.value.code == "invalid_amount"
    assert "JPY" in caught.value.reason


def test_cancelled_intent_ends_unpaid(gateway):
    intent = gateway.create_intent(
        amount=Decimal("5.00"), currency="USD", metadata={}, idempotency_key=key()
    )
    assert gateway.cancel(intent.id).ended_unpaid
    assert gateway.retrieve(intent.id).status == "canceled"


def test_declined_card_raises_a_readable_reason(gateway, card):
    with pytest.raises(CardDeclined) as caught:
        gateway.create_intent(
            amount=Decimal("9.99"),
            currency="USD",
            metadata={},
            idempotency_key=key(),
            payment_method=card(DECLINED_ON_CHARGE),
            confirm=True,
        )
    assert caught.value.code == "card_declined"
    assert caught.value.reason == "The card was declined."


def test_unknown_intent_is_a_gateway_error_not_a_crash(gateway):
    with pytest.raises(GatewayError) as caught:
        gateway.retrieve("pi_doesnotexist")
    assert not isinstance(caught.value, GatewayUnavailable | CardDeclined)
    assert caught.value.reason.startswith("The payment could not be processed")


def test_refunding_an_unpaid_intent_is_refused(gateway):
    intent = gateway.create_intent(
        amount=Decimal("5.00"), currency="USD", metadata={}, idempotency_key=key()
    )
    with pytest.raises(GatewayError):
        gateway.refund(intent.id, amount=Decimal("5.00"), currency="USD", idempotency_key=key())


def test_stopped_provider_is_unavailable_quickly(private_emulator, webhook_secret):
    gateway = make_gateway(private_emulator.api_base, webhook_secret)
    intent = gateway.create_intent(
        amount=Decimal("3.00"), currency="USD", metadata={}, idempotency_key=key()
    )
    private_emulator.stop()
    started = time.monotonic()
    with pytest.raises(GatewayUnavailable) as caught:
        gateway.retrieve(intent.id)
    assert time.monotonic() - started < 5
    assert caught.value.code == "payment_service_unavailable"


# Stripe's own error shapes, which localstripe does not produce (it sends no decline_code).


def test_decline_code_reads_as_a_sentence():
    error = {"code": "card_declined", "decline_code": "insufficient_funds"}
    assert decline_reason(error) == "The card was declined (insufficient funds)."
    assert (
        decline_reason({"code": "expired_card"}) == "The card was declined (the card has expired)."
    )
    assert decline_reason({"code": "card_declined", "decline_code": "generic_decline"}) == (
        "The card was declined."
    )
    assert decline_reason({"code": "card_velocity_exceeded"}) == (
        "The card was declined (card velocity exceeded)."
    )


def test_stripe_card_error_keeps_the_intent_it_left():
    body = {
        "error": {
            "type": "card_error",
            "code": "card_declined",
            "decline_code": "insufficient_funds",
            "message": "Your card has insufficient funds.",
            "payment_intent": {"id": "pi_123", "object": "payment_intent"},
        }
    }
    error = stripe.CardError(
        "Your card has insufficient funds.", None, "card_declined", json_body=body, http_status=402
    )
    declined = translate(error)
    assert isinstance(declined, CardDeclined)
    assert (declined.reason, declined.intent_id) == (
        "The card was declined (insufficient funds).",
        "pi_123",
    )


@pytest.mark.parametrize(
    "error",
    [
        stripe.APIError("boom", http_status=503),
        stripe.RateLimitError("slow down", http_status=429),
        stripe.APIConnectionError("refused"),
    ],
)
def test_provider_trouble_is_unavailable(error):
    assert isinstance(translate(error), GatewayUnavailable)


def test_rejected_credentials_say_so_without_the_key():
    translated = translate(stripe.AuthenticationError("Invalid API Key provided: sk_live_***"))
    assert translated.code == "payment_misconfigured"
    assert "sk_" not in translated.reason
