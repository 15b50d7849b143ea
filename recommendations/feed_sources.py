"""Entries other apps add to the tracker's Atom feed (recommendations/feeds.py).

Apps above this one in the import layers (the working group's priorities) register a source in
their AppConfig.ready(): a function of no argument returning objects with `title`,
`description`, `link`, `date` and `code`, read in the request's language. This app imports none
of them; the feed calls each source once per request. One of the app's doors (pyproject.toml).
"""

_sources = []


def register(source):
    """Add `source` to the feed (once, however many times ready() runs)."""
    if source not in _sources:
        _sources.append(source)


def entries():
    """Every registered source's entries, in registration order."""
    return [entry for source in _sources for entry in source()]
