"""Celery tasks: the schedule (beat, every 15 minutes) and the sending of a round's emails.

Both are idempotent (the ledger rows are unique and marked once), so both are acked late.
"""

import logging

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from priorities import notices, rounds
from priorities.models import Notice, NoticeStatus

log = logging.getLogger(__name__)


@shared_task(acks_late=True)
def send_notices(round_id):
    return notices.send_pending(round_id)


def open_and_notify(round, by=None, now=None):
    """Open the round, then queue its emails once the opening is committed."""
    opened = rounds.open_round(round, by=by, now=now)
    transaction.on_commit(lambda: send_notices.delay(opened.pk))
    return opened


def publish_and_notify(exercise, by=None, now=None):
    """Publish the results, then email those asked in the last round once it is committed."""
    published = rounds.publish(exercise, by=by, now=now)
    last = notices.queue_results(published)
    transaction.on_commit(lambda: send_notices.delay(last.pk))
    return published


@shared_task(acks_late=True)
def advance_priorities():
    """Close the rounds whose time is up, open those whose time has come, send reminders."""
    now = timezone.now()
    to_close, to_open = rounds.due_changes(now)
    for round in to_close:
        rounds.close_round(round, now=now)
    for round in to_open:
        try:
            open_and_notify(round, now=now)
        except rounds.TransitionError as error:
            log.warning("priority round %s not opened: %s", round.pk, error)
    reminded = notices.queue_reminders(now)
    # Every round with an email still to send: the reminders just listed, and whatever a
    # worker killed mid-way left pending.
    pending = set(
        Notice.objects.filter(status=NoticeStatus.PENDING).values_list("round_id", flat=True)
    )
    for round_id in sorted(pending):
        transaction.on_commit(lambda pk=round_id: send_notices.delay(pk))
    return {"closed": len(to_close), "opened": len(to_open), "reminded": len(reminded)}
