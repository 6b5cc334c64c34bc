"""The job queue (Huey): SQLite storage on one machine, Redis when REDIS_URL is set.

A leaf: it knows how jobs are queued and bound to a database, and imports no feature. Features
declare their jobs in their own `tasks.py`; the worker's entry point (`leadnexus.worker`)
imports them all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from huey import Huey, RedisHuey, SqliteHuey

from leadnexus.config import PROJECT_ROOT, Settings
from leadnexus.db import Database


def _make_huey() -> Huey:
    """Built from the environment at import, because the consumer imports this module."""
    if os.environ.get("LEADNEXUS_ENV") == "test":
        return Huey("leadnexus", immediate=True)
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        return RedisHuey("leadnexus", url=redis_url)
    instance = Path(os.environ.get("INSTANCE_DIR", str(PROJECT_ROOT / "instance")))
    instance.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("leadnexus", filename=str(instance / "huey.db"))


huey = _make_huey()


@dataclass
class _Binding:
    database: Database | None = None
    settings: Settings | None = None


_bound = _Binding()


def bind(database: Database, settings: Settings) -> None:
    """Jobs open their own sessions on the database of the process that runs them."""
    _bound.database, _bound.settings = database, settings


def task_database() -> Database:
    if _bound.database is None:
        raise RuntimeError("queue.bind() was not called in this process")
    return _bound.database


def task_settings() -> Settings:
    if _bound.settings is None:
        raise RuntimeError("queue.bind() was not called in this process")
    return _bound.settings
