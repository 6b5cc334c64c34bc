"""Background jobs of the leads feature."""

from __future__ import annotations

import logging
from datetime import timedelta

from huey import crontab
from sqlalchemy.orm import Session

from leadnexus.db import utcnow
from leadnexus.leads import events, lifecycle
from leadnexus.leads.ingest.jobs import process_upload, stalled_upload_ids
from leadnexus.leads.models import Upload, UploadStatus
from leadnexus.notifications.models import NotificationType
from leadnexus.notifications.service import notify
from leadnexus.queue import huey, task_database, task_settings

log = logging.getLogger(__name__)


@huey.task()
def process_upload_task(upload_id: int) -> None:
    """Run an upload through the pipeline; safe to run twice (the lease admits one job).

    No automatic retry: an error marks the upload failed (its rows so far are kept), and a
    killed worker is covered by `resume_stalled_uploads`.
    """
    database = task_database()
    try:
        ran = process_upload(database, upload_id, task_settings().upload_dir)
    except Exception:
        with database.session() as session:
            announce_upload(session, upload_id, auto_approved=0)
        raise
    if ran:
        with database.session() as session:
            auto_approved = events.finish_upload(session, upload_id)
            announce_upload(session, upload_id, auto_approved=auto_approved)


NAME_IN_TITLE = 80  # a 255-character file name would push the counts out of the title


def _shortened(filename: str) -> str:
    return filename if len(filename) <= NAME_IN_TITLE else filename[: NAME_IN_TITLE - 1] + "…"


def _count(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _review_summary(accepted: int, auto_approved: int) -> str:
    """'3 were approved automatically; 1 waits for review.', leaving out a part that is 0."""
    if accepted == 0:
        return "No row became a lead."
    waiting = accepted - auto_approved
    parts = []
    if auto_approved:
        parts.append(_count(auto_approved, "was", "were") + " approved automatically")
    if waiting:
        parts.append(_count(waiting, "waits", "wait") + " for review")
    return "; ".join(parts) + "."


def announce_upload(session: Session, upload_id: int, *, auto_approved: int) -> None:
    """Tell the vendor the upload is done: what was accepted, rejected and already approved."""
    upload = session.get(Upload, upload_id)
    if upload is None:
        return
    name = _shortened(upload.filename)
    if upload.status != UploadStatus.COMPLETED.value:
        title, body = f"{name} could not be processed", upload.error
    else:
        accepted = upload.accepted + upload.accepted_with_warnings
        leads = _count(accepted, "lead", "leads")
        title = f"{name}: {leads} accepted, {upload.rejected:,} rejected"
        body = _review_summary(accepted, auto_approved) + (
            " Download the error report to fix the rejected rows." if upload.rejected else ""
        )
    data = {"upload_id": upload.id, "status": upload.status, "auto_approved": auto_approved}
    notify(
        session,
        upload.vendor_id,
        NotificationType.UPLOAD_FINISHED,
        title,
        body,
        f"/vendor/uploads/{upload.id}",
        data,
    )


@huey.periodic_task(crontab(minute="41", hour="3"))
def expire_unsold_leads() -> int:
    """Daily: published leads older than the shelf life leave the marketplace as expired."""
    days = task_settings().lead_shelf_life_days
    expired = 0
    with task_database().session() as session:
        cutoff = utcnow() - timedelta(days=days)
        while moved := lifecycle.expire_unsold(session, published_before=cutoff):
            expired += moved
            session.commit()
    log.info("expired %d leads published before %d days ago", expired, days)
    return expired


@huey.periodic_task(crontab(minute="*"))
def resume_stalled_uploads() -> None:
    """Every minute: re-queue uploads whose job died (worker killed), so they finish."""
    for upload_id in stalled_upload_ids(task_database()):
        log.info("resuming upload %s", upload_id)
        process_upload_task(upload_id)
