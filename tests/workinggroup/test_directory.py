import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.workinggroup.conftest import make_organization

pytestmark = pytest.mark.django_db


def listed(response):
    """Slugs of the organizations on the page, in order."""
    return re.findall(r'<h3><a href="/(?:en|fr)/[^/]+/([^/]+)/">', response.content.decode())


def test_directory_paths_are_translated():
    with translation.override("en"):
        assert reverse("organization_list") == "/en/organizations/"
    with translation.override("fr"):
        assert reverse("organization_list") == "/fr/organismes/"
        assert reverse("organization_detail", kwargs={"slug": "x"}) == "/fr/organismes/x/"


def test_directory_lists_every_organization_by_name_in_the_page_language(client, directory):
    english = listed(client.get("/en/organizations/"))
    french = listed(client.get("/fr/organismes/"))
    assert english[0] == "iqaluit-arctic"  # Arctic Welcome
    assert french[0] == "iqaluit-arctic"  # Accueil Arctique
    assert english[1] == "bulkley-valley"
    assert french[1] == "yellowknife-welcome"  # Accueil Yellowknife
    assert sorted(english) == sorted(french) and len(english) == 5


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=atlantic", {"carrefour-caraquet", "moncton-settlement"}),
        ("region=prairies_north", {"yellowknife-welcome", "iqaluit-arctic"}),
        ("province=NU", {"iqaluit-arctic"}),
        ("size=remote", {"iqaluit-arctic"}),
        ("size=rural", {"carrefour-caraquet", "bulkley-valley"}),
        ("language=fr", {"carrefour-caraquet", "moncton-settlement"}),
        ("language=pa", {"bulkley-valley"}),
        ("francophone=1", {"carrefour-caraquet"}),
        ("region=atlantic&language=ar", {"moncton-settlement"}),
        ("region=atlantic&size=rural&language=fr&francophone=1", {"carrefour-caraquet"}),
        ("region=bc_yukon&size=small_centre", {"bulkley-valley"}),  # Terrace
        ("region=prairies_north&province=NT&language=tl", {"yellowknife-welcome"}),
        ("region=atlantic&province=NU", set()),
        ("language=vi", set()),
    ],
)
def test_filters_combine_and_live_in_the_url(client, directory, query, expected):
    response = client.get(f"/en/organizations/?{query}")
    assert response.status_code == 200
    assert set(listed(response)) == expected


def test_language_filter_matches_whole_codes_only(client, db):
    make_organization("tagalog", languages=["tl"])
    make_organization("tigrinya", languages=["ti"])
    assert listed(client.get("/en/organizations/?language=ti")) == ["tigrinya"]


def test_filter_options_show_how_many_results_each_would_give(client, directory):
    page = client.get("/en/organizations/?region=atlantic").content.decode()
    assert "2 organizations" in page
    # Counts for other facets respect the region; region counts ignore it, so one can switch.
    assert '<option value="fr">French (2)</option>' in page
    assert '<option value="prairies_north">Prairies and Northern Territories (2)</option>' in page
    assert '<option value="atlantic" selected>Atlantic (2)</option>' in page
    assert '<option value="rural">Rural (1)</option>' in page
    assert "Serves a francophone minority community (1)" in page


def test_directory_in_french_counts_and_filters(client, directory):
    page = client.get("/fr/organismes/?francophone=1").content.decode()
    assert '<html lang="fr"' in page
    assert "1 organisme<" in page
    assert "Carrefour de Caraquet" in page
    assert 'id="filter-francophone" name="francophone" value="1" checked' in page


def test_unknown_filter_value_is_ignored_with_a_message_in_the_page_language(client, directory):
    english = client.get("/en/organizations/?region=narnia&language=fr")
    assert english.status_code == 200
    assert set(listed(english)) == {"carrefour-caraquet", "moncton-settlement"}
    assert (
        "“narnia” is not one of the choices; this filter was ignored." in english.content.decode()
    )
    french = client.get("/fr/organismes/?size=huge").content.decode()
    assert "« huge » ne fait pas partie des choix; ce filtre n&#x27;a pas été appliqué." in french
    assert 'aria-describedby="filter-size-error"' in french


def test_results_are_paginated_and_page_links_keep_the_filters(client, db):
    for number in range(25):
        make_organization(f"org-{number:02}", "NB", languages=["fr"])
    first = client.get("/en/organizations/?language=fr")
    assert len(listed(first)) == 20
    assert "25 organizations" in first.content.decode()
    assert 'href="?language=fr&amp;page=2"' in first.content.decode()
    second = client.get("/en/organizations/?language=fr&page=2")
    assert len(listed(second)) == 5


@pytest.mark.parametrize(
    "query",
    ["", "region=atlantic", "province=NB&size=rural", "language=fr&francophone=1",
     "region=prairies_north&province=NT&size=small_centre&language=en&francophone=1&page=2"],
)  # fmt: skip
def test_directory_runs_the_same_few_queries_whatever_the_filters(
    client, directory, django_assert_max_num_queries, query
):
    """Prevents an n+1 on the directory: regions, provinces, page, communities and four facet
    counts (which also give the total); once cached, only regions and provinces."""
    for number in range(30):
        make_organization(f"extra-{number}", "NT", ["Yellowknife", "Hay River"], languages=["en"])
    with django_assert_max_num_queries(8):
        assert client.get(f"/en/organizations/?{query}").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get(f"/en/organizations/?{query}").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(f"/fr/organismes/?{query}").status_code == 200


def test_cached_counts_follow_changes_to_organizations(client, directory):
    before = client.get("/en/organizations/").content.decode()
    assert '<option value="NU">Nunavut (1)</option>' in before
    make_organization("rankin-inlet", "NU", ["Rankin Inlet"])
    page = client.get("/en/organizations/").content.decode()
    assert '<option value="NU">Nunavut (2)</option>' in page
    assert '<option value="remote">Remote (2)</option>' in page
    directory["iqaluit"].communities.clear()
    assert '<option value="remote">Remote (1)</option>' in (
        client.get("/en/organizations/").content.decode()
    )


def test_organization_page_shows_description_communities_languages_and_public_contacts(
    client, directory
):
    organization = directory["smithers"]
    organization.description_en = "Settlement help in the Bulkley Valley."
    organization.website = "https://example.org/bulkley"
    organization.public_phone = "+1 250 555 0100"
    organization.save()
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "<h1>Bulkley Valley Newcomers</h1>" in page
    assert "Settlement help in the Bulkley Valley." in page
    assert "Smithers (rural)" in page and "Terrace (small centre)" in page
    assert "English, Punjabi" in page
    assert 'href="https://example.org/bulkley"' in page
    assert "+1 250 555 0100" in page


def test_organization_page_in_french_shows_english_description_with_a_notice(client, directory):
    organization = directory["yellowknife"]
    organization.description_en = "A welcome centre on Great Slave Lake."
    organization.save()
    page = client.get(f"/fr/organismes/{organization.slug}/").content.decode()
    assert "<h1>Accueil Yellowknife</h1>" in page
    assert "Cette description n'est pas encore offerte en français." in page
    assert '<div lang="en"><p>A welcome centre on Great Slave Lake.</p></div>' in page
    assert 'hreflang="en" href="/en/organizations/yellowknife-welcome/"' in page


def test_unknown_organization_is_a_404_in_the_page_language(client, db):
    response = client.get("/fr/organismes/nowhere/")
    assert response.status_code == 404
    assert '<html lang="fr"' in response.content.decode()
