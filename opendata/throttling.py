"""Per-client rate limiting of the API: a client is its IP address (the API has no accounts).

The rate is read on every request rather than once at import (as DRF's throttles do), so a change
of settings, in tests or by a benchmark, takes effect.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class PerClientThrottle(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
