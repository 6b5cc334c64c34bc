"""review workflow: lead events, review rules, lead decision columns, trusted vendors

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 19:31:13.157254
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "review_rules",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("min_score", sa.Float(), nullable=True),
        sa.Column("require_no_risk_flags", sa.Boolean(), nullable=False),
        sa.Column("require_validation_passed", sa.Boolean(), nullable=False),
        sa.Column("trusted_vendors_only", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "min_score IS NULL OR (min_score >= 0 AND min_score <= 1)",
            name=op.f("ck_review_rules_score_0_1"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_review_rules_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_rules")),
    )
    with op.batch_alter_table("review_rules", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_rules_created_by_id"), ["created_by_id"], unique=False
        )

    op.create_table(
        "lead_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("lead_id", sa.BigInteger(), nullable=False),
        sa.Column("actor_id", sa.BigInteger(), nullable=True),
        sa.Column("rule_id", sa.BigInteger(), nullable=True),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_lead_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], name=op.f("fk_lead_events_lead_id_leads"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["rule_id"],
            ["review_rules.id"],
            name=op.f("fk_lead_events_rule_id_review_rules"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_events")),
    )
    with op.batch_alter_table("lead_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lead_events_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index("ix_lead_events_lead_id", ["lead_id", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lead_events_rule_id"), ["rule_id"], unique=False)

    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("rejection_reason", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("rejection_note", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    # Leads already waiting entered the queue when they were created.
    op.execute("UPDATE leads SET submitted_at = created_at")
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.alter_column(
            "submitted_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )
        batch_op.create_index(
            "ix_leads_review_queue",
            ["submitted_at", "id"],
            unique=False,
            sqlite_where=sa.text("status = 'pending_review'"),
            postgresql_where=sa.text("status = 'pending_review'"),
        )

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("is_trusted_vendor", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("is_trusted_vendor")

    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_leads_review_queue",
            sqlite_where=sa.text("status = 'pending_review'"),
            postgresql_where=sa.text("status = 'pending_review'"),
        )
        batch_op.drop_column("version")
        batch_op.drop_column("rejection_note")
        batch_op.drop_column("rejection_reason")
        batch_op.drop_column("decided_at")
        batch_op.drop_column("submitted_at")

    with op.batch_alter_table("lead_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lead_events_rule_id"))
        batch_op.drop_index("ix_lead_events_lead_id")
        batch_op.drop_index(batch_op.f("ix_lead_events_actor_id"))

    op.drop_table("lead_events")
    with op.batch_alter_table("review_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_rules_created_by_id"))

    op.drop_table("review_rules")
