"""Decimal major units (12.50 USD, 1250 JPY) to and from a provider's integer minor units."""

from __future__ import annotations

from decimal import Decimal

from leadnexus.payments.gateway import GatewayError

# Stripe's lists (https://docs.stripe.com/currencies#zero-decimal): amounts in these currencies
# are sent as whole units; the three-decimal ones in thousandths.
ZERO_DECIMAL = frozenset(
    {"BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA"}
    | {"PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"}
)
THREE_DECIMAL = frozenset({"BHD", "JOD", "KWD", "OMR", "TND"})


def decimal_places(currency: str) -> int:
    code = currency.upper()
    if code in ZERO_DECIMAL:
        return 0
    if code in THREE_DECIMAL:
        return 3
    return 2


def to_minor(amount: Decimal, currency: str) -> int:
    """12.50 USD -> 1250; refuses amounts finer than the currency (12.505 USD, 10.5 JPY)."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise GatewayError(f"{amount!r} is not an amount of money.", code="invalid_amount")
    minor = amount.scaleb(decimal_places(currency))
    if minor != minor.to_integral_value():
        raise GatewayError(
            f"{amount} has more decimal places than {currency.upper()} allows.",
            code="invalid_amount",
        )
    return int(minor)


def to_major(minor: int, currency: str) -> Decimal:
    """1250 USD cents -> Decimal('12.50'); 1250 JPY -> Decimal('1250')."""
    return Decimal(minor).scaleb(-decimal_places(currency))
