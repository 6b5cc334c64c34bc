"""search: covering indexes for totals and facets; the facet filters inside the text index

On PostgreSQL the sample of matches that gives totals and facets is read from two covering
indexes instead of the table, and the text index also holds the facet filters (btree_gin).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from leadnexus.marketplace import fts

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PUBLISHED = sa.text("status = 'available'")
# leads.models.SEARCH_FILTER_COLUMNS as of this revision (a migration keeps its own copy).
FILTERS = [
    "industry",
    "country",
    "seniority",
    "company_size",
    "department",
    "email_verified",
    "phone_verified",
    "lead_score",
    "price",
    "published_at",
    "max_sales",
    "vendor_id",
]


def upgrade() -> None:
    op.create_index(
        "ix_market_sample",
        "leads",
        ["id"],
        postgresql_include=FILTERS,
        postgresql_where=PUBLISHED,
        sqlite_where=PUBLISHED,
    )
    op.create_index(
        "ix_market_facets",
        "leads",
        ["industry", "country", "seniority"],
        postgresql_include=["id", *FILTERS[3:]],
        postgresql_where=PUBLISHED,
        sqlite_where=PUBLISHED,
    )

    if op.get_bind().dialect.name == "postgresql":
        fts.index_postgresql(
            op, filters=("industry", "country", "seniority", "company_size", "department")
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        fts.index_postgresql(op, filters=())
        op.execute("DROP EXTENSION IF EXISTS btree_gin")
    op.drop_index("ix_market_facets", table_name="leads")
    op.drop_index("ix_market_sample", table_name="leads")
