"""Payments: one gateway interface; the Stripe SDK behind it is the only code that knows Stripe."""
