"""Celery tasks: beat starts a run; the run opens the ledger rows and queues batches of them;
beat also runs the sweep every few minutes, which queues what dead workers and Redis lost.

Both tasks are idempotent (rows are inserted if absent, sends are claimed), so both are acked
late: a worker that dies mid-task has its message delivered again once Redis's visibility timeout
(settings: two hours) has passed, and the claims stop a second send.
"""

import logging
import smtplib
from functools import partial

from celery import shared_task
from django.db import transaction

from digests import runs, sending
from digests.models import SEND_TIME_LIMIT

log = logging.getLogger(__name__)


@shared_task(acks_late=True, soft_time_limit=240, time_limit=300)
def run_digests(period, day=None):
    """Beat's entry point (and send_digests'): open the day's digests of `period` and queue
    every unsent digest, in batches, once the rows are committed."""
    day = runs.parse_day(day)
    run = runs.open_run(period, day)
    _queue(run)
    log.info(
        "digest run %s %s: %d due, %d digests queued in %d batches; %d taken back from dead "
        "workers, %d unknown",
        period,
        day,
        run.due,
        run.queued,
        len(run.batches),
        run.released,
        run.unknown,
    )
    return {
        "due": run.due,
        "queued": run.queued,
        "batches": len(run.batches),
        "released": run.released,
        "unknown": run.unknown,
    }


@shared_task(acks_late=True, soft_time_limit=240, time_limit=300)
def sweep_digests():
    """Beat, every few minutes: claims of dead workers and batches lost with Redis, sent; today's
    run made if Redis lost it."""
    run = runs.sweep()
    _queue(run)
    if run.made:
        log.warning(
            "digest sweep: today's %s run was not made (lost with Redis?); made now, %d due",
            " and ".join(run.made),
            run.due,
        )
    if run.queued or run.released or run.unknown:
        log.warning(
            "digest sweep: %d taken back from dead workers, %d unknown, %d queued again",
            run.released,
            run.unknown,
            run.queued,
        )
    result = {"queued": run.queued, "released": run.released, "unknown": run.unknown}
    if run.made:
        result["runs_made"] = run.made
    return result


def queue_again(delivery_id):
    """Queue one row an administrator chose to send again, once the choice is committed."""
    transaction.on_commit(partial(_queue_batch, [delivery_id]))


def _queue(run):
    for batch in run.batches:
        transaction.on_commit(partial(_queue_batch, batch))


@shared_task(
    acks_late=True,
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=60,
    retry_backoff_max=1800,
    retry_jitter=True,
    max_retries=5,
    soft_time_limit=SEND_TIME_LIMIT - 60,
    time_limit=SEND_TIME_LIMIT,
)
def send_digest_batch(delivery_ids):
    return dict(sending.send_batch(delivery_ids))


def _queue_batch(ids):
    try:
        send_digest_batch.delay(ids)
    except Exception:
        # Without a worker (eager) the batch ran here and failed after its retries; with one, the
        # broker refused it. Either way its rows wait for the sweep: log, go on.
        log.exception("digest batch of %d not sent; the sweep will try again", len(ids))


def runs_here():
    """True when tasks run in this process (no Redis): the run's outcome is known on return."""
    return bool(send_digest_batch.app.conf.task_always_eager)
