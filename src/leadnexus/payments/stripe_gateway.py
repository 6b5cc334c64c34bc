"""The payment gateway on Stripe's official SDK; the same code talks to localstripe or Stripe."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, TypeVar

import stripe

from leadnexus.payments.gateway import (
    CardDeclined,
    Event,
    GatewayError,
    GatewayUnavailable,
    Intent,
    InvalidWebhook,
    Refund,
)
from leadnexus.payments.money import to_major, to_minor

log = logging.getLogger(__name__)
T = TypeVar("T")

WEBHOOK_TOLERANCE_SECONDS = 300

# Stripe's decline and error codes a buyer can act on, in words; others are spelt out as-is.
DECLINE_REASONS = {
    "insufficient_funds": "insufficient funds",
    "lost_card": "the card was reported lost",
    "stolen_card": "the card was reported stolen",
    "expired_card": "the card has expired",
    "incorrect_cvc": "the security code is wrong",
    "incorrect_number": "the card number is wrong",
    "invalid_expiry_month": "the expiry month is wrong",
    "invalid_expiry_year": "the expiry year is wrong",
    "processing_error": "the card issuer had a processing error; try again",
    "do_not_honor": "the card issuer refused it; the buyer should call their bank",
    "generic_decline": "",
    "card_declined": "",
    "payment_intent_authentication_failure": "the card's authentication failed",
}


def decline_reason(error: dict[str, Any]) -> str:
    """'The card was declined (insufficient funds).' from a Stripe error object."""
    code = error.get("decline_code") or error.get("code") or ""
    detail = DECLINE_REASONS.get(code, code.replace("_", " "))
    return f"The card was declined ({detail})." if detail else "The card was declined."


def _error_body(exc: stripe.StripeError) -> dict[str, Any]:
    body = exc.json_body if isinstance(exc.json_body, dict) else {}
    error = body.get("error")
    return error if isinstance(error, dict) else {}


def _intent_id_of(error: dict[str, Any]) -> str | None:
    intent = error.get("payment_intent")
    if isinstance(intent, dict):
        return intent.get("id")
    return intent if isinstance(intent, str) else None


def translate(exc: stripe.StripeError) -> GatewayError:
    """The SDK's error as one of ours: unreachable, declined, or refused."""
    if isinstance(exc, stripe.APIConnectionError | stripe.RateLimitError):
        return GatewayUnavailable()
    if exc.http_status is not None and exc.http_status >= 500:
        return GatewayUnavailable()
    if isinstance(exc, stripe.CardError):
        error = _error_body(exc)
        return CardDeclined(decline_reason(error), intent_id=_intent_id_of(error))
    if isinstance(exc, stripe.AuthenticationError | stripe.PermissionError):
        log.error("the payment provider refused our credentials: %s", exc)
        return GatewayError(
            "The payment service is not set up correctly; no money was taken.",
            code="payment_misconfigured",
        )
    log.warning("the payment provider refused a request: %s", exc)
    message = exc.user_message or "the request was refused"
    return GatewayError(f"The payment could not be processed: {message}")


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except stripe.StripeError as exc:
        raise translate(exc) from exc


def _intent(resource: stripe.PaymentIntent) -> Intent:
    obj = resource.to_dict()
    currency = str(obj["currency"]).upper()
    error = obj.get("last_payment_error")
    return Intent(
        id=obj["id"],
        status=obj["status"],
        amount=to_major(int(obj["amount"]), currency),
        currency=currency,
        client_secret=obj.get("client_secret"),
        metadata={str(k): str(v) for k, v in (obj.get("metadata") or {}).items()},
        failure_reason=decline_reason(dict(error)) if error else None,
    )


class StripeGateway:
    """PaymentGateway on `stripe.StripeClient`; `api_base` points it at an emulator."""

    def __init__(
        self,
        secret_key: str,
        webhook_secret: str,
        api_base: str | None = None,
        *,
        timeout: float = 20.0,
        max_network_retries: int = 2,
    ) -> None:
        self._webhook_secret = webhook_secret
        bases: dict[str, str] = {"api": api_base.rstrip("/")} if api_base else {}
        self._client = stripe.StripeClient(
            secret_key,
            base_addresses=bases,  # type: ignore[arg-type]
            max_network_retries=max_network_retries,
            http_client=stripe.new_default_http_client(timeout=timeout),
        )

    def _call(self, fn: Callable[[], T]) -> T:
        with _translated_errors():
            return fn()

    def create_intent(
        self,
        *,
        amount: Decimal,
        currency: str,
        metadata: dict[str, str],
        idempotency_key: str,
        payment_method: str | None = None,
        confirm: bool = False,
    ) -> Intent:
        params: dict[str, Any] = {
            "amount": to_minor(amount, currency),
            "currency": currency.lower(),
            "metadata": metadata,
            # Cards only: with Stripe's default automatic methods a server-side confirm would
            # need a return_url for redirect-based methods we don't offer.
            "payment_method_types": ["card"],
        }
        if payment_method:
            params["payment_method"] = payment_method
        if confirm:
            params["confirm"] = True
        obj = self._call(
            lambda: self._client.v1.payment_intents.create(
                params,  # type: ignore[arg-type]
                {"idempotency_key": idempotency_key},
            )
        )
        return _intent(obj)

    def retrieve(self, intent_id: str) -> Intent:
        return _intent(self._call(lambda: self._client.v1.payment_intents.retrieve(intent_id)))

    def cancel(self, intent_id: str) -> Intent:
        return _intent(self._call(lambda: self._client.v1.payment_intents.cancel(intent_id)))

    def refund(
        self, intent_id: str, *, amount: Decimal, currency: str, idempotency_key: str
    ) -> Refund:
        params = {"payment_intent": intent_id, "amount": to_minor(amount, currency)}
        resource = self._call(
            lambda: self._client.v1.refunds.create(
                params,  # type: ignore[arg-type]
                {"idempotency_key": idempotency_key},
            )
        )
        obj = resource.to_dict()
        refunded_currency = str(obj["currency"]).upper()
        return Refund(
            id=obj["id"],
            status=obj["status"],
            amount=to_major(int(obj["amount"]), refunded_currency),
            currency=refunded_currency,
            intent_id=obj.get("payment_intent") or intent_id,
        )

    def verify_webhook(self, payload: bytes, signature: str | None) -> Event:
        try:
            stripe.Webhook.construct_event(
                payload, signature, self._webhook_secret, WEBHOOK_TOLERANCE_SECONDS
            )
        except stripe.SignatureVerificationError as exc:
            raise InvalidWebhook(str(exc)) from exc
        except (ValueError, TypeError, AttributeError) as exc:  # signed, but not a JSON object
            raise InvalidWebhook("The webhook body is not a JSON event.") from exc
        # The SDK's objects are for its own calls; the rest of the app gets plain JSON.
        return _event(json.loads(payload))


def _event(data: dict[str, Any]) -> Event:
    inner = data.get("data")
    obj = inner.get("object") if isinstance(inner, dict) else None
    event_id, event_type, created = data.get("id"), data.get("type"), data.get("created")
    if not (isinstance(obj, dict) and isinstance(event_id, str) and isinstance(event_type, str)):
        raise InvalidWebhook("The webhook body is not an event.")
    if not isinstance(created, int):
        raise InvalidWebhook("The webhook event has no creation time.")
    return Event(id=event_id, type=event_type, object=obj, created=created)
