"""Per-person limits on writing (django-ratelimit, counted in the default cache)."""

from django.conf import settings
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


def client_address(group, request):
    """The reader's address: behind TRUSTED_PROXY_COUNT proxies, the one the outermost trusted
    proxy saw (as the API's throttle and allauth count), else the connection's."""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")
