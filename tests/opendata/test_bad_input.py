"""Whatever a client sends, the API answers with JSON: a 400 that says what was wrong (by
parameter), a 404 for what does not exist, never a 500."""

import pytest

from tests.opendata.conftest import get_json

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("colour=blue", "colour"),
        ("region=atlantis", "region"),
        ("theme=not-a-theme", "theme"),
        ("lang=de", "lang"),
        ("sort=random", "sort"),
        ("region=atlantic&region=quebec", "region"),
        ("q=" + "x" * 201, "q"),
        ("q=swim%00night", "q"),
        ("region=" + "a" * 5000, "region"),
        ("page_size=101", "page_size"),
        ("page_size=0", "page_size"),
        ("page_size=-5", "page_size"),
        ("page=abc", "page"),
        ("page=1.5", "page"),
        ("page=99999999999999999999999", "page"),
        ("page=²", "page"),
        ("page=50", "page"),
    ],
)
def test_bad_practice_query_gets_400_naming_the_parameter(client, seeded, query, parameter):
    error = get_json(client, f"/api/v1/practices/?{query}", status=400)
    assert error["code"] == "invalid_query"
    assert list(error["errors"]) == [parameter]
    assert error["errors"][parameter][0]


def test_every_problem_is_reported_at_once(client, seeded):
    error = get_json(client, "/api/v1/practices/?region=x&kind=y&page_size=1000&foo=1", status=400)
    assert set(error["errors"]) == {"region", "kind", "page_size", "foo"}
    assert "atlantic" in error["errors"]["region"][0]  # the message lists the valid choices


def test_unknown_parameter_on_other_endpoints_gets_400(client, seeded):
    for url in ("/api/v1/", "/api/v1/regions/", "/api/v1/recommendations/", "/api/v1/themes/"):
        assert get_json(client, f"{url}?page=2", status=400)["errors"]["page"]
    assert get_json(client, "/api/v1/organizations/?province=ZZ", status=400)["errors"]


def test_french_speaking_client_gets_the_message_in_french(client, seeded):
    error = get_json(
        client, "/api/v1/practices/?colour=bleu", status=400, HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert error["errors"]["colour"][0].startswith("Paramètre inconnu")


@pytest.mark.parametrize("accept", ["text/html", "application/xml", "text/csv", "image/png"])
def test_unsupported_accept_gets_400_with_a_json_body(client, seeded, accept):
    response = client.get("/api/v1/practices/", HTTP_ACCEPT=accept)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    error = response.json()
    assert error["code"] == "unsupported_accept"
    assert "application/json" in error["detail"]


@pytest.mark.parametrize("accept", ["*/*", "application/json", "application/*", ""])
def test_json_compatible_accept_headers_are_answered(client, seeded, accept):
    assert client.get("/api/v1/practices/", HTTP_ACCEPT=accept).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/practices/999999/",
        "/api/v1/practices/99999999999999999999999/",
        "/api/v1/organizations/99999999999999999999999/",
        "/api/v1/recommendations/%00/",
        "/api/v1/nothing-here/",
        "/api/v2/",
    ],
)
def test_missing_things_get_a_json_404(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 404
    if url.startswith("/api/v1/"):
        assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, seeded, method):
    response = getattr(client, method)("/api/v1/practices/", {}, content_type="application/json")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_bad_filter_on_an_export_or_feed_gets_400_json(client, seeded):
    for url in (
        "/en/open-data/promising-practices.csv?region=atlantis",
        "/fr/donnees-ouvertes/pratiques-prometteuses.json?colour=bleu",
        "/en/open-data/feeds/practices/?theme=nope",
    ):
        response = client.get(url)
        assert response.status_code == 400
        assert response.json()["errors"]
