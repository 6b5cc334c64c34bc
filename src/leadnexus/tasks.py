"""Background jobs (Huey): SQLite storage on one machine, Redis when REDIS_URL is set."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from huey import Huey, RedisHuey, SqliteHuey, crontab

from leadnexus.config import PROJECT_ROOT
from leadnexus.db import Database

log = logging.getLogger(__name__)


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
_database: Database | None = None


def bind_database(database: Database) -> None:
    """Jobs open their own sessions on the database of the process that runs them."""
    global _database
    _database = database


def task_database() -> Database:
    if _database is None:
        raise RuntimeError("tasks.bind_database() was not called in this process")
    return _database


@huey.periodic_task(crontab(minute="17"))
def purge_expired_refresh_tokens() -> int:
    """Hourly: expired refresh tokens can never be used again, so they need not be kept."""
    from leadnexus.auth.service import purge_expired_refresh_tokens as purge

    with task_database().session() as session:
        removed = purge(session=session)
    log.info("purged %d expired refresh tokens", removed)
    return removed
