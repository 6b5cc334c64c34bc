"""Request and response models of the notifications API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from leadnexus.auth.schemas import StrictInput
from leadnexus.inputs import NoNulText
from leadnexus.notifications.models import NotificationType
from leadnexus.notifications.service import LINK_MAX, TITLE_MAX
from leadnexus.pagination import PageQuery


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    type: NotificationType
    title: str
    body: str | None
    link: str | None = Field(description="In-app path to open, e.g. /vendor/uploads/7")
    data: dict[str, Any]
    read_at: datetime | None
    created_at: datetime


class NotificationQuery(PageQuery):
    unread: bool = Field(default=False, description="Only unread notifications")


class NotificationPage(BaseModel):
    data: list[NotificationRead]
    next_cursor: str | None
    has_more: bool
    unread_count: int


class UnreadCount(BaseModel):
    unread_count: int


class StreamQuery(BaseModel):
    last_event_id: int | None = Field(
        default=None,
        ge=0,
        description="Resume after this event id (the Last-Event-ID header takes precedence)",
    )


# One boolean per notification type, generated from the enum so the two cannot drift apart.
EmailPreferences = create_model(  # type: ignore[call-overload]
    "EmailPreferences",
    __config__=ConfigDict(extra="forbid"),
    **{kind.value: (bool, ...) for kind in NotificationType},
)
EmailPreferencesUpdate = create_model(  # type: ignore[call-overload]
    "EmailPreferencesUpdate",
    __config__=ConfigDict(extra="forbid"),
    **{kind.value: (bool | None, None) for kind in NotificationType},
)


class PreferencesRead(BaseModel):
    email: EmailPreferences = Field(description="Send an email for this type of notification")  # type: ignore[valid-type]


class PreferencesUpdate(StrictInput):
    email: EmailPreferencesUpdate = Field(  # type: ignore[valid-type]
        description="Only the types given change; an unknown type is an error"
    )


InAppPath = Annotated[
    str,
    StringConstraints(max_length=LINK_MAX, pattern=r"^/([^/\s][^\s]*)?$"),
]


Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX)]
BODY_MAX = 5000


class AnnouncementCreate(StrictInput, NoNulText):
    title: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX)
    ]
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
    link: InAppPath | None = Field(default=None, description="In-app path, e.g. /client/search")
    audience: Literal["all", "clients", "vendors", "admins"]


class AnnouncementSent(BaseModel):
    recipients: int = Field(description="Active users of the audience who were notified")
