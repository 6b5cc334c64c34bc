"""Run the pure row stages 1-5 in order and compose the lead's public title.

Duplicates (stage 6) and suppression (stage 7) need the database and run in leads/processing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from leadnexus.leads.validation import deliverability, normalisation, required, risk, validity
from leadnexus.leads.validation.deliverability import MxLookup
from leadnexus.leads.validation.results import (
    FileDefaults,
    Reason,
    RowContext,
    RowOutcome,
    StageResult,
    Status,
)

# The types live in results.py (the stages need them too); callers may import them from here.
__all__ = [
    "FileDefaults",
    "Reason",
    "RowOutcome",
    "StageResult",
    "Status",
    "compose_title",
    "run_row_stages",
]

TITLE_MAX_LENGTH = 200
TITLE_SEPARATOR = " · "


def compose_title(fields: dict[str, str | None]) -> str | None:
    """A preview title from public fields only, e.g. "VP of Sales · Software · California, US".

    Contact data (names, company, email) is never used: the title is shown before purchase.
    """
    location = ", ".join(part for part in (fields["region"], fields["country"]) if part)
    parts = [part for part in (fields["job_title"], fields["industry"], location) if part]
    if not parts:
        return None
    title = TITLE_SEPARATOR.join(parts)
    return title if len(title) <= TITLE_MAX_LENGTH else title[: TITLE_MAX_LENGTH - 1] + "…"


def run_row_stages(
    raw: dict[str, str],
    defaults: FileDefaults,
    *,
    check_mx: bool = False,
    mx_lookup: MxLookup | None = None,
    today: date | None = None,
) -> RowOutcome:
    """Stages 1-5 on one row's mapped cells; every stage runs so the report lists every problem."""
    ctx = RowContext(raw=raw, defaults=defaults, today=today or datetime.now(UTC).date())
    stages = [
        required.check(ctx),
        normalisation.check(ctx),
        validity.check(ctx),
        risk.check(ctx),
        deliverability.check(ctx, check_mx=check_mx, lookup=mx_lookup),
    ]
    if not ctx.fields["title"]:
        ctx.fields["title"] = compose_title(ctx.fields)
    return RowOutcome(
        fields=ctx.fields,
        stages=stages,
        rejected=any(stage.status == "fail" for stage in stages),
        flags=ctx.flags,
    )
