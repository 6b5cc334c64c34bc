"""Background jobs of the leads feature."""

from __future__ import annotations

import logging

from huey import crontab

from leadnexus.leads.jobs import process_upload, stalled_upload_ids
from leadnexus.tasks import huey, task_database, task_settings

log = logging.getLogger(__name__)


@huey.task()
def process_upload_task(upload_id: int) -> None:
    """Run an upload through the pipeline; safe to run twice (the lease admits one job).

    No automatic retry: an error marks the upload failed (its rows so far are kept), and a
    killed worker is covered by `resume_stalled_uploads`.
    """
    process_upload(task_database(), upload_id, task_settings().upload_dir)


@huey.periodic_task(crontab(minute="*"))
def resume_stalled_uploads() -> None:
    """Every minute: re-queue uploads whose job died (worker killed), so they finish."""
    for upload_id in stalled_upload_ids(task_database()):
        log.info("resuming upload %s", upload_id)
        process_upload_task(upload_id)
