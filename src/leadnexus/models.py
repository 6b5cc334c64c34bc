"""Imports every model so the metadata is complete (Alembic autogenerate, tests)."""

from leadnexus.audit.models import AuditEntry
from leadnexus.auth.models import RefreshToken, User
from leadnexus.db import Base
from leadnexus.leads.models import (
    Lead,
    LeadEvent,
    Suppression,
    Upload,
    UploadRejection,
    VendorMapping,
)
from leadnexus.marketplace.models import SavedSearch, SavedSearchHit
from leadnexus.notifications.models import EmailOutbox, Notification, NotificationPreference
from leadnexus.orders.models import (
    CartLine,
    IdempotencyRecord,
    Order,
    OrderLine,
    PaymentEvent,
    Purchase,
)
from leadnexus.review.models import ReviewRule

__all__ = [
    "AuditEntry",
    "Base",
    "CartLine",
    "EmailOutbox",
    "IdempotencyRecord",
    "Lead",
    "LeadEvent",
    "Notification",
    "NotificationPreference",
    "Order",
    "OrderLine",
    "PaymentEvent",
    "Purchase",
    "RefreshToken",
    "ReviewRule",
    "SavedSearch",
    "SavedSearchHit",
    "Suppression",
    "Upload",
    "UploadRejection",
    "User",
    "VendorMapping",
]
