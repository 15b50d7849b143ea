import pytest

pytestmark = pytest.mark.django_db

ORIGIN = "https://maps.example.org"


def test_any_website_may_read_the_api_from_a_browser(client, seeded):
    response = client.get("/api/v1/practices/", HTTP_ORIGIN=ORIGIN)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_preflight_allows_reading_only(client, seeded):
    response = client.options(
        "/api/v1/practices/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 200
    allowed = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}


def test_pages_outside_the_api_get_no_cors_headers(client, seeded):
    for url in ("/en/practices/", "/en/open-data/", "/en/open-data/promising-practices.csv"):
        response = client.get(url, HTTP_ORIGIN=ORIGIN)
        assert "Access-Control-Allow-Origin" not in response, url


def test_a_client_over_the_limit_gets_429_with_retry_after(client, seeded, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "3/minute"},
    }
    for _ in range(3):
        assert client.get("/api/v1/regions/").status_code == 200
    response = client.get("/api/v1/themes/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["code"] == "throttled"
    # Another client (another address) is not held back.
    assert client.get("/api/v1/regions/", REMOTE_ADDR="203.0.113.9").status_code == 200
