"""Live fan-out of "user N has something new": Redis pub/sub across processes, or in-process.

A message only wakes a user's open streams; the stream then reads the new rows from the
database, so a message that is lost (or a process without Redis) costs at most one poll
interval, never a missing or duplicated event.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from typing import Protocol

import redis

log = logging.getLogger(__name__)

CHANNEL = "leadnexus:notifications"


class Subscription:
    """One open stream's doorbell: `wait()` returns early when the broker rings it."""

    def __init__(self, hub: _LocalHub, user_id: int) -> None:
        self._hub = hub
        self.user_id = user_id
        self._event = threading.Event()

    def ring(self) -> None:
        self._event.set()

    def wait(self, timeout: float) -> bool:
        """Sleep up to `timeout` seconds; True if woken by a publish."""
        woken = self._event.wait(max(0.0, timeout))
        self._event.clear()
        return woken

    def close(self) -> None:
        self._hub.remove(self)

    def __enter__(self) -> Subscription:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class _LocalHub:
    """The subscriptions of this process, by user."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_user: dict[int, set[Subscription]] = {}

    def add(self, user_id: int) -> Subscription:
        subscription = Subscription(self, user_id)
        with self._lock:
            self._by_user.setdefault(user_id, set()).add(subscription)
        return subscription

    def remove(self, subscription: Subscription) -> None:
        with self._lock:
            subscribers = self._by_user.get(subscription.user_id)
            if subscribers is not None:
                subscribers.discard(subscription)
                if not subscribers:
                    del self._by_user[subscription.user_id]

    def ring(self, user_ids: Iterable[int]) -> None:
        with self._lock:
            targets = [s for uid in set(user_ids) for s in self._by_user.get(uid, ())]
        for subscription in targets:
            subscription.ring()

    def ring_all(self) -> None:
        with self._lock:
            targets = [s for subscribers in self._by_user.values() for s in subscribers]
        for subscription in targets:
            subscription.ring()

    def count(self) -> int:
        with self._lock:
            return sum(len(s) for s in self._by_user.values())


class Broker(Protocol):
    def publish(self, user_ids: Iterable[int]) -> None: ...

    def subscribe(self, user_id: int) -> Subscription: ...


class InProcessBroker:
    """One process (development, tests): publishers and streams share memory."""

    def __init__(self) -> None:
        self.hub = _LocalHub()

    def publish(self, user_ids: Iterable[int]) -> None:
        self.hub.ring(user_ids)

    def subscribe(self, user_id: int) -> Subscription:
        return self.hub.add(user_id)


class RedisBroker:
    """Many processes: one channel, user ids in the message, one listener thread per process."""

    def __init__(self, url: str, channel: str = CHANNEL) -> None:
        self.url = url
        self.channel = channel
        self.hub = _LocalHub()
        self._client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        self._listener: threading.Thread | None = None
        self._ready = threading.Event()
        self._lock = threading.Lock()

    def publish(self, user_ids: Iterable[int]) -> None:
        ids = sorted(set(user_ids))
        if not ids:
            return
        # Batches keep a big announcement to a few round trips and messages.
        with self._client.pipeline(transaction=False) as pipe:
            for start in range(0, len(ids), 500):
                pipe.publish(self.channel, ",".join(map(str, ids[start : start + 500])))
            pipe.execute()

    def subscribe(self, user_id: int) -> Subscription:
        self._ensure_listener()
        return self.hub.add(user_id)

    def _ensure_listener(self) -> None:
        with self._lock:
            if self._listener is None or not self._listener.is_alive():
                self._ready.clear()
                self._listener = threading.Thread(
                    target=self._listen, name="notifications-redis", daemon=True
                )
                self._listener.start()
        # Subscribed before the first stream queries, so nothing published after it is missed.
        self._ready.wait(timeout=2)

    def _listen(self) -> None:
        while True:
            pubsub = None
            try:
                pubsub = redis.Redis.from_url(
                    self.url, socket_connect_timeout=5, health_check_interval=30
                ).pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self.channel)
                self._ready.set()
                for message in pubsub.listen():
                    if message.get("type") == "message":
                        self.hub.ring(_user_ids(message["data"]))
            except redis.RedisError:
                # Streams keep polling the database meanwhile; try again shortly.
                log.warning("notification channel lost; reconnecting", exc_info=True)
                time.sleep(1)
            finally:
                if pubsub is not None:
                    pubsub.close()


def _user_ids(raw: bytes | str) -> list[int]:
    text = raw.decode() if isinstance(raw, bytes) else raw
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


_brokers: dict[str | None, InProcessBroker | RedisBroker] = {}
_brokers_lock = threading.Lock()
_ending = threading.Event()


def end_all_streams() -> None:
    """The server is stopping: every open stream of this process ends at once (and the
    clients reconnect elsewhere) instead of holding the shutdown for its grace period."""
    _ending.set()
    with _brokers_lock:
        hubs = [broker.hub for broker in _brokers.values()]
    for hub in hubs:
        hub.ring_all()


def streams_ending() -> bool:
    return _ending.is_set()


def get_broker(redis_url: str | None) -> Broker:
    """The process's broker: Redis when configured, in-process otherwise (one per URL)."""
    with _brokers_lock:
        broker = _brokers.get(redis_url)
        if broker is None:
            broker = RedisBroker(redis_url) if redis_url else InProcessBroker()
            _brokers[redis_url] = broker
        return broker


class StreamSlots:
    """A non-blocking cap on the open streams of one process (each holds a server thread)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._open = 0
        self._lock = threading.Lock()

    @property
    def open(self) -> int:
        return self._open

    def try_acquire(self) -> bool:
        with self._lock:
            if self._open >= self.limit:
                return False
            self._open += 1
            return True

    def release(self) -> None:
        with self._lock:
            self._open = max(0, self._open - 1)
