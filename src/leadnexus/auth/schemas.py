"""Request and response models of the auth API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from leadnexus.auth.passwords import MAX_LENGTH
from leadnexus.inputs import NoNulText


def normalise_email(value: str) -> str:
    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from exc
    return result.normalized.lower()


Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(normalise_email)]
Password = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LENGTH)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Company = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


class StrictInput(BaseModel):
    """Unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_max_length=10_000)


class RegisterIn(StrictInput, NoNulText):
    email: Email
    password: Password
    # Admins are created by admins (CLI or admin API), never by signing up.
    role: Literal["client", "vendor"]
    name: Name
    company: Company | None = None


class LoginIn(StrictInput, NoNulText):
    email: Email
    password: Password


class RefreshIn(StrictInput):
    refresh_token: Annotated[str, StringConstraints(max_length=200)] | None = None


class ProfileUpdate(StrictInput, NoNulText):
    name: Name | None = None
    company: Company | None = None


class PasswordChange(StrictInput, NoNulText):
    current_password: Password
    new_password: Password


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str
    company: str | None
    role: Literal["client", "vendor", "admin"]
    is_active: bool
    is_trusted_vendor: bool
    created_at: datetime
    last_login_at: datetime | None


class TokenOut(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 (a scheme name, not a secret)
    expires_in: int = Field(description="Seconds until the access token expires")
    user: UserRead
