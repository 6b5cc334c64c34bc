"""The one place that picks the gateway for a configuration."""

from __future__ import annotations

from leadnexus.config import Settings
from leadnexus.payments.gateway import PaymentGateway


def make_gateway(settings: Settings) -> PaymentGateway:
    """Stripe's SDK, aimed at localstripe or at Stripe by `settings.stripe_api_base`."""
    from leadnexus.payments.stripe_gateway import StripeGateway  # the SDK loads on first use

    return StripeGateway(
        settings.stripe_secret_key,
        settings.stripe_webhook_secret,
        settings.stripe_api_base,
    )
