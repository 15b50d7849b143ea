"""Versions kept in the shared cache, so that every process agrees on what a cached thing was
built from: a cache key that includes `current(key)` is fresh again once `bump(key)` is called.

Used by the catalogue (practices.versions), the maps (workinggroup) and the tracker's briefings
(recommendations).
"""

import uuid

from django.core.cache import cache


def current(key):
    """The version kept under `key`, made up the first time it is asked for (add(): two
    processes asking at once agree on one)."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key)
    return version


def bump(key):
    cache.set(key, uuid.uuid4().hex, None)
