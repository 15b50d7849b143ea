"""A digest run: open the ledger rows of who is due on a day, and list every unsent row in batches;
the sweep: take back what dead workers held and list what the broker lost; what the ledger says.

Every run also lists rows left unsent by earlier runs (a worker that died holding a claim, a mail
server that was down). Between runs, the sweep (Celery beat, every SWEEP_EVERY) does the same for
rows whose lease ran out or whose batch never ran, so nothing waits for the next morning. The
rows are opened and listed here; tasks queue the batches to the workers (docs/digests.md).
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from digests import content, ledger, schedule
from digests.models import PERIODS, DigestDelivery, DigestRun

BATCH_SIZE = 500
# How often beat runs the sweep (config/settings.py): with ledger.LEASE (2 minutes), a digest
# held by a dead worker is sent again within 7 minutes, one lost with Redis within 10.
SWEEP_EVERY = 5  # minutes
# A day's run not made this long after its time (settings.DIGEST_RUN_TIMES) was lost (Redis lost
# beat's task, or beat was down): the sweep makes it. Longer than a run waiting in a busy queue
# usually takes; a run made twice sends nothing twice anyway (rows are inserted if absent, sends
# are claimed).
MISSED_AFTER = datetime.timedelta(minutes=10)


@dataclass
class Run:
    due: int  # members due on the day (rows opened now or by an earlier run)
    batches: list  # ids of every unsent row, BATCH_SIZE at most per batch
    released: int = 0  # claims of dead workers taken back
    unknown: int = 0  # rows a dead worker was handing over: unknown now, not sent again
    made: list = field(default_factory=list)  # periods whose missed run the sweep made

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
        due = _open(period, day, now)
        released, unknown = ledger.take_back_expired(now)
        ids = ledger.to_queue(now)
    return Run(due, _batches(ids), released, unknown)


def _open(period, day, now):
    """The day's rows of `period`, and the record that its run was made (same transaction)."""
    due = schedule.open_deliveries(period, day)
    DigestRun.objects.bulk_create(
        [DigestRun(period=period, day=day, opened_at=now)], ignore_conflicts=True
    )
    return due


def sweep(now=None):
    """Make today's runs that are overdue and were not made (missed_runs); take back the claims
    whose lease ran out (a handed-over row becomes unknown); list the waiting rows that no queued
    batch will send (just opened, lost with the broker's data, given up)."""
    now = now or timezone.now()
    with transaction.atomic():
        made = missed_runs(now)
        due = sum(_open(period, timezone.localdate(now), now) for period in made)
        released, unknown = ledger.take_back_expired(now)
        ids = ledger.to_queue(now, only_stale=True)
    return Run(due, _batches(ids), released, unknown, made)


def missed_runs(now):
    """The periods whose run today is more than MISSED_AFTER late and not made. Only today's: a
    day missed whole is caught up by the next day's digest (its window starts where the
    member's previous one ended) or by hand (send_digests --date)."""
    local = timezone.localtime(now)
    made = set(DigestRun.objects.filter(day=local.date()).values_list("period", flat=True))
    late = []
    for period, (hour, minute) in settings.DIGEST_RUN_TIMES.items():
        planned = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if period not in made and local >= planned + MISSED_AFTER:
            late.append(period)
    return late


def _batches(ids):
    return [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]


def ledger_state(period=None, day=None, now=None):
    """What the ledger says (ledger.state): of `period`'s day or week when given, else all of it."""
    now = now or timezone.now()
    if period is None:
        return ledger.state(now)
    day = day or timezone.localdate(now)
    return ledger.state(now, period, schedule.period_key(period, day))


def unknown_count():
    return ledger.unknown().count()


def send_again(delivery_id, now=None):
    """An administrator sends an unknown digest again; False if it is no longer unknown. The
    caller queues it (tasks.queue_again) once committed."""
    return ledger.send_again(delivery_id, now or timezone.now())


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
