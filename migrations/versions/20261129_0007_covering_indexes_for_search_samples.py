"""search: covering indexes for totals and facets; the facet filters inside the text index

PostgreSQL only: the sample of matches that gives totals and facets is read from two covering
indexes instead of the table, and the text index also holds the facet filters (btree_gin).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 22:40:00
"""

from collections.abc import Sequence

from alembic import op

from leadnexus.marketplace import fts

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    fts.install_sample_indexes(op)
    fts.index_postgresql(
        op, filters=("industry", "country", "seniority", "company_size", "department")
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    fts.index_postgresql(op, filters=())
    op.execute("DROP EXTENSION IF EXISTS btree_gin")
    fts.uninstall_sample_indexes(op)
