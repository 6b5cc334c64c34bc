"""The Server-Sent Events body of GET /api/workflows/notifications/stream.

Each stream reads its user's new notifications from the database: when the broker rings
(another thread or, with Redis, another process notified the user) and at least every
`poll` seconds (another process without Redis: `make run`'s worker). Between reads it holds
no session and no connection.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from leadnexus.db import Database
from leadnexus.notifications import service
from leadnexus.notifications.live import Broker, streams_ending
from leadnexus.notifications.schemas import NotificationRead

# PostgreSQL hands out ids before commit, so a row can commit after a higher id was already
# streamed; rows this far behind the highest id sent are still looked for (and sent once).
LATE_COMMIT_SECONDS = 30.0
BATCH = 100


@dataclass(frozen=True)
class StreamConfig:
    lifetime: float
    poll: float
    ping: float
    retry_ms: int


def _event(event_id: int, payload: dict[str, object]) -> str:
    data = json.dumps(payload, separators=(",", ":"))
    return f"id: {event_id}\nevent: notification\ndata: {data}\n\n"


def event_stream(
    *, database: Database, broker: Broker, user_id: int, after_id: int, config: StreamConfig
) -> Iterator[str]:
    """`retry:`, then one `notification` event per new row, pings, until the lifetime ends.

    An event's id is the highest notification id sent so far, so Last-Event-ID resumes after
    everything this stream delivered even when a late commit was sent out of order.
    """
    yield f"retry: {config.retry_ms}\n\n"
    started = time.monotonic()
    deadline = started + config.lifetime
    next_ping = started + config.ping
    high = after_id
    # (when, highest id sent by then): the window below which rows are settled.
    marks: deque[tuple[float, int]] = deque([(started, high)])
    sent: dict[int, float] = {}
    with broker.subscribe(user_id) as subscription:
        while True:
            now = time.monotonic()
            while len(marks) > 1 and marks[1][0] <= now - LATE_COMMIT_SECONDS:
                marks.popleft()
            floor = marks[0][1]
            sent = {nid: at for nid, at in sent.items() if at > now - LATE_COMMIT_SECONDS - 1}
            with database.session() as session:
                rows = service.notifications_after(
                    session=session, user_id=user_id, after_id=high, limit=BATCH
                )
                if floor < high:
                    window = service.notification_ids_between(
                        session=session, user_id=user_id, after_id=floor, up_to_id=high
                    )
                    late = [nid for nid in window if nid not in sent]
                    if late:
                        rows = (
                            service.notifications_by_ids(session=session, user_id=user_id, ids=late)
                            + rows
                        )
                if rows:
                    unread = service.unread_count(session=session, user_id=user_id)
                    items = [NotificationRead.model_validate(row) for row in rows]
            if rows:
                for item in items:
                    high = max(high, item.id)
                    sent[item.id] = now
                    yield _event(
                        high,
                        {"notification": item.model_dump(mode="json"), "unread_count": unread},
                    )
                marks.append((now, high))
                next_ping = now + config.ping
                if len(items) >= BATCH:
                    continue  # more waiting: read on without sleeping
            now = time.monotonic()
            if now >= deadline or streams_ending():
                return
            if now >= next_ping:
                yield ": ping\n\n"
                next_ping = now + config.ping
            subscription.wait(min(config.poll, deadline - now, next_ping - now))
