"""Types shared by the row stages: what a stage reports and what the pipeline returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import phonenumbers

Status = Literal["pass", "warn", "fail", "not_checked"]

FIELD_NAMES = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "job_title",
    "seniority",
    "department",
    "company_name",
    "website",
    "company_size",
    "annual_revenue",
    "industry",
    "country",
    "region",
    "city",
    "linkedin_url",
    "description",
    "consent_source",
    "consent_date",
    "title",
)


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    field: str | None = None


@dataclass
class StageResult:
    stage: str
    status: Status
    reasons: list[Reason]


@dataclass(frozen=True)
class FileDefaults:
    industry: str | None = None
    default_country: str | None = None  # ISO-2
    consent_source: str | None = None


@dataclass
class RowOutcome:
    fields: dict[str, str | None]
    stages: list[StageResult]
    rejected: bool
    flags: set[str]


@dataclass
class RowContext:
    """Working state handed from stage to stage, so each expensive parse happens once per row."""

    raw: dict[str, str]
    defaults: FileDefaults
    today: date
    fields: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(FIELD_NAMES))
    flags: set[str] = field(default_factory=set)
    email_ascii_domain: str | None = None  # set only when the email is syntactically valid
    email_error: str | None = None
    email_domain: str | None = None  # registrable domain of a valid email
    phone_number: phonenumbers.PhoneNumber | None = None  # set only when the number is valid
    phone_region: str | None = None  # ISO-2 of a valid phone number ("001" when non-geographic)
    phone_type: int | None = None  # phonenumbers.PhoneNumberType of a valid phone number
    phone_error: str | None = None
    website_valid: bool | None = None
    linkedin_valid: bool | None = None


class StageReport:
    """Collects reasons with their severity; the worst severity becomes the stage status."""

    def __init__(self, stage: str) -> None:
        self.stage = stage
        self.reasons: list[Reason] = []
        self._failed = False
        self._warned = False

    def info(self, code: str, message: str, field: str | None = None) -> None:
        self.reasons.append(Reason(code, message, field))

    def warn(self, code: str, message: str, field: str | None = None) -> None:
        self._warned = True
        self.reasons.append(Reason(code, message, field))

    def fail(self, code: str, message: str, field: str | None = None) -> None:
        self._failed = True
        self.reasons.append(Reason(code, message, field))

    def result(self) -> StageResult:
        status: Status = "fail" if self._failed else "warn" if self._warned else "pass"
        return StageResult(self.stage, status, self.reasons)
