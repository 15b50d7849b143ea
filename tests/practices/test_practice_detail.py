import re

import pytest
from django.utils import translation

from practices.models import PromisingPractice, Status
from tests.practices.conftest import make_practice

pytestmark = pytest.mark.django_db


def swim():
    return PromisingPractice.objects.get(slug_en="women-only-swim-night")


def url_in(practice, language):
    with translation.override(language):
        return practice.get_absolute_url()


def test_practice_urls_have_translated_paths_and_slugs(seeded):
    practice = swim()
    assert url_in(practice, "en") == f"/en/practices/{practice.pk}/women-only-swim-night/"
    assert url_in(practice, "fr") == (
        f"/fr/pratiques/{practice.pk}/soiree-de-natation-reservee-aux-femmes/"
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_practice_page_shows_every_field(client, seeded, language):
    practice = swim()
    html = client.get(url_in(practice, language)).content.decode()
    en = language == "en"
    assert html.count("<h1") == 1
    assert ("Women-only swim night" if en else "Soirée de natation réservée aux femmes") in html
    for text in [
        "Marisol Pineda",
        "tel:+18675550101",
        "mailto:marisol.pineda@example.org",
        "Yellowknife",
        "Northwest Territories" if en else "Territoires du Nord-Ouest",
        "Someone to call" if en else "Une personne à joindre",
        "What did not work" if en else "Ce qui n’a pas fonctionné",
        "Outcomes" if en else "Résultats",
        "Idea from a newcomer" if en else "Idée d&#x27;une personne nouvellement arrivée",
        "Anecdotal" if en else "Anecdotique",
        "Established" if en else "Bien établie",
        "Innovation",
        "Non-digital" if en else "Non numérique",
        "Client-centric" if en else "Approche axée sur le client",
        "Recreation and belonging" if en else "Loisirs et sentiment d&#x27;appartenance",
        "Refugees" if en else "Réfugiés",
        practice.lead_organization.name_en if en else practice.lead_organization.name_fr,
    ]:
        assert text in html, text
    assert "Listen to clients" in html if en else "Écouter les clientes" in html


def test_partner_organizations_are_listed(client, seeded):
    practice = swim()
    partner = practice.partner_organizations.get()
    assert partner.name_en in client.get(url_in(practice, "en")).content.decode()


def test_language_toggle_lands_on_the_translated_slug(client, seeded):
    practice = swim()
    html = client.get(url_in(practice, "en")).content.decode()
    french = url_in(practice, "fr")
    assert f'<link rel="alternate" hreflang="fr" href="{french}">' in html
    assert re.search(rf'<a href="{re.escape(french)}" lang="fr" hreflang="fr"', html)


def test_wrong_or_other_language_slug_redirects_to_the_right_one(client, seeded):
    practice = swim()
    response = client.get(f"/fr/pratiques/{practice.pk}/women-only-swim-night/")
    assert response.status_code == 301
    assert response.url == url_in(practice, "fr")


def test_french_only_practice_on_english_page_is_marked_french_under_a_notice(client, seeded):
    practice = PromisingPractice.objects.filter(has_en=False).first()
    html = client.get(url_in(practice, "en")).content.decode()
    assert "This practice has not been translated yet: it is shown in French." in html
    assert re.search(r'<h1 lang="fr">', html)
    assert re.search(r'<p class="lead" lang="fr">', html)
    assert '<html lang="en">' in html


def test_english_only_practice_on_french_page_is_marked_english(client, seeded):
    practice = PromisingPractice.objects.get(has_fr=False)
    html = client.get(url_in(practice, "fr")).content.decode()
    assert "elle est affichée en anglais" in html
    assert '<h1 lang="en">' in html


def test_one_language_practice_in_the_list_is_marked(client, seeded):
    html = client.get("/en/practices/", {"lang": "fr", "province": "MB"}).content.decode()
    assert "Available in French only." in html
    assert re.search(r'<h3><a href="[^"]+" lang="fr">', html)


def test_draft_practice_is_not_found(client, seeded):
    draft = make_practice(title_en="Not yet", status=Status.DRAFT)
    assert client.get(url_in(draft, "en")).status_code == 404


def test_related_practices_share_a_region_or_theme(client, seeded):
    practice = swim()
    neighbour = make_practice(title_en="Northern neighbour", community="Yellowknife")
    stranger = make_practice(
        title_en="Far away", community="Corner Brook", themes=("digital-literacy",)
    )
    html = client.get(url_in(practice, "en")).content.decode()
    related = html[html.index('id="related-heading"') :]
    assert "Northern neighbour" in related
    assert "Far away" not in related
    assert neighbour.pk != stranger.pk


def test_page_has_named_blocks_for_later_features():
    from pathlib import Path

    source = Path("practices/templates/practices/practice_detail.html").read_text()
    for block in ("practice_adaptations", "practice_discussion", "practice_recommendations"):
        assert f"{{% block {block} %}}" in source


def test_filters_and_related_links_are_left_out_when_printing(client, seeded):
    html = client.get(url_in(swim(), "en")).content.decode()
    assert 'aria-labelledby="related-heading" class="no-print"' in html


@pytest.mark.parametrize("language", ["en", "fr"])
def test_detail_page_query_count_is_constant(
    client, seeded, django_assert_max_num_queries, language
):
    """Prevents an n+1 on partners, themes, related practices and resources (one query, with
    their files: tests/practices/test_resources.py)."""
    practice = swim()
    for i in range(5):
        make_practice(title_en=f"Yellowknife {i}", community="Yellowknife", themes=("women",))
    with django_assert_max_num_queries(8):
        assert client.get(url_in(practice, language)).status_code == 200
