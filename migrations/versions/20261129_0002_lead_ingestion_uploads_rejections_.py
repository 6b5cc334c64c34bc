"""lead ingestion: uploads, rejections, vendor mappings, suppressions, lead report columns

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 18:00:48.222139
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "suppressions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=254), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("created_by_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('email', 'domain')", name=op.f("ck_suppressions_kind_known")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_suppressions_created_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppressions")),
        sa.UniqueConstraint("kind", "value", name="uq_suppressions_kind_value"),
    )
    with op.batch_alter_table("suppressions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suppressions_created_by_id"), ["created_by_id"], unique=False
        )

    op.create_table(
        "uploads",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("vendor_id", sa.BigInteger(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("stored_name", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("encoding", sa.String(length=16), nullable=False),
        sa.Column("delimiter", sa.String(length=1), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("header_signature", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("defaults", sa.JSON(), nullable=False),
        sa.Column("rows_total", sa.Integer(), nullable=True),
        sa.Column("rows_done", sa.Integer(), server_default="0", nullable=False),
        sa.Column("accepted", sa.Integer(), server_default="0", nullable=False),
        sa.Column("accepted_with_warnings", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rejected", sa.Integer(), server_default="0", nullable=False),
        sa.Column("duplicates", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rejected_by_reason", sa.JSON(), nullable=False),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('uploaded', 'queued', 'processing', 'completed', 'failed')",
            name=op.f("ck_uploads_status_known"),
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"], ["users.id"], name=op.f("fk_uploads_vendor_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uploads")),
    )
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.create_index("ix_uploads_vendor_id_desc", ["vendor_id", "id"], unique=False)

    op.create_table(
        "vendor_mappings",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("vendor_id", sa.BigInteger(), nullable=False),
        sa.Column("header_signature", sa.String(length=64), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("defaults", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["users.id"],
            name=op.f("fk_vendor_mappings_vendor_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_mappings")),
        sa.UniqueConstraint("vendor_id", "header_signature", name="uq_vendor_mappings_sig"),
    )
    with op.batch_alter_table("vendor_mappings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vendor_mappings_vendor_id"), ["vendor_id"], unique=False
        )

    op.create_table(
        "upload_rejections",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("upload_id", sa.BigInteger(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("cells", sa.JSON(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["upload_id"],
            ["uploads.id"],
            name=op.f("fk_upload_rejections_upload_id_uploads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_upload_rejections")),
        sa.UniqueConstraint("upload_id", "row_number", name="uq_upload_rejections_row"),
    )
    with op.batch_alter_table("upload_rejections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_upload_rejections_upload_id"), ["upload_id"], unique=False
        )

    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("identity_key", sa.String(length=320), nullable=True))
        batch_op.add_column(sa.Column("annual_revenue", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("consent_source", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("consent_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("upload_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("source_row", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("validation_report", sa.JSON(), server_default="[]", nullable=False)
        )
        batch_op.add_column(sa.Column("risk_flags", sa.JSON(), server_default="[]", nullable=False))
        batch_op.add_column(
            sa.Column("score_breakdown", sa.JSON(), server_default="[]", nullable=False)
        )
        batch_op.add_column(sa.Column("score_version", sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f("ix_leads_identity_key"), ["identity_key"], unique=False)
        batch_op.create_unique_constraint("uq_leads_upload_row", ["upload_id", "source_row"])
        batch_op.create_foreign_key(
            batch_op.f("fk_leads_upload_id_uploads"), "uploads", ["upload_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_leads_upload_id_uploads"), type_="foreignkey")
        batch_op.drop_constraint("uq_leads_upload_row", type_="unique")
        batch_op.drop_index(batch_op.f("ix_leads_identity_key"))
        batch_op.drop_column("score_version")
        batch_op.drop_column("score_breakdown")
        batch_op.drop_column("risk_flags")
        batch_op.drop_column("validation_report")
        batch_op.drop_column("source_row")
        batch_op.drop_column("upload_id")
        batch_op.drop_column("consent_date")
        batch_op.drop_column("consent_source")
        batch_op.drop_column("annual_revenue")
        batch_op.drop_column("identity_key")

    with op.batch_alter_table("upload_rejections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_upload_rejections_upload_id"))

    op.drop_table("upload_rejections")
    with op.batch_alter_table("vendor_mappings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_mappings_vendor_id"))

    op.drop_table("vendor_mappings")
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.drop_index("ix_uploads_vendor_id_desc")

    op.drop_table("uploads")
    with op.batch_alter_table("suppressions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suppressions_created_by_id"))

    op.drop_table("suppressions")
