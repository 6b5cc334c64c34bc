"""fuzzy name + company duplicates: leads are found by company, their names compared in Python

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 22:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch copy: on SQLite a copy would drop the full-text triggers.
    op.add_column("leads", sa.Column("company_key", sa.String(length=200), nullable=True))
    # identity_key is "name|company", and folding never leaves a "|" inside either part.
    company = (
        "split_part(identity_key, '|', 2)"
        if op.get_bind().dialect.name == "postgresql"
        else "substr(identity_key, instr(identity_key, '|') + 1)"
    )
    op.execute(
        f"UPDATE leads SET company_key = substr({company}, 1, 200) "  # noqa: S608 - constant
        "WHERE identity_key IS NOT NULL"
    )
    op.drop_index("ix_leads_identity_key", table_name="leads")
    op.create_index("ix_leads_company_key", "leads", ["company_key"])


def downgrade() -> None:
    op.drop_index("ix_leads_company_key", table_name="leads")
    op.create_index("ix_leads_identity_key", "leads", ["identity_key"])
    op.drop_column("leads", "company_key")
