"""Open-data fixtures: the report's practices (published), a client with a generous rate limit,
and helpers that read every open-data output at once (for the "never leaks" tests)."""

import json

import pytest

from practices import demo
from practices.models import PromisingPractice
from tests.practices.conftest import make_practice  # noqa: F401 (re-exported for the tests)


@pytest.fixture(autouse=True)
def _generous_rate_limit(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "100000/minute"},
    }


@pytest.fixture
def seeded(db):
    """The report's 18 practices, published, with their organizations and reference data."""
    demo.load()
    return {p.slug_en: p for p in PromisingPractice.objects.all()}


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


API_LISTS = [
    "/api/v1/",
    "/api/v1/practices/?page_size=100",
    "/api/v1/organizations/?page_size=100",
    "/api/v1/regions/",
    "/api/v1/provinces/",
    "/api/v1/themes/",
    "/api/v1/client-groups/",
    "/api/v1/recommendations/",
    "/api/v1/resources/?page_size=100",
]
DOWNLOADS = [
    "/en/open-data/promising-practices.csv",
    "/en/open-data/promising-practices.json",
    "/en/open-data/feeds/practices/",
    "/fr/donnees-ouvertes/fils/pratiques/",
    "/en/recommendations/recommendations-tracker.csv",
    "/en/recommendations/status-history.csv",
    "/en/recommendations/recommendations-tracker.json",
    "/en/recommendations/feed/",
    "/fr/recommandations/fil/",
]


def everything_published(client, extra=()):
    """The text of every open-data output: API lists and details, exports, feeds."""
    texts = []
    for url in [*API_LISTS, *DOWNLOADS, *extra]:
        response = client.get(url)
        assert response.status_code == 200, url
        texts.append(body(response))
    for record in json.loads(texts[1])["results"]:
        texts.append(body(client.get(record["url"])))
    for record in json.loads(texts[2])["results"]:
        texts.append(body(client.get(record["url"])))
    for record in json.loads(texts[7]):
        texts.append(body(client.get(record["url"])))
    return "\n".join(texts)
