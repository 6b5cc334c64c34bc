from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from leadnexus.auth import tasks
from leadnexus.auth.models import RefreshToken
from leadnexus.auth.service import start_session
from leadnexus.db import utcnow


def test_expired_refresh_tokens_are_purged_by_the_worker_job(database, settings, make):
    user = make.user()
    with database.session() as session:
        start_session(session=session, user=user, settings=settings)
        start_session(session=session, user=user, settings=settings)
        expired = session.scalars(select(RefreshToken)).first()
        expired.expires_at = utcnow() - timedelta(minutes=1)

    removed = tasks.purge_expired_refresh_tokens.call_local()

    assert removed == 1
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(RefreshToken)) == 1
