"""The payment gateway as the rest of the app sees it: a small interface and plain values.

Amounts cross this boundary as `Decimal` in the currency's major unit (12.50 USD); the
implementation converts to the provider's minor units. Nothing outside `payments/` imports the
provider's SDK.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol


class GatewayError(Exception):
    """The provider refused or failed; `reason` is a sentence a buyer or admin can read."""

    def __init__(self, reason: str, *, code: str = "payment_failed") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class GatewayUnavailable(GatewayError):
    """The provider could not be reached or answered 5xx: nothing is known to have happened."""

    def __init__(
        self, reason: str = "The payment service is unreachable; try again shortly."
    ) -> None:
        super().__init__(reason, code="payment_service_unavailable")


class CardDeclined(GatewayError):
    """The card was declined; `reason` says why in the card issuer's terms, made readable.
    `intent_id` names the intent the decline left behind when the provider says so."""

    def __init__(self, reason: str, *, intent_id: str | None = None) -> None:
        super().__init__(reason, code="card_declined")
        self.intent_id = intent_id


class InvalidWebhook(Exception):
    """A webhook whose signature or timestamp does not verify: it must change nothing."""


@dataclass(frozen=True)
class Intent:
    """A payment intent: `status` is the provider's (requires_payment_method, processing,
    requires_action, succeeded, canceled, ...)."""

    id: str
    status: str
    amount: Decimal
    currency: str
    client_secret: str | None
    metadata: dict[str, str] = field(default_factory=dict)
    failure_reason: str | None = None

    @property
    def succeeded(self) -> bool:
        return self.status == "succeeded"

    @property
    def ended_unpaid(self) -> bool:
        return self.status == "canceled"


@dataclass(frozen=True)
class Refund:
    id: str
    status: str  # succeeded, pending, failed
    amount: Decimal
    currency: str
    intent_id: str


@dataclass(frozen=True)
class Event:
    """A verified webhook event: its id (for exactly-once handling), type and object."""

    id: str
    type: str
    object: dict[str, Any]
    created: int


class PaymentGateway(Protocol):
    def create_intent(
        self,
        *,
        amount: Decimal,
        currency: str,
        metadata: dict[str, str],
        idempotency_key: str,
        payment_method: str | None = None,
        confirm: bool = False,
    ) -> Intent: ...

    def retrieve(self, intent_id: str) -> Intent: ...

    def cancel(self, intent_id: str) -> Intent: ...

    def refund(
        self, intent_id: str, *, amount: Decimal, currency: str, idempotency_key: str
    ) -> Refund: ...

    def verify_webhook(self, payload: bytes, signature: str | None) -> Event: ...
