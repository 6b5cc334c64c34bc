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
from leadnexus.marketplace.models import Purchase, SavedSearch, SavedSearchHit
from leadnexus.notifications.models import EmailOutbox, Notification, NotificationPreference
from leadnexus.review.models import ReviewRule

__all__ = [
    "AuditEntry",
    "Base",
    "EmailOutbox",
    "Lead",
    "LeadEvent",
    "Notification",
    "NotificationPreference",
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
