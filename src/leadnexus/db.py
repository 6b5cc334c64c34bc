"""Engine, sessions and the declarative base shared by every feature's models."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Engine,
    Integer,
    MetaData,
    Table,
    any_,
    bindparam,
    create_engine,
    event,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import DeclarativeBase, Session, SessionTransaction, sessionmaker
from sqlalchemy.types import TypeDecorator

from leadnexus.jsontext import JSONText

# Stable constraint names, so Alembic migrations can drop/alter them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BIGINT keys on PostgreSQL; SQLite only autoincrements an INTEGER PRIMARY KEY.
BigIntPK = BigInteger().with_variant(Integer, "sqlite")


def utcnow() -> datetime:
    return datetime.now(UTC)


log = logging.getLogger(__name__)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database (SQLite drops the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA cache_size=-16384")  # 16 MB: index pages of a big leads table
        # Without a limit the WAL file grows without bound under steady reads and writes.
        cursor.execute("PRAGMA journal_size_limit=67108864")
        # Checkpoint every 32 MB of WAL instead of every 4 MB: a bulk upload otherwise paid for a
        # checkpoint (copy + fsync of the hot index pages) on almost every batch commit.
        cursor.execute("PRAGMA wal_autocheckpoint=8192")
        cursor.close()


def _json_dumps(value: Any) -> str:
    # orjson: the JSON columns (validation reports, score breakdowns) are written per lead, and
    # the standard library encoder was a third of the cost of storing a lead.
    return orjson.dumps(value, default=str).decode()


def make_engine(url: str, **kwargs: Any) -> Engine:
    kwargs.setdefault("json_serializer", _json_dumps)
    kwargs.setdefault("json_deserializer", orjson.loads)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def point_lookup(session: Session, column: Any, values: set[str]) -> Any:
    """`column IN values` for a batch of exact-match lookups on an indexed column.

    On PostgreSQL a single array parameter (`= ANY`) instead of one bind per value, and index
    probes forced for the rest of the transaction: with a thousand values the planner otherwise
    estimates a large match and scans the whole table, batch after batch.
    """
    if session.get_bind().dialect.name != "postgresql":
        return column.in_(values)
    session.execute(text("SET LOCAL enable_seqscan = off"))
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))


def _with_python_defaults(
    table: Table, rows: list[dict[str, Any]], shared: dict[str, Any]
) -> list[dict[str, Any]]:
    """Fill the columns whose defaults live in Python (COPY doesn't run them)."""
    given = rows[0].keys() | shared.keys()
    missing = [c for c in table.columns if c.default is not None and c.name not in given]
    if not missing:
        return rows
    filled = []
    for row in rows:
        row = dict(row)
        for column in missing:
            default = column.default.arg  # type: ignore[union-attr]
            row[column.name] = default(None) if callable(default) else default
        filled.append(row)
    return filled


def bulk_insert(
    session: Session,
    table: Table,
    rows: list[dict[str, Any]],
    shared: dict[str, Any] | None = None,
) -> None:
    """Insert many rows with the same keys: COPY on PostgreSQL, executemany elsewhere.

    `shared` holds values that are the same for every row (the batch's vendor, upload and
    timestamps): they are converted for the database once, not once per row.
    COPY is several times faster than executemany on PostgreSQL for wide rows; SQLite's
    executemany is already a tight C loop.
    """
    if not rows:
        return
    connection = session.connection()
    shared = shared or {}
    if shared.keys() & rows[0].keys():
        raise ValueError(f"given per row and shared: {sorted(shared.keys() & rows[0].keys())}")
    rows = _with_python_defaults(table, rows, shared)
    names = list(rows[0])
    if connection.dialect.name != "postgresql":
        _executemany(connection, table, names, rows, shared)
        return
    _copy(connection, table, names, rows, shared)


def _copy(
    connection: Connection,
    table: Table,
    names: list[str],
    rows: list[dict],
    shared: dict[str, Any],
) -> None:
    """COPY the rows; JSON values are encoded here unless they come encoded (JSONText)."""
    json_positions = [i for i, name in enumerate(names) if _is_json(table, name)]
    tail = [_copy_json(v) if _is_json(table, n) else v for n, v in shared.items()]
    columns = ", ".join(f'"{name}"' for name in [*names, *shared])
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            values = [row[name] for name in names]
            values += tail
            for i in json_positions:
                values[i] = _copy_json(values[i])
            copy.write_row(values)


def _is_json(table: Table, name: str) -> bool:
    return isinstance(table.c[name].type, JSON)


def _copy_json(value: Any) -> Any:
    return value if isinstance(value, JSONText) else _json_dumps(value)


def _executemany(
    connection: Connection,
    table: Table,
    names: list[str],
    rows: list[dict],
    shared: dict[str, Any],
) -> None:
    """The DBAPI's executemany with each column's own bind processor applied once per value
    (a JSONText is already encoded: it goes as it is; a shared value is converted once).

    Same stored values as `connection.execute(table.insert(), rows)`, without SQLAlchemy's
    per-row parameter bookkeeping, which cost as much as SQLite's insert itself.
    """
    dialect = connection.dialect
    if dialect.paramstyle != "qmark":  # SQLite's; PostgreSQL takes COPY
        raise NotImplementedError(f"bulk_insert by executemany for {dialect.paramstyle}")
    processors = [
        (index, process)
        for index, name in enumerate(names)
        if (process := _bind_processor(table, name, dialect))
    ]
    tail = tuple(_bound(table, name, value, dialect) for name, value in shared.items())
    params = []
    for row in rows:
        values = [row[name] for name in names]
        for index, process in processors:
            value = values[index]
            if value is not None and not isinstance(value, JSONText):  # JSONText: as it is
                values[index] = process(value)
        params.append((*values, *tail))
    quote = dialect.identifier_preparer.quote
    columns = [*names, *shared]
    # Names quoted by the dialect, every value a bound parameter.
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "  # noqa: S608
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    connection.exec_driver_sql(statement, params)


def _bind_processor(table: Table, name: str, dialect: Dialect) -> Callable[[Any], Any] | None:
    return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)


def _bound(table: Table, name: str, value: Any, dialect: Dialect) -> Any:
    process = _bind_processor(table, name, dialect)
    if process is None or value is None or isinstance(value, JSONText):
        return value
    return process(value)


class Database:
    """One engine and session factory per app (web process, worker or CLI)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        session = self.session_factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


_AFTER_COMMIT = "leadnexus.after_commit"


def run_after_commit(session: Session, callback: Callable[[], None]) -> None:
    """Run `callback` once the session's transaction commits; never if it rolls back.

    For work that must only follow committed data (queueing a job that reads it).
    """
    session.info.setdefault(_AFTER_COMMIT, []).append(callback)


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    for callback in session.info.pop(_AFTER_COMMIT, []):
        try:
            callback()
        except Exception:
            # The commit stands; a failed follow-up is logged, not raised into the caller.
            log.exception("after-commit work failed")


@event.listens_for(Session, "after_transaction_end")
def _forget_after_commit(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_AFTER_COMMIT, None)
