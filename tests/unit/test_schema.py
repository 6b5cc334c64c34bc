"""The migration history builds the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from leadnexus.audit.models import AuditEntry
from leadnexus.cli import migrate
from leadnexus.config import PROJECT_ROOT
from leadnexus.db import Base, make_engine
from leadnexus.marketplace.fts import outside_metadata


def test_migrations_match_the_models(database_url):
    engine = make_engine(database_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": outside_metadata})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_base_and_back(database_url):
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", database_url)
    command.downgrade(config, "base")
    engine = make_engine(database_url)
    assert "users" not in inspect(engine).get_table_names()
    migrate(database_url)
    assert {"users", "leads", "purchases", "audit_log"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_every_foreign_key_is_indexed(database_url):
    engine = make_engine(database_url)
    inspector = inspect(engine)
    for table in Base.metadata.sorted_tables:
        indexed = {tuple(ix["column_names"][:1]) for ix in inspector.get_indexes(table.name)}
        indexed |= {
            tuple(u["column_names"][:1]) for u in inspector.get_unique_constraints(table.name)
        }
        # A primary key is an index too (a one-row-per-user table keyed by its user_id).
        indexed.add(tuple(inspector.get_pk_constraint(table.name)["constrained_columns"][:1]))
        for fk in inspector.get_foreign_keys(table.name):
            assert tuple(fk["constrained_columns"][:1]) in indexed, (table.name, fk)
    engine.dispose()


def test_audit_log_is_append_only(session, make):
    user = make.user()
    session.add(AuditEntry(actor_id=user.id, action="x", target_type="user", data={}))
    session.commit()
    with pytest.raises(DBAPIError, match="append-only"):
        session.execute(text("UPDATE audit_log SET action = 'y'"))
    session.rollback()
    with pytest.raises(DBAPIError, match="append-only"):
        session.execute(text("DELETE FROM audit_log"))
    session.rollback()


def test_lead_constraints_hold(session, make):
    vendor = make.user()
    insert = text(
        "INSERT INTO leads (vendor_id, title, price, currency, status, validation_status,"
        " approval_status, max_sales, sales_count, created_at, updated_at, submitted_at)"
        " VALUES (:v, 't', :price, 'USD', 'available', 'passed', 'approved', 1, :sold,"
        " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
    )
    session.execute(insert, {"v": vendor.id, "price": 10, "sold": 1})
    session.commit()
    for bad in ({"price": -1, "sold": 0}, {"price": 10, "sold": 2}):
        with pytest.raises(IntegrityError):
            session.execute(insert, {"v": vendor.id, **bad})
        session.rollback()
    for column in ("status", "validation_status", "approval_status"):
        with pytest.raises(IntegrityError):
            session.execute(
                text(f"UPDATE leads SET {column} = 'made_up' WHERE vendor_id = :v"),  # noqa: S608
                {"v": vendor.id},
            )
        session.rollback()


def test_status_checks_are_comparisons_not_in_lists(database_url):
    # SQLite fills a temporary index per inserted row for an IN list in a CHECK (migration 0008).
    engine = make_engine(database_url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            tables = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE name IN ('leads', 'uploads')")
            ).scalars()
            checks = [part for sql in tables for part in sql.split("CONSTRAINT") if "CHECK" in part]
        else:
            checks = (
                conn.execute(
                    text(
                        "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                        " WHERE contype = 'c' AND conrelid IN ('leads'::regclass, 'uploads'::regclass)"
                    )
                )
                .scalars()
                .all()
            )
    engine.dispose()
    status_checks = [c for c in checks if "status" in c]
    assert len(status_checks) == 4
    assert not [c for c in status_checks if " IN (" in c.upper() or "ANY" in c.upper()]


def test_company_keys_are_backfilled_from_identity_keys(database_url, make):
    vendor = make.user()
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO leads (vendor_id, title, price, currency, status, validation_status,"
                " approval_status, max_sales, sales_count, created_at, updated_at, submitted_at,"
                " identity_key) VALUES (:v, 't', 10, 'USD', 'pending_review', 'passed',"
                " 'pending', 1, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                " 'ada lovelace|analytical engines')"
            ),
            {"v": vendor.id},
        )
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", database_url)
    command.downgrade(config, "0005")
    migrate(database_url)
    with engine.connect() as conn:
        keys = conn.execute(text("SELECT company_key FROM leads")).scalars().all()
    engine.dispose()
    assert keys == ["analytical engines"]
