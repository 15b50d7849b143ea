"""The ledger's states and every move between them: the one place that writes a row's status.

    pending ──claim──▶ claimed ──hand_over──▶ handover ──record──▶ sent
       ▲                 │  │                    │  └──refused──▶ failed (5xx) / pending (4xx)
       │                 │  └──nothing to say──▶ empty / skipped
       └──release/sweep──┘                       └──sweep (lease gone)──▶ unknown
    unknown ──send_again (an administrator)──▶ pending

- A claim is a **lease**: `lease_until`, set by the claim and renewed by the live worker every
  RENEW_EVERY while it works through its batch. A lease that has run out belongs to a worker that
  is gone (killed, out of memory, machine restarted); the sweep takes its rows back.
- A message is marked **handover** (committed) *before* it is handed to the email backend, and
  **sent** once the backend accepted it; the sending loop does both in one UPDATE for two
  consecutive messages (record_and_hand_over). Each move is a conditional UPDATE on
  the claim's id and the expected state: a worker whose rows were taken from it sends nothing.
- A row found in **handover** after its lease ran out may or may not have reached the mail
  server: it becomes **unknown** and is never sent again by the machine. An administrator looks
  at it and may choose "send again" (docs/digests.md).
"""

import uuid
from datetime import timedelta

from django.db import connection
from django.db.models import Count, F, Max, Q

from digests.models import DeliveryStatus, DigestDelivery

# How long a claim lives without renewal. A live worker renews it every RENEW_EVERY, between two
# messages; one message blocked longer than LEASE (EMAIL_TIMEOUT is 20 s) ends as "unknown".
LEASE = timedelta(minutes=2)
RENEW_EVERY = timedelta(seconds=20)
# Waiting rows queued this long ago and still waiting were lost with the broker's data (or their
# task gave up): the sweep queues them again. A batch still in the queue then loses the race for
# its claims, and sends nothing twice.
REQUEUE_AFTER = timedelta(minutes=5)

UNKNOWN_NOTE = "worker stopped while handing it to the mail server"

# Rows still to be dealt with, by a worker, the sweep or an administrator.
OPEN = (
    DeliveryStatus.PENDING,
    DeliveryStatus.CLAIMED,
    DeliveryStatus.HANDOVER,
    DeliveryStatus.UNKNOWN,
)
# The whole ledger's summary counts finished rows of digests this recent (today's and
# yesterday's runs).
RECENT = timedelta(days=2)


def rows(ids):
    return DigestDelivery.objects.filter(pk__in=ids)


def claim(ids, now):
    """Claim the waiting rows among `ids` at once; returns (claim id, rows won).

    One conditional UPDATE: two workers given the same rows cannot both win a row."""
    claim_id = uuid.uuid4()
    count = (
        rows(ids)
        .filter(status=DeliveryStatus.PENDING)
        .update(
            status=DeliveryStatus.CLAIMED,
            claim_id=claim_id,
            claimed_at=now,
            lease_until=now + LEASE,
            attempts=F("attempts") + 1,
        )
    )
    return claim_id, count


def held_by(claim_id):
    """The rows this claim still holds and has not handed over."""
    return DigestDelivery.objects.filter(claim_id=claim_id, status=DeliveryStatus.CLAIMED)


def renew(claim_id, now):
    """The live worker keeps its claim: push the lease of every row it still holds."""
    return DigestDelivery.objects.filter(
        claim_id=claim_id, status__in=(DeliveryStatus.CLAIMED, DeliveryStatus.HANDOVER)
    ).update(lease_until=now + LEASE)


def hand_over(claim_id, delivery_id, now):
    """Mark one claimed row as being handed to the mail server; False if the claim lost it (the
    caller must then not send it). Committed before the backend is called (autocommit)."""
    return bool(
        held_by(claim_id)
        .filter(pk=delivery_id)
        .update(status=DeliveryStatus.HANDOVER, handed_over_at=now)
    )


def record_and_hand_over(claim_id, accepted, delivery_id, now):
    """One statement, one commit: record the message the server took last (`accepted`: (id,
    fields) or None) and hand over the next one. Returns False if the claim lost the next one.

    Half the commits of two statements, and the same rules: the next message is marked before
    it is sent, the previous one recorded after it was taken. Written as SQL: the ORM's CASE
    expressions cost about 1 ms of CPU per email to build, more than the rest of the write."""
    if accepted is None:
        return hand_over(claim_id, delivery_id, now)
    sent_id, fields = accepted
    meta, quote = DigestDelivery._meta, connection.ops.quote_name
    pk = quote(meta.pk.column)

    def column(name):
        return quote(meta.get_field(name).column)

    def prepared(name, value):
        return meta.get_field(name).get_db_prep_save(value, connection)

    stamp = prepared("sent_at", now)
    sets = [
        f"{column('status')} = CASE WHEN {pk} = %s THEN %s ELSE %s END",
        f"{column('sent_at')} = CASE WHEN {pk} = %s THEN %s ELSE {column('sent_at')} END",
        f"{column('handed_over_at')} = CASE WHEN {pk} = %s THEN %s "
        f"ELSE {column('handed_over_at')} END",
    ]
    params = [sent_id, DeliveryStatus.SENT, DeliveryStatus.HANDOVER, sent_id, stamp]
    params += [delivery_id, prepared("handed_over_at", now)]
    for name, value in fields.items():
        sets.append(f"{column(name)} = CASE WHEN {pk} = %s THEN %s ELSE {column(name)} END")
        params += [sent_id, prepared(name, value)]
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {', '.join(sets)} "  # noqa: S608 (our own names)
        f"WHERE {column('claim_id')} = %s AND (({pk} = %s AND {column('status')} IN (%s, %s)) "
        f"OR ({pk} = %s AND {column('status')} = %s))"
    )
    params += [prepared("claim_id", claim_id), sent_id, DeliveryStatus.HANDOVER]
    params += [DeliveryStatus.UNKNOWN, delivery_id, DeliveryStatus.CLAIMED]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        count = cursor.rowcount
    if count == 2:
        return True
    return DigestDelivery.objects.filter(
        pk=delivery_id, claim_id=claim_id, status=DeliveryStatus.HANDOVER
    ).exists()


def not_handed_over(claim_id, delivery_id):
    """The server refused the whole session before taking the message: it is claimed again."""
    return DigestDelivery.objects.filter(
        pk=delivery_id, claim_id=claim_id, status=DeliveryStatus.HANDOVER
    ).update(status=DeliveryStatus.CLAIMED, handed_over_at=None)


def record_sent(claim_id, delivery_id, now, **fields):
    """The backend accepted the message. Also from "unknown": a worker that was only slow."""
    return DigestDelivery.objects.filter(
        pk=delivery_id,
        claim_id=claim_id,
        status__in=(DeliveryStatus.HANDOVER, DeliveryStatus.UNKNOWN),
    ).update(status=DeliveryStatus.SENT, sent_at=now, **fields)


def record_refused(claim_id, delivery_id, status, note):
    """The server refused the message (an SMTP reply): it was not delivered. `status` is FAILED
    (a permanent refusal) or PENDING (a temporary one: tried again later)."""
    fields = {"status": status, "note": note}
    if status == DeliveryStatus.PENDING:
        fields["claim_id"] = None
    return (
        DigestDelivery.objects.filter(pk=delivery_id, claim_id=claim_id)
        .filter(status=DeliveryStatus.HANDOVER)
        .update(**fields)
    )


def finish(claim_id, ids, status, note=""):
    """Rows the claim holds that need no email: empty or skipped."""
    return held_by(claim_id).filter(pk__in=ids).update(status=status, note=note)


def give_back(claim_id):
    """The batch stopped (the mail server went away): its claimed rows wait again, and the row it
    was handing over, if any, is unknown (the server may have taken it). Returns both counts."""
    released = held_by(claim_id).update(status=DeliveryStatus.PENDING, claim_id=None)
    unknown = DigestDelivery.objects.filter(
        claim_id=claim_id, status=DeliveryStatus.HANDOVER
    ).update(status=DeliveryStatus.UNKNOWN, note=UNKNOWN_NOTE)
    return released, unknown


def take_back_expired(now):
    """Rows whose lease ran out: claimed ones wait again, handed-over ones become unknown.
    Returns (released, unknown)."""
    expired = DigestDelivery.objects.filter(lease_until__lt=now)
    unknown = expired.filter(status=DeliveryStatus.HANDOVER).update(
        status=DeliveryStatus.UNKNOWN, note=UNKNOWN_NOTE
    )
    released = expired.filter(status=DeliveryStatus.CLAIMED).update(
        status=DeliveryStatus.PENDING,
        claim_id=None,
        queued_at=None,  # queued at once
    )
    return released, unknown


def to_queue(now, only_stale=False):
    """Ids of the waiting rows to queue now, marked as queued. With only_stale (the sweep), only
    rows never queued or queued more than REQUEUE_AFTER ago."""
    waiting = DigestDelivery.objects.filter(status=DeliveryStatus.PENDING)
    if only_stale:
        waiting = waiting.filter(Q(queued_at__isnull=True) | Q(queued_at__lt=now - REQUEUE_AFTER))
    ids = list(waiting.order_by("pk").values_list("pk", flat=True))
    if ids:
        rows(ids).update(queued_at=now)
    return ids


def send_again(delivery_id, now):
    """An administrator chose to send an unknown digest again: it waits for the next batch.
    Returns False if it is no longer unknown (someone else did it, or a slow worker recorded it)."""
    return bool(
        DigestDelivery.objects.filter(pk=delivery_id, status=DeliveryStatus.UNKNOWN).update(
            status=DeliveryStatus.PENDING,
            claim_id=None,
            note="sent again by an administrator",
            queued_at=now,
        )
    )


def unknown():
    return DigestDelivery.objects.filter(status=DeliveryStatus.UNKNOWN)


def state(now, period=None, period_key=None):
    """What the ledger says now: counts of sent, held by a live claim (and until when), unknown,
    waiting (including claims whose lease ran out: the next sweep takes them back), and others.
    Of one period's day or week when given; else every open row (any age) and the finished rows
    of the last RECENT (both through an index: a year of ledger is millions of rows)."""
    qs = DigestDelivery.objects.all()
    if period:
        qs = qs.filter(period=period, period_key=period_key)
    else:
        qs = qs.filter(Q(status__in=OPEN) | Q(window_end__gte=now - RECENT))
    claimed = Q(status__in=(DeliveryStatus.CLAIMED, DeliveryStatus.HANDOVER))
    live = claimed & Q(lease_until__gte=now)
    expired = claimed & Q(lease_until__lt=now)
    return qs.aggregate(
        sent=Count("pk", filter=Q(status=DeliveryStatus.SENT)),
        held=Count("pk", filter=live),
        held_until=Max("lease_until", filter=live),
        unknown=Count("pk", filter=Q(status=DeliveryStatus.UNKNOWN)),
        waiting=Count("pk", filter=Q(status=DeliveryStatus.PENDING) | expired),
        empty=Count("pk", filter=Q(status=DeliveryStatus.EMPTY)),
        skipped=Count("pk", filter=Q(status=DeliveryStatus.SKIPPED)),
        failed=Count("pk", filter=Q(status=DeliveryStatus.FAILED)),
    )
