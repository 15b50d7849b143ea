"""Who is due a digest on a given day, and the ledger rows that make each digest happen once.

A period is a day (daily digests) or an ISO week (weekly digests, sent on the member's chosen
weekday). A digest sent on day D covers news up to the start of D, local time, from the end of the
member's previous digest, so the answer depends on the day and the data, never on the hour the
run happens to start.
"""

from datetime import datetime, time, timedelta

from django.db.models import Max
from django.utils import timezone

from digests.models import DigestDelivery
from workinggroup.models import DigestFrequency, MemberProfile

PERIOD_LENGTH = {
    DigestFrequency.DAILY: timedelta(days=1),
    DigestFrequency.WEEKLY: timedelta(days=7),
}
# A member back from a long pause gets one period's news, not months of it.
MAX_LOOKBACK = timedelta(days=35)


def period_key(period, day):
    if period == DigestFrequency.DAILY:
        return day.isoformat()
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def window_end(day):
    """The start of `day` in the portal's time zone: news up to then is in day's digest."""
    return timezone.make_aware(datetime.combine(day, time.min))


def window_start(period, end, previous_end):
    if previous_end is not None and end - MAX_LOOKBACK < previous_end <= end:
        return previous_end
    return end - PERIOD_LENGTH[period]


def due_profiles(period, day):
    """Profiles whose digest is due on `day`: active accounts with an address, at their rhythm."""
    profiles = MemberProfile.objects.filter(digest_frequency=period, user__is_active=True).exclude(
        user__email=""
    )
    if period == DigestFrequency.WEEKLY:
        profiles = profiles.filter(digest_weekday=day.weekday())
    return profiles


def planned_deliveries(period, day):
    """Unsaved DigestDelivery rows for everyone due on `day` (two queries, any number of people).

    Each window starts where the member's previous digest (of either period) ended.
    """
    key, end = period_key(period, day), window_end(day)
    due = due_profiles(period, day).values("user_id")
    previous = dict(
        DigestDelivery.objects.filter(user_id__in=due, window_end__lte=end)
        .values("user_id")
        .annotate(last=Max("window_end"))
        .values_list("user_id", "last")
    )
    return [
        DigestDelivery(
            user_id=user_id,
            period=period,
            period_key=key,
            window_start=window_start(period, end, previous.get(user_id)),
            window_end=end,
        )
        for user_id in due.order_by("user_id").values_list("user_id", flat=True)
    ]


def open_deliveries(period, day):
    """Insert the day's ledger rows; rows that exist already are left as they are."""
    rows = planned_deliveries(period, day)
    DigestDelivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return len(rows)
