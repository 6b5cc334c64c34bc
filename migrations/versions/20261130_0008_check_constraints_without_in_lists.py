"""check constraints without IN lists: SQLite built a temporary index per inserted row for each

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 00:30:00

SQLite evaluates `status IN ('a', 'b', …)` in a CHECK constraint by filling a temporary b-tree
with the list, once per inserted row: the leads table's three such checks were 40% of the
instructions of a bulk insert. The same rule written as `status = 'a' OR status = 'b' …` is
plain comparisons. PostgreSQL gets the same text, so both databases match the models.

SQLite cannot alter a constraint; its documented way for a change that leaves every stored row
valid and the file format alone is to edit the table's CREATE statement in sqlite_master
(https://www.sqlite.org/lang_altertable.html#otheralter). Copying the table instead would drop
its full-text triggers and partial indexes.
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, constraint, column, allowed values), as of this revision.
CHECKS = (
    (
        "leads",
        "ck_leads_status_known",
        "status",
        ("processing", "pending_review", "available", "sold", "withdrawn", "expired", "rejected"),
    ),
    (
        "leads",
        "ck_leads_validation_known",
        "validation_status",
        ("pending", "passed", "warning", "failed"),
    ),
    ("leads", "ck_leads_approval_known", "approval_status", ("pending", "approved", "rejected")),
    (
        "uploads",
        "ck_uploads_status_known",
        "status",
        ("uploaded", "queued", "processing", "completed", "failed"),
    ),
)


def _in_list(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return "(" + " OR ".join(f"{column} = {v!r}" for v in values) + ")"


def _rewrite(to_or_chain: bool) -> None:
    for table, name, column, values in CHECKS:
        old, new = _in_list(column, values), _one_of(column, values)
        if not to_or_chain:
            old, new = new, old
        if op.get_bind().dialect.name == "sqlite":
            _rewrite_sqlite(
                table, f"CONSTRAINT {name} CHECK ({old})", f"CONSTRAINT {name} CHECK ({new})"
            )
        else:
            op.drop_constraint(op.f(name), table, type_="check")
            op.create_check_constraint(op.f(name), table, new)


def _rewrite_sqlite(table: str, old: str, new: str) -> None:
    bind = op.get_bind()
    sql = bind.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"), {"t": table}
    ).scalar_one()
    if sql.count(old) != 1:
        raise RuntimeError(f"{table}: expected the constraint {old!r} once in {sql!r}")
    version = bind.execute(text("PRAGMA schema_version")).scalar_one()
    bind.execute(text("PRAGMA writable_schema = ON"))
    bind.execute(
        text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = :t"),
        {"sql": sql.replace(old, new), "t": table},
    )
    bind.execute(text(f"PRAGMA schema_version = {int(version) + 1}"))
    bind.execute(text("PRAGMA writable_schema = OFF"))
    problems = bind.execute(text("PRAGMA integrity_check")).scalars().all()
    if problems != ["ok"]:
        raise RuntimeError(f"{table}: integrity check after the rewrite: {problems}")


def upgrade() -> None:
    _rewrite(to_or_chain=True)


def downgrade() -> None:
    _rewrite(to_or_chain=False)
