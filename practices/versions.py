"""The catalogue's two cache versions, kept in the shared cache so that every process agrees.

The publication version changes with anything that may change what is published (a practice
saved or deleted, its themes changed, a bulk load); whatever is cached about the published set is
kept under it, so a change is seen at once. The reference version changes with the filters'
reference tables (regions, provinces, themes, client groups): each process rebuilds its filters.
"""

import uuid

from django.core.cache import cache

PUBLICATION_KEY = "practices:publication-version"
REFERENCE_KEY = "practices:reference-version"


def publication_version():
    return _version(PUBLICATION_KEY)


def publication_changed():
    cache.set(PUBLICATION_KEY, uuid.uuid4().hex, None)


def reference_version():
    return _version(REFERENCE_KEY)


def reference_changed():
    cache.set(REFERENCE_KEY, uuid.uuid4().hex, None)


def _version(key):
    """The version kept under `key`, made up the first time it is asked for (add(): two
    processes asking at once agree on one)."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key)
    return version
