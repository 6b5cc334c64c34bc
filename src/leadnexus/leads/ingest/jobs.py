"""The background job that runs an upload through the pipeline, batch by batch.

Each batch (its leads, its rejected rows and the progress counters) commits as one transaction,
so a job killed at any point resumes exactly after the last committed batch; the unique
(upload_id, row number) constraints make a repeated batch impossible rather than unlikely.
"""

from __future__ import annotations

import gc
import logging
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from functools import partial
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, text, update
from sqlalchemy.orm import Session

from leadnexus.db import Database, bulk_insert, utcnow
from leadnexus.leads.ingest.contacts import ContactSet
from leadnexus.leads.ingest.preparation import Prepared, PricePolicy, helper_init, prepare_batch
from leadnexus.leads.ingest.processing import Evaluated, KnownContacts, count_reasons, finish_rows
from leadnexus.leads.ingest.reader import RawRow, count_rows, iter_rows
from leadnexus.leads.ingest.uploads import layout_of, upload_path
from leadnexus.leads.models import Lead, Upload, UploadRejection, UploadStatus
from leadnexus.leads.validation.pipeline import FileDefaults

log = logging.getLogger(__name__)

BATCH_SIZE = 1000
# Below this many rows, starting worker processes costs more than it saves.
PARALLEL_MIN_ROWS = 5000
ANALYZE_EVERY = 20  # batches
LEASE = timedelta(minutes=2)
ACTIVE = (UploadStatus.QUEUED.value, UploadStatus.PROCESSING.value)


def claim(database: Database, upload_id: int) -> bool:
    """Take the upload's lease unless a live job holds it (conditional update: one winner)."""
    now = utcnow()
    with database.session() as session:
        claimed = session.execute(
            update(Upload)
            .where(
                Upload.id == upload_id,
                Upload.status.in_(ACTIVE),
                or_(Upload.lease_until.is_(None), Upload.lease_until < now),
            )
            .values(status=UploadStatus.PROCESSING.value, lease_until=now + LEASE)
        ).rowcount
    return claimed == 1


def stalled_upload_ids(database: Database) -> list[int]:
    """Queued or processing uploads whose job died (lease expired) or never started."""
    with database.session() as session:
        return list(
            session.scalars(
                select(Upload.id).where(
                    Upload.status.in_(ACTIVE),
                    or_(Upload.lease_until.is_(None), Upload.lease_until < utcnow()),
                )
            )
        )


def file_defaults(defaults: dict[str, Any]) -> FileDefaults:
    return FileDefaults(
        industry=defaults.get("industry"),
        default_country=defaults.get("default_country"),
        consent_source=defaults.get("consent_source"),
    )


def price_policy(defaults: dict[str, Any]) -> PricePolicy:
    """Defaults were validated by the API (UploadDefaults); absent parts keep the policy's own."""
    price = {k: v for k, v in (defaults.get("price") or {}).items() if v is not None}
    fallback = PricePolicy()
    return PricePolicy(
        mode=price.get("mode", fallback.mode),
        amount=Decimal(str(price.get("amount", fallback.amount))),
        minimum=Decimal(str(price.get("min", fallback.minimum))),
        maximum=Decimal(str(price.get("max", fallback.maximum))),
        currency=defaults.get("currency", fallback.currency),
    )


def _batches(rows: Iterator[RawRow], size: int) -> Iterator[list[RawRow]]:
    while batch := list(islice(rows, size)):
        yield batch


def _prepared(
    batches: Iterator[list[RawRow]],
    prepare: Callable[[list[RawRow]], list[Prepared]],
    *,
    parallel: bool,
) -> Iterator[tuple[list[RawRow], list[Prepared]]]:
    """Stages 1-5 in worker processes for big files, in order, a few batches ahead of the writer.

    The pure stages are most of the CPU; the database part stays in this process, so duplicates
    within the file are still checked in row order.
    """
    workers = os.cpu_count() or 1
    if not parallel or workers < 2:
        for batch in batches:
            yield batch, prepare(batch)
        return
    # spawn, not fork: this process may be a threaded Huey consumer. A spawned helper imports
    # only `preparation` (no SQLAlchemy, no Flask), which keeps each one ~40 MB smaller.
    context = get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=helper_init) as pool:
        ahead: deque[tuple[list[RawRow], Future[list[Prepared]]]] = deque()
        for batch in batches:
            ahead.append((batch, pool.submit(prepare, batch)))
            if len(ahead) > workers * 2:
                done_batch, future = ahead.popleft()
                yield done_batch, future.result()
        while ahead:
            done_batch, future = ahead.popleft()
            yield done_batch, future.result()


def _refresh_statistics(session: Session) -> None:
    """A big upload can grow the leads table faster than autovacuum re-plans it; without fresh
    statistics PostgreSQL scans the table for every batch's duplicate lookups."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE leads"))


def _seen_in_upload(database: Database, upload_id: int) -> ContactSet:
    """On resume, rows committed by the earlier run still count for duplicates within the file."""
    seen = ContactSet()
    with database.session() as session:
        for email, phone, key in session.execute(
            select(Lead.email, Lead.phone, Lead.identity_key).where(Lead.upload_id == upload_id)
        ):
            seen.remember(email, phone, key)
    return seen


def process_upload(database: Database, upload_id: int, upload_dir: Path) -> bool:
    """Run (or resume) one upload; returns False when another live job holds it."""
    if not claim(database, upload_id):
        return False
    try:
        _run(database, upload_id, upload_dir)
    except Exception:
        log.exception("upload %s failed", upload_id)
        with database.session() as session:
            session.execute(
                update(Upload)
                .where(Upload.id == upload_id)
                .values(
                    status=UploadStatus.FAILED.value,
                    error="Processing stopped on an internal error; the rows so far are kept.",
                    lease_until=None,
                    finished_at=utcnow(),
                )
            )
        raise
    return True


@contextmanager
def _bulk_gc() -> Iterator[None]:
    """Fewer garbage-collector passes while a file streams through.

    A job allocates millions of short-lived objects while the process holds large long-lived
    tables (phone metadata, the public suffix list, the contact sets of the file); every full
    collection walked all of them, which cost a fifth of the job's time. Freezing what exists
    and collecting young objects less often keeps that to a few passes. The settings are
    process-wide: two jobs on two consumer threads only share the tuning, nothing else.
    """
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _run(database: Database, upload_id: int, upload_dir: Path) -> None:
    with _bulk_gc():
        _run_job(database, upload_id, upload_dir)


def _run_job(database: Database, upload_id: int, upload_dir: Path) -> None:
    with database.session() as session:
        upload = session.get(Upload, upload_id)
        assert upload is not None
        path = upload_path(upload_dir, upload)
        if upload.started_at is None:
            upload.started_at = utcnow()
        if upload.rows_total is None:
            upload.rows_total = count_rows(path, layout_of(upload))
        vendor_id, done, rows_total = upload.vendor_id, upload.rows_done, upload.rows_total
        headers, mapping, defaults = upload.headers, upload.mapping, upload.defaults
        layout = layout_of(upload)

    columns = {headers.index(column): field for column, field in mapping.items()}
    price = price_policy(defaults)
    prepare = partial(
        prepare_batch,
        width=len(headers),
        columns=columns,
        defaults=file_defaults(defaults),
        price=price,
        max_sales=int(defaults.get("max_sales") or 1),
        check_mx=bool(defaults.get("check_mx", False)),
    )
    finish = {
        "vendor_id": vendor_id,
        "price": price,
        "seen": _seen_in_upload(database, upload_id),
        "known": KnownContacts(),
        "exclude_upload_id": upload_id,
    }
    batches = _batches(islice(iter_rows(path, layout), done, None), BATCH_SIZE)
    for batch, prepared in _prepared(
        batches, prepare, parallel=rows_total - done >= PARALLEL_MIN_ROWS
    ):
        with database.session() as session:
            evaluated = finish_rows(session, prepared=prepared, **finish)
            _store_batch(session, upload_id, vendor_id, batch, evaluated)

    with database.session() as session:
        session.execute(
            update(Upload)
            .where(Upload.id == upload_id)
            .values(status=UploadStatus.COMPLETED.value, lease_until=None, finished_at=utcnow())
        )


def _store_batch(
    session: Session,
    upload_id: int,
    vendor_id: int,
    batch: list[RawRow],
    evaluated: list[Evaluated],
) -> None:
    accepted = [e for e in evaluated if not e.rejected]
    rejected = [(row, e) for row, e in zip(batch, evaluated, strict=True) if e.rejected]
    if accepted:
        # One time for the batch, which commits as one: the column defaults would ask the
        # clock three times a row. Shared values are converted for the database once.
        now = utcnow()
        batch_columns = {
            "vendor_id": vendor_id,
            "upload_id": upload_id,
            "created_at": now,
            "updated_at": now,
            "submitted_at": now,
        }
        bulk_insert(session, Lead.__table__, [e.values for e in accepted], shared=batch_columns)
    if rejected:
        bulk_insert(
            session,
            UploadRejection.__table__,
            [
                {
                    "upload_id": upload_id,
                    "row_number": row.number,
                    "cells": row.cells,
                    "reasons": [
                        {"code": r.code, "message": r.message, "field": r.field} for r in e.reasons
                    ],
                }
                for row, e in rejected
            ],
        )
    upload = session.get(Upload, upload_id, with_for_update=True)
    upload.rows_done += len(batch)
    upload.accepted += sum(1 for e in accepted if not e.warning)
    upload.accepted_with_warnings += sum(1 for e in accepted if e.warning)
    upload.rejected += len(rejected)
    upload.duplicates += sum(1 for _row, e in rejected if e.duplicate)
    by_reason = dict(upload.rejected_by_reason or {})
    for code, count in count_reasons(evaluated).items():
        by_reason[code] = by_reason.get(code, 0) + count
    upload.rejected_by_reason = by_reason
    upload.lease_until = utcnow() + LEASE
