"""A digest run: open the ledger rows of who is due on a day, and list every unsent row in batches.

Every run also lists rows left unsent by earlier runs (a worker that died holding a claim, a mail
server that was down), so nothing waits longer than the next run. The rows are opened and listed
here; tasks.run_digests queues the batches to the workers (docs/digests.md).
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from digests import content, schedule
from digests.models import PERIODS, DigestDelivery

BATCH_SIZE = 500


@dataclass
class Run:
    due: int  # members due on the day (rows opened now or by an earlier run)
    batches: list  # ids of every unsent row, BATCH_SIZE at most per batch

    @property
    def queued(self):
        return sum(len(batch) for batch in self.batches)


def parse_day(value):
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def open_run(period, day=None, now=None):
    """Open `period`'s digests due on `day` (default: today); list every unsent digest."""
    if period not in PERIODS:
        raise ValueError(f"unknown digest period {period!r}")
    now = now or timezone.now()
    day = day or timezone.localdate(now)
    with transaction.atomic():
        due = schedule.open_deliveries(period, day)
        ids = list(
            DigestDelivery.objects.claimable(now).order_by("pk").values_list("pk", flat=True)
        )
    return Run(due, [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)])


def ledger_summary(period, day=None):
    """{status: count} of the ledger rows of `period` for `day`."""
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
    return list(get_user_model().objects.filter(pk__in=ids).order_by("pk"))
