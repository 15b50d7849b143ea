"""The catalogue's two cache versions, kept in the shared cache so that every process agrees.

The publication version changes with anything that may change what is published (a practice
saved or deleted, its themes changed, a bulk load); whatever is cached about the published set is
kept under it, so a change is seen at once. The reference version changes with the filters'
reference tables (regions, provinces, themes, client groups): each process rebuilds its filters.
"""

from lib import cache_versions

PUBLICATION_KEY = "practices:publication-version"
REFERENCE_KEY = "practices:reference-version"


def publication_version():
    return cache_versions.current(PUBLICATION_KEY)


def publication_changed():
    cache_versions.bump(PUBLICATION_KEY)


def reference_version():
    return cache_versions.current(REFERENCE_KEY)


def reference_changed():
    cache_versions.bump(REFERENCE_KEY)
