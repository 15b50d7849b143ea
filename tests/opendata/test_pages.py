import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, heading, licence",
    [
        ("/en/open-data/", "Open data", "https://creativecommons.org/licenses/by/4.0/"),
        (
            "/fr/donnees-ouvertes/",
            "Données ouvertes",
            "https://creativecommons.org/licenses/by/4.0/deed.fr",
        ),
    ],
)
def test_open_data_page_says_what_is_available_licence_and_how_to_cite(
    client, seeded, url, heading, licence
):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r"<h1>(.*?)</h1>", html) == [heading]
    assert f'href="{licence}" rel="license"' in html
    assert "CC BY 4.0" in html and "/api/v1/" in html
    language = url[1:3]
    for link in (
        "/api/v1/schema/",
        f"/{language}/"
        + (
            "open-data/promising-practices.csv"
            if language == "en"
            else "donnees-ouvertes/pratiques-prometteuses.csv"
        ),
        "recommendations-tracker.csv" if language == "en" else "recommandations/",
        "/en/open-data/feeds/practices/",
        "/fr/donnees-ouvertes/fils/pratiques/",
        "/en/recommendations/feed/",
        "/fr/recommandations/fil/",
    ):
        assert link in html, link


def test_how_to_cite_names_the_working_group_in_the_page_language(client, seeded):
    assert (
        "Groupe de travail national sur les petits centres"
        in client.get("/fr/donnees-ouvertes/").content.decode()
    )
    assert (
        "National Small Centres Working Group. Small Centres Portal open data"
        in client.get("/en/open-data/").content.decode()
    )


@pytest.mark.parametrize(
    "url, words",
    [
        ("/en/open-data/api/", ["API documentation", "Published practices", "Parameter"]),
        (
            "/fr/donnees-ouvertes/api/",
            # record names are identifiers, set as code on the French page too
            ["Documentation de l'API", "Pratiques publiées", "Paramètre", "<code>Error</code>"],
        ),
    ],
)
def test_api_documentation_page_works_without_javascript_in_both_languages(
    client, seeded, url, words
):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for word in words:
        assert word in html
    assert "<script" not in html  # nothing to load, nothing the CSP would block
    assert "/api/v1/practices/" in html and "page_size" in html and "atlantic" in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_schema_is_openapi_3_and_can_be_had_in_french(client, seeded):
    english = client.get("/api/v1/schema/").json()
    assert english["openapi"].startswith("3.")
    assert english["info"]["license"]["name"] == "CC BY 4.0"
    french = client.get("/api/v1/schema/?lang=fr").json()
    assert french["info"]["description"].startswith("Données ouvertes")
    error = french["components"]["schemas"]["Error"]["properties"]
    assert error["detail"]["description"] == "Ce qui ne va pas, en langage clair."
    assert (
        client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi").status_code == 200
    )


def test_every_page_links_to_open_data_in_its_footer(client, seeded):
    for url, link in (("/en/", "/en/open-data/"), ("/fr/pratiques/", "/fr/donnees-ouvertes/")):
        html = client.get(url).content.decode()
        footer = html[html.index("<footer") :]
        assert f'href="{link}"' in footer


def test_catalogue_offers_its_current_results_as_csv_json_and_feed(client, seeded):
    html = client.get("/en/practices/?region=atlantic&colour=blue&q=newcomers").content.decode()
    assert "/en/open-data/promising-practices.csv?region=atlantic&amp;q=newcomers" in html
    assert "/en/open-data/promising-practices.json?region=atlantic&amp;q=newcomers" in html
    assert "/en/open-data/feeds/practices/?region=atlantic&amp;q=newcomers" in html
    french = client.get("/fr/pratiques/?theme=housing").content.decode()
    assert "/fr/donnees-ouvertes/pratiques-prometteuses.csv?theme=housing" in french
