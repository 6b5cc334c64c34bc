"""Row validation stages 1-5 (pure: no database, no Flask). Entry point: run_row_stages."""

from leadnexus.leads.validation.pipeline import compose_title, run_row_stages
from leadnexus.leads.validation.results import (
    FileDefaults,
    Reason,
    RowOutcome,
    StageResult,
    Status,
)

__all__ = [
    "FileDefaults",
    "Reason",
    "RowOutcome",
    "StageResult",
    "Status",
    "compose_title",
    "run_row_stages",
]
