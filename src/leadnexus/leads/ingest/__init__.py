"""Ingestion: the upload, its job, row preparation and processing, in-file contacts; the CSV
reader with layout detection and column-mapping suggestions."""

from leadnexus.leads.ingest.mapping import CANONICAL_FIELDS, ColumnSuggestion, suggest_mapping
from leadnexus.leads.ingest.reader import (
    MAX_CELL_BYTES,
    CsvFormatError,
    CsvLayout,
    RawRow,
    iter_rows,
    read_sample,
    sniff,
)

__all__ = [
    "CANONICAL_FIELDS",
    "MAX_CELL_BYTES",
    "ColumnSuggestion",
    "CsvFormatError",
    "CsvLayout",
    "RawRow",
    "iter_rows",
    "read_sample",
    "sniff",
    "suggest_mapping",
]
