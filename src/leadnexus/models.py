"""Imports every model so the metadata is complete (Alembic autogenerate, tests)."""

from leadnexus.audit.models import AuditEntry
from leadnexus.auth.models import RefreshToken, User
from leadnexus.db import Base
from leadnexus.leads.models import Lead, Suppression, Upload, UploadRejection, VendorMapping
from leadnexus.marketplace.models import Purchase
from leadnexus.notifications.models import Notification

__all__ = [
    "AuditEntry",
    "Base",
    "Lead",
    "Notification",
    "Purchase",
    "RefreshToken",
    "Suppression",
    "Upload",
    "UploadRejection",
    "User",
    "VendorMapping",
]
