"""The tracker's feed reads entries from apps above it through a registry they fill in their
AppConfig.ready() (recommendations/feed_sources.py), never by importing them."""

from datetime import UTC, datetime
from types import SimpleNamespace
from xml.etree import ElementTree as ET

import pytest

from recommendations import feed_sources

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def registry():
    before = list(feed_sources._sources)
    yield
    feed_sources._sources[:] = before


def test_the_priorities_app_registered_its_entries_once():
    from priorities import results

    assert feed_sources._sources.count(results.feed_entries) == 1


def test_a_registered_source_shows_in_the_feed_once(client, db, registry):
    entry = SimpleNamespace(
        title="X1 · Test source: shown",
        description="From a source above",
        link="/en/somewhere/",
        date=datetime(2026, 1, 1, tzinfo=UTC),
        code="X1",
    )

    def source():
        return [entry]

    feed_sources.register(source)
    feed_sources.register(source)  # ready() may run twice: still once
    feed = ET.fromstring(client.get("/en/recommendations/feed/").content)  # noqa: S314 - our own feed
    titles = [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")]
    assert titles.count("X1 · Test source: shown") == 1
