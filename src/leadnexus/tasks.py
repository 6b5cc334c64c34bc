"""Background jobs (Huey): SQLite storage on one machine, Redis when REDIS_URL is set."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from huey import Huey, RedisHuey, SqliteHuey, crontab

from leadnexus.config import PROJECT_ROOT, Settings
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
_bound: dict[str, object] = {}


def bind(database: Database, settings: Settings) -> None:
    """Jobs open their own sessions on the database of the process that runs them."""
    _bound["database"], _bound["settings"] = database, settings


def task_database() -> Database:
    if "database" not in _bound:
        raise RuntimeError("tasks.bind() was not called in this process")
    return _bound["database"]  # type: ignore[return-value]


def task_settings() -> Settings:
    if "settings" not in _bound:
        raise RuntimeError("tasks.bind() was not called in this process")
    return _bound["settings"]  # type: ignore[return-value]


@huey.periodic_task(crontab(minute="17"))
def purge_expired_refresh_tokens() -> int:
    """Hourly: expired refresh tokens can never be used again, so they need not be kept."""
    from leadnexus.auth.service import purge_expired_refresh_tokens as purge

    with task_database().session() as session:
        removed = purge(session=session)
    log.info("purged %d expired refresh tokens", removed)
    return removed


# Feature task modules register themselves on `huey`; the consumer imports only this module.
from leadnexus.leads import tasks as _lead_tasks  # noqa: E402, F401
from leadnexus.marketplace import tasks as _marketplace_tasks  # noqa: E402, F401
from leadnexus.notifications import tasks as _notification_tasks  # noqa: E402, F401
