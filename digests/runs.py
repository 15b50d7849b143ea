"""A digest run: open the ledger rows for who is due today, then queue every unsent row in batches.

Every run also queues rows left unsent by earlier runs (a worker that died holding a claim, a
mail server that was down), so nothing waits longer than the next run.
"""

import datetime
import logging
from collections import Counter

from django.db import transaction
from django.utils import timezone

from digests import content, schedule
from digests.models import DigestDelivery, Period

log = logging.getLogger(__name__)

BATCH_SIZE = 500


def parse_day(value):
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def start_run(period, day=None, now=None):
    """Open `period`'s digests due on `day` (default: today) and queue every unsent digest."""
    if period not in Period.values:
        raise ValueError(f"unknown digest period {period!r}")
    now = now or timezone.now()
    day = day or timezone.localdate(now)
    with transaction.atomic():
        due = schedule.open_deliveries(period, day)
        ids = list(
            DigestDelivery.objects.claimable(now).order_by("pk").values_list("pk", flat=True)
        )
        batches = [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]
        for batch in batches:
            transaction.on_commit(lambda batch=batch: queue_batch(batch))
    log.info(
        "digest run %s %s: %d due, %d digests queued in %d batches",
        period,
        day,
        due,
        len(ids),
        len(batches),
    )
    return {"due": due, "queued": len(ids), "batches": len(batches)}


def queue_batch(ids):
    from digests.tasks import send_digest_batch

    try:
        send_digest_batch.delay(ids)
    except Exception:
        # Without a worker (eager) the batch ran here and failed after its retries; with one, the
        # broker refused it. Either way its rows stay unsent for the next run: log, go on.
        log.exception("digest batch of %d not sent; the next run will try again", len(ids))


def runs_here():
    """True when tasks run in this process (no Redis): the run's outcome is known on return."""
    from config.celery import app

    return bool(app.conf.task_always_eager)


def ledger_summary(period, day=None):
    """{status: count} of the ledger rows of `period` for `day`."""
    from django.db.models import Count

    day = day or timezone.localdate()
    rows = (
        DigestDelivery.objects.filter(period=period, period_key=schedule.period_key(period, day))
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by("status")
    )
    return dict(rows)


def dry_run(period, day=None, now=None):
    """What a run would send on `day`, changing nothing: a Counter of outcomes and sections."""
    now = now or timezone.now()
    day = day or timezone.localdate(now)
    planned = schedule.planned_deliveries(period, day)
    existing = set(
        DigestDelivery.objects.filter(
            period=period, period_key=schedule.period_key(period, day)
        ).values_list("user_id", flat=True)
    )
    planned = [d for d in planned if d.user_id not in existing]
    tally = Counter(due=len(planned) + len(existing), already_opened=len(existing))
    for start in range(0, len(planned), BATCH_SIZE):
        batch = planned[start : start + BATCH_SIZE]
        users = _users([d.user_id for d in batch])
        readers = content.load_readers(users)
        sources = content.load_sources(
            list(readers.values()), min(d.window_start for d in batch), schedule.window_end(day)
        )
        for delivery in batch:
            digest = content.build_digest(
                readers[delivery.user_id], delivery.window_start, delivery.window_end, sources
            )
            tally["empty" if digest.is_empty else "would_send"] += 1
            for section in digest.sections:
                tally[f"items_{section.key}"] += section.total
    return tally


def _users(ids):
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(pk__in=ids).order_by("pk"))
