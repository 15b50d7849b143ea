"""Demo digests: the demo member's past weekly digests ("Your digests") and one daily digest whose
fate is unknown (the admin's list, its dashboard count and "Send again").

load() runs last (after the discussions demo, so the newest digest has threads in it) and is
idempotent: rows are matched on (member, period, day or week).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from digests import content, ledger, schedule
from digests.models import DeliveryStatus, DigestDelivery
from workinggroup.models import DigestFrequency

MEMBER = "member@demo.example"
WEEKS = 8


def load():
    user = get_user_model().objects.filter(email=MEMBER).first()
    if user is None:
        return
    now = timezone.now()
    today = timezone.localdate(now)
    # The newest weekly digest ends now, so it shows what the demo just created; the older ones
    # are the weeks before it.
    ends = [now] + [schedule.window_end(today - timedelta(weeks=n)) for n in range(1, WEEKS)]
    for end in ends:
        _delivery(user, DigestFrequency.WEEKLY, timezone.localdate(end), end - timedelta(7), end)
    _unknown(user, now)


def _delivery(user, period, day, start, end):
    key = schedule.period_key(period, day)
    if DigestDelivery.objects.filter(user=user, period=period, period_key=key).exists():
        return
    reader = content.load_readers([user])[user.pk]
    digest = content.build_digest(reader, start, end, content.load_sources([reader], start, end))
    DigestDelivery.objects.create(
        user=user,
        period=period,
        period_key=key,
        window_start=start,
        window_end=end,
        status=DeliveryStatus.EMPTY if digest.is_empty else DeliveryStatus.SENT,
        sent_at=None if digest.is_empty else end + timedelta(hours=6),
        attempts=1,
        language=user.preferred_language,
        item_count=digest.item_count,
        created_at=end,
    )


def _unknown(user, now):
    """Today's daily digest, whose worker stopped while handing it to the mail server."""
    day = timezone.localdate(now)
    key = schedule.period_key(DigestFrequency.DAILY, day)
    handed_over = now - timedelta(hours=2)
    DigestDelivery.objects.get_or_create(
        user=user,
        period=DigestFrequency.DAILY,
        period_key=key,
        defaults={
            "window_start": now - timedelta(days=1),
            "window_end": now,
            "status": DeliveryStatus.UNKNOWN,
            "claimed_at": handed_over,
            "lease_until": handed_over + ledger.LEASE,
            "handed_over_at": handed_over,
            "attempts": 1,
            "note": ledger.UNKNOWN_NOTE,
            "created_at": handed_over,
        },
    )
