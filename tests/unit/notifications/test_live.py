"""The live brokers: in-process, and Redis pub/sub between two "processes" (two brokers)."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest

from leadnexus.notifications.live import InProcessBroker, RedisBroker, StreamSlots, get_broker

REDIS_URL = os.environ.get("TEST_REDIS_URL")


def _wait_in_thread(subscription, timeout: float) -> dict:
    outcome: dict = {}

    def wait() -> None:
        outcome["woken"] = subscription.wait(timeout)
        outcome["at"] = time.monotonic()

    thread = threading.Thread(target=wait, daemon=True)
    thread.start()
    outcome["thread"] = thread
    return outcome


def test_in_process_publish_wakes_only_that_users_streams():
    broker = InProcessBroker()
    with (
        broker.subscribe(1) as mine,
        broker.subscribe(1) as my_other_tab,
        broker.subscribe(2) as other,
    ):
        broker.publish([1])
        assert mine.wait(1) is True and my_other_tab.wait(1) is True
        assert other.wait(0.05) is False
        assert mine.wait(0.05) is False  # one ring, one wake-up
        assert broker.hub.count() == 3
    assert broker.hub.count() == 0


def test_a_publish_before_the_wait_is_not_lost():
    broker = InProcessBroker()
    with broker.subscribe(7) as subscription:
        broker.publish([7])
        started = time.monotonic()
        assert subscription.wait(5) is True
        assert time.monotonic() - started < 0.1


def test_one_broker_per_process_and_url():
    assert get_broker(None) is get_broker(None)
    assert isinstance(get_broker(None), InProcessBroker)


def test_stream_slots_cap():
    slots = StreamSlots(2)
    assert slots.try_acquire() and slots.try_acquire()
    assert not slots.try_acquire()
    slots.release()
    assert slots.try_acquire() and slots.open == 2


@pytest.mark.skipif(not REDIS_URL, reason="needs TEST_REDIS_URL (CI sets it)")
def test_redis_carries_a_publish_to_another_process():
    channel = f"test-notifications-{uuid.uuid4().hex}"
    streams_side = RedisBroker(REDIS_URL, channel=channel)  # e.g. a gunicorn worker
    worker_side = RedisBroker(REDIS_URL, channel=channel)  # e.g. the Huey consumer
    with streams_side.subscribe(42) as subscription, streams_side.subscribe(43) as bystander:
        waiting = _wait_in_thread(subscription, timeout=3)
        time.sleep(0.1)
        sent = time.monotonic()
        worker_side.publish([42, 99])
        waiting["thread"].join(4)
        assert waiting["woken"] is True and waiting["at"] - sent < 0.5
        assert bystander.wait(0.1) is False
