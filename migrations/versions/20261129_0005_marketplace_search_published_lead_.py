"""marketplace search: published-lead indexes, full-text search, verified flags, saved searches

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 19:42:05.430368
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from leadnexus.marketplace import fts

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("query", sa.JSON(), nullable=False),
        sa.Column("alert", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_alert_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_saved_searches_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
        sa.UniqueConstraint("user_id", "name", name="uq_saved_searches_user_name"),
    )
    op.create_table(
        "saved_search_hits",
        sa.Column("saved_search_id", sa.BigInteger(), nullable=False),
        sa.Column("lead_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"],
            ["leads.id"],
            name=op.f("fk_saved_search_hits_lead_id_leads"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["saved_search_id"],
            ["saved_searches.id"],
            name=op.f("fk_saved_search_hits_saved_search_id_saved_searches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("saved_search_id", "lead_id", name=op.f("pk_saved_search_hits")),
    )
    with op.batch_alter_table("saved_search_hits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_saved_search_hits_lead_id"), ["lead_id"], unique=False)

    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("email_verified", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("phone_verified", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    # Index changes outside batch mode: SQLite would otherwise rebuild the whole table.
    op.drop_index("ix_leads_status_country", table_name="leads")
    op.drop_index("ix_leads_status_industry", table_name="leads")
    op.drop_index("ix_leads_status_price", table_name="leads")
    op.drop_index("ix_leads_status_published", table_name="leads")
    op.drop_index("ix_leads_status_score", table_name="leads")
    op.create_index(
        "ix_market_company_size",
        "leads",
        ["company_size", "published_at"],
        unique=False,
        sqlite_where=sa.text("status = 'available'"),
        postgresql_where=sa.text("status = 'available'"),
    )
    op.create_index(
        "ix_market_country",
        "leads",
        ["country", "published_at"],
        unique=False,
        sqlite_where=sa.text("status = 'available'"),
        postgresql_where=sa.text("status = 'available'"),
    )
    op.create_index(
        "ix_market_industry",
        "leads",
        ["industry", "published_at"],
        unique=False,
        sqlite_where=sa.text("status = 'available'"),
        postgresql_where=sa.text("status = 'available'"),
    )
    op.create_index(
        "ix_market_newest",
        "leads",
        ["published_at", "id"],
        unique=False,
        sqlite_where=sa.text("status = 'available'"),
        postgresql_where=sa.text("status = 'available'"),
    )
    op.create_index(
        "ix_market_price",
        "leads",
        ["price", "id"],
        unique=False,
        sqlite_where=sa.text("status = 'available'"),
        postgresql_where=sa.text("status = 'available'"),
    )
    op.create_index(
        "ix_market_score",
        "leads",
        ["lead_score", "id"],
        unique=False,
        sqlite_where=sa.text("status = 'available'"),
        postgresql_where=sa.text("status = 'available'"),
    )
    op.create_index(
        "ix_market_seniority",
        "leads",
        ["seniority", "published_at"],
        unique=False,
        sqlite_where=sa.text("status = 'available'"),
        postgresql_where=sa.text("status = 'available'"),
    )
    op.create_index(
        "ix_market_vendor",
        "leads",
        ["vendor_id", "published_at"],
        unique=False,
        sqlite_where=sa.text("status = 'available'"),
        postgresql_where=sa.text("status = 'available'"),
    )
    if op.get_bind().dialect.name == "sqlite":
        fts.install_sqlite(op)
    else:
        fts.install_postgresql(op)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        fts.uninstall_sqlite(op)
    else:
        fts.uninstall_postgresql(op)
    op.drop_index("ix_market_vendor", table_name="leads")
    op.drop_index("ix_market_seniority", table_name="leads")
    op.drop_index("ix_market_score", table_name="leads")
    op.drop_index("ix_market_price", table_name="leads")
    op.drop_index("ix_market_newest", table_name="leads")
    op.drop_index("ix_market_industry", table_name="leads")
    op.drop_index("ix_market_country", table_name="leads")
    op.drop_index("ix_market_company_size", table_name="leads")
    op.create_index("ix_leads_status_score", "leads", ["status", "lead_score"], unique=False)
    op.create_index("ix_leads_status_published", "leads", ["status", "published_at"], unique=False)
    op.create_index("ix_leads_status_price", "leads", ["status", "price"], unique=False)
    op.create_index("ix_leads_status_industry", "leads", ["status", "industry"], unique=False)
    op.create_index("ix_leads_status_country", "leads", ["status", "country"], unique=False)
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_column("phone_verified")
        batch_op.drop_column("email_verified")

    with op.batch_alter_table("saved_search_hits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_search_hits_lead_id"))

    op.drop_table("saved_search_hits")
    op.drop_table("saved_searches")
