"""Celery tasks: beat starts a run; the run opens the ledger rows and queues batches of them.

Both tasks are idempotent (rows are inserted if absent, sends are claimed), so both are acked
late: a worker that dies mid-task has its message delivered again once Redis's visibility timeout
(settings: two hours) has passed, and the claims stop a second send.
"""

import smtplib

from celery import shared_task

from digests import runs, sending
from digests.models import SEND_TIME_LIMIT


@shared_task(acks_late=True, soft_time_limit=240, time_limit=300)
def run_digests(period, day=None):
    """Beat's entry point: open the day's digests of `period` and queue their batches."""
    return runs.start_run(period, day=runs.parse_day(day))


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
