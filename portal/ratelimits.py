"""Per-person limits on writing (django-ratelimit, counted in the default cache)."""

from django_ratelimit.core import is_ratelimited


def over_limit(request, group, rates, key="user"):
    """Count this request against each of `rates` ("6/m", "60/h") of `group`; True when any is
    exceeded. Every rate is counted, so a burst also uses up the longer windows."""
    limited = False
    for rate in rates:
        limited |= is_ratelimited(
            request, group=f"{group}:{rate}", key=key, rate=rate, increment=True
        )
    return limited
