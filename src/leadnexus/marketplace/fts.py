"""Search objects the models don't describe: full-text search over published leads (FTS5 on
SQLite, tsvector + GIN on PostgreSQL), and PostgreSQL's covering indexes for totals and facets.

Only published (`available`) leads are indexed, so a lead waiting in review costs the text index
nothing. The text is public preview text only (title, job title, industry, city, description;
normalisation hides contact details in title and description), so a search can never be used
to probe contact data.

SQLite: an external-content FTS5 table kept in step by triggers. Alembic's batch mode rebuilds a
table to alter it, and a rebuild drops its triggers: a migration that batch-alters `leads` on
SQLite must call `install_sqlite(op)` again afterwards.
"""

from __future__ import annotations

from typing import Any

FTS_TABLE = "leads_fts"
PG_COLUMN = "search_vector"
PG_INDEX = "ix_market_search"
# Totals and facets read up to ~1,000 matches' facet values, the first in id order (an unbiased
# sample). These carry every filter column, so PostgreSQL answers from the index alone (~100
# bytes a lead) instead of ~1,000 random pages of the table: in id order when matches are
# common, by the leading filters (industry, or country) when they are rare. SQLite has no
# INCLUDE: without it these would only mislead its planner (a sort instead of walking
# ix_market_industry by date).
_FILTERS = "company_size, department, email_verified, phone_verified, lead_score, price, " + (
    "published_at, max_sales, vendor_id"
)
PG_SAMPLE_INDEXES = {
    "ix_market_sample": f"(id) INCLUDE (industry, country, seniority, {_FILTERS})",
    "ix_market_facets": f"(industry, country, seniority) INCLUDE (id, {_FILTERS})",
    # Country + seniority without an industry (DE + C-level + score): 40-600 ms -> under 40.
    "ix_market_places": f"(country, seniority, industry) INCLUDE (id, {_FILTERS})",
}
COLUMNS = ("title", "job_title", "industry", "city", "description")
# Title and job title weigh most, then industry and city, then the description.
SQLITE_WEIGHTS = (10.0, 10.0, 4.0, 4.0, 1.0)
PG_DOCUMENT = " || ".join(
    f"setweight(to_tsvector('english', {text}), '{weight}')"
    for text, weight in (
        ("coalesce(title, '') || ' ' || coalesce(job_title, '')", "A"),
        ("coalesce(industry, '') || ' ' || coalesce(city, '')", "B"),
        ("coalesce(description, '')", "C"),
    )
)

_cols = ", ".join(COLUMNS)
_new = ", ".join(f"new.{c}" for c in COLUMNS)
_old = ", ".join(f"old.{c}" for c in COLUMNS)
# DDL assembled from the constants above only; nothing here comes from input.
_add = f"INSERT INTO {FTS_TABLE}(rowid, {_cols}) VALUES (new.id, {_new});"  # noqa: S608
_remove = (
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_cols})"  # noqa: S608
    f" VALUES ('delete', old.id, {_old});"
)

SQLITE_TRIGGERS = {
    "leads_fts_insert": f"AFTER INSERT ON leads WHEN new.status = 'available' BEGIN {_add} END",
    "leads_fts_delete": f"AFTER DELETE ON leads WHEN old.status = 'available' BEGIN {_remove} END",
    "leads_fts_publish": (
        "AFTER UPDATE OF status ON leads"
        f" WHEN new.status = 'available' AND old.status <> 'available' BEGIN {_add} END"
    ),
    "leads_fts_unpublish": (
        "AFTER UPDATE OF status ON leads"
        f" WHEN old.status = 'available' AND new.status <> 'available' BEGIN {_remove} END"
    ),
    "leads_fts_edit": (
        f"AFTER UPDATE OF {_cols} ON leads"
        f" WHEN old.status = 'available' AND new.status = 'available' BEGIN {_remove} {_add} END"
    ),
}


def install_sqlite(op: Any) -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5({_cols}, content='leads',"
        " content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
    )
    for name, body in SQLITE_TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")  # noqa: S608


def uninstall_sqlite(op: Any) -> None:
    for name in SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def install_postgresql(op: Any) -> None:
    """A stored vector, computed only for published leads (NULL costs nothing while a lead waits
    in review), so ranking reads it instead of re-parsing the text of every match."""
    op.execute(
        f"ALTER TABLE leads ADD COLUMN IF NOT EXISTS {PG_COLUMN} tsvector GENERATED ALWAYS AS"
        f" (CASE WHEN status = 'available' THEN {PG_DOCUMENT} END) STORED"
    )
    index_postgresql(op, filters=())


def index_postgresql(op: Any, *, filters: tuple[str, ...]) -> None:
    """(Re)create the text index, with these filter columns in it (they need btree_gin).

    With the facet filters inside (migration 0007), a common word AND a country is one bitmap
    of the leads matching both. With the word alone, "supply chain" in France read every lead
    saying it (a sixth of a million) to keep the French ones: 430 ms instead of 14.
    """
    if filters:
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
    columns = ", ".join((PG_COLUMN, *filters))
    op.execute(f"CREATE INDEX {PG_INDEX} ON leads USING gin ({columns}) WHERE status = 'available'")


def install_sample_indexes(op: Any) -> None:
    for name, columns in PG_SAMPLE_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON leads {columns} WHERE status = 'available'")


def uninstall_sample_indexes(op: Any) -> None:
    for name in PG_SAMPLE_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")


def uninstall_postgresql(op: Any) -> None:
    op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
    op.execute(f"ALTER TABLE leads DROP COLUMN IF EXISTS {PG_COLUMN}")


def outside_metadata(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic `include_name`: the search objects are managed here, not by the models."""
    ours = (PG_INDEX, PG_COLUMN, *PG_SAMPLE_INDEXES)
    return not (name and (name.startswith(FTS_TABLE) or name in ours))
