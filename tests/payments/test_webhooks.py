"""Webhooks: the emulator's signed deliveries verify; forged, tampered and stale ones do not."""

from __future__ import annotations

import hashlib
import hmac
import json
import queue
import threading
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from leadnexus.payments.emulator import register_webhook
from leadnexus.payments.gateway import InvalidWebhook
from leadnexus.payments.stripe_gateway import StripeGateway
from tests.payments.conftest import make_gateway

Delivery = tuple[bytes, str | None]


@pytest.fixture
def receiver() -> Iterator[tuple[str, queue.Queue[Delivery]]]:
    """A tiny HTTP server on loopback that keeps each POST's body and Stripe-Signature."""
    deliveries: queue.Queue[Delivery] = queue.Queue()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            deliveries.put((body, self.headers.get("Stripe-Signature")))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/payments/webhook", deliveries
    server.shutdown()
    server.server_close()


def next_event_of_type(deliveries: queue.Queue[Delivery], kind: str) -> Delivery:
    deadline = time.monotonic() + 10  # localstripe waits a second before it sends
    while (left := deadline - time.monotonic()) > 0:
        body, signature = deliveries.get(timeout=left)
        if json.loads(body)["type"] == kind:
            return body, signature
    raise AssertionError(f"no {kind} webhook arrived")


def test_emulator_delivers_a_signed_event_the_gateway_accepts(
    private_emulator, receiver, webhook_secret
):
    url, deliveries = receiver
    register_webhook(private_emulator.api_base, url, webhook_secret)
    gateway = make_gateway(private_emulator.api_base, webhook_secret)
    paid = gateway.create_intent(
        amount=Decimal("20.00"),
        currency="USD",
        metadata={"order": "42"},
        idempotency_key=str(uuid.uuid4()),
        payment_method=_card_on(private_emulator.api_base),
        confirm=True,
    )
    body, signature = next_event_of_type(deliveries, "payment_intent.succeeded")

    event = gateway.verify_webhook(body, signature)
    assert (event.type, event.object["id"], event.object["metadata"]) == (
        "payment_intent.succeeded",
        paid.id,
        {"order": "42"},
    )
    assert event.id.startswith("evt_") and event.created > 0
    with pytest.raises(InvalidWebhook):  # the same delivery under another install's secret
        make_gateway(private_emulator.api_base, "whsec_other").verify_webhook(body, signature)


def _card_on(api_base: str) -> str:
    import stripe

    client = stripe.StripeClient("sk_test_localstripe", base_addresses={"api": api_base})
    card = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2040, "cvc": "123"}
    return client.v1.payment_methods.create({"type": "card", "card": card}).id


# Signed here as Stripe signs: v1 = HMAC-SHA256(secret, "<timestamp>.<body>").


def sign(body: bytes, secret: str, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def event_body(**changes: object) -> bytes:
    event = {
        "id": "evt_1",
        "object": "event",
        "type": "payment_intent.succeeded",
        "created": int(time.time()),
        "data": {"object": {"id": "pi_1", "object": "payment_intent", "amount": 2000}},
        **changes,
    }
    return json.dumps(event).encode()


@pytest.fixture
def offline_gateway(webhook_secret) -> StripeGateway:
    """Verifying a webhook never calls the provider: no emulator needed."""
    return make_gateway("http://127.0.0.1:9", webhook_secret)


def test_own_signature_verifies(offline_gateway, webhook_secret):
    body = event_body()
    event = offline_gateway.verify_webhook(body, sign(body, webhook_secret))
    assert (event.id, event.object["id"]) == ("evt_1", "pi_1")


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda body, secret: sign(body, "whsec_forged"), id="wrong-secret"),
        pytest.param(
            lambda body, secret: sign(body + b" ", secret).replace("v1=", "v1=0"), id="garbled"
        ),
        pytest.param(lambda body, secret: sign(body, secret, int(time.time()) - 301), id="stale"),
        pytest.param(lambda body, secret: None, id="missing"),
        pytest.param(lambda body, secret: "", id="empty"),
        pytest.param(lambda body, secret: "t=abc,v1=zz", id="malformed"),
        pytest.param(
            lambda body, secret: sign(body, secret).replace("v1=", "v0="), id="unknown-scheme"
        ),
    ],
)
def test_bad_signatures_are_refused(offline_gateway, webhook_secret, forge):
    body = event_body()
    with pytest.raises(InvalidWebhook):
        offline_gateway.verify_webhook(body, forge(body, webhook_secret))


def test_tampered_body_is_refused(offline_gateway, webhook_secret):
    body = event_body()
    signature = sign(body, webhook_secret)
    tampered = body.replace(b'"amount": 2000', b'"amount": 1')
    assert tampered != body
    with pytest.raises(InvalidWebhook):
        offline_gateway.verify_webhook(tampered, signature)


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[1, 2]",
        b'{"id": "evt_1", "type": "x", "created": 1}',
        b'{"id": "evt_1", "type": "x", "created": 1, "data": []}',
        b'{"type": "x", "created": 1, "data": {"object": {}}}',
        b'{"id": "evt_1", "type": "x", "created": "soon", "data": {"object": {}}}',
    ],
)
def test_correctly_signed_garbage_is_refused(offline_gateway, webhook_secret, body):
    with pytest.raises(InvalidWebhook):
        offline_gateway.verify_webhook(body, sign(body, webhook_secret))
