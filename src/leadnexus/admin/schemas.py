"""Admin API models."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from leadnexus.auth.schemas import StrictInput, UserRead
from leadnexus.inputs import NoNulText
from leadnexus.pagination import PageQuery


class UserListQuery(PageQuery):
    q: str | None = Field(default=None, max_length=200, description="Email, name or company")
    role: Literal["client", "vendor", "admin"] | None = None
    is_active: bool | None = None


class UserPage(BaseModel):
    data: list[UserRead]
    next_cursor: str | None
    has_more: bool


class UserAdminUpdate(StrictInput):
    is_active: bool | None = None
    role: Literal["client", "vendor", "admin"] | None = None
    is_trusted_vendor: bool | None = None


class AuditEntryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    actor_id: int | None
    actor_email: str | None
    action: str
    target_type: str
    target_id: str | None
    data: dict[str, Any]
    created_at: datetime


class AuditPage(BaseModel):
    data: list[AuditEntryRead]
    next_cursor: str | None
    has_more: bool


class SuppressionCreate(StrictInput, NoNulText):
    kind: Literal["email", "domain"]
    value: str = Field(min_length=3, max_length=254)
    reason: str | None = Field(default=None, max_length=200)


class SuppressionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    value: str
    reason: str | None
    created_at: datetime


class SuppressionCreated(SuppressionRead):
    leads_removed: int = Field(description="Open leads matching the entry, taken off the market")


class SuppressionQuery(PageQuery):
    q: str | None = Field(default=None, max_length=254)


class SuppressionPage(BaseModel):
    data: list[SuppressionRead]
    next_cursor: str | None
    has_more: bool
