"""A practice's resources: the page's "Resources" section, the catalogue's filter "has resources
in" and its search of resource titles and descriptions."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from practices.models import PromisingPractice, Resource
from tests.practices.conftest import make_practice

pytestmark = pytest.mark.django_db


def add_link(practice, title_en, title_fr="", languages=("en",), kind="handout", **fields):
    position = Resource.objects.filter(practice=practice).count()
    resource = Resource.objects.create(
        practice=practice,
        key=f"k{position}",
        title_en=title_en,
        title_fr=title_fr or None,
        kind=kind,
        language_bits=0,
        url=fields.pop("url", "https://example.org/handout"),
        position=position,
        **fields,
    )
    resource.languages = languages
    resource.save(update_fields=["language_bits"])
    Resource.refresh_practice(practice)
    return resource


def page(client, practice, language):
    with translation.override(language):
        url = practice.get_absolute_url()
    return client.get(url).content.decode()


def titles(response):
    html = response.content.decode()
    block = html[html.index('<section aria-labelledby="results-heading"') :]
    return re.findall(r"<h3><a href=\"[^\"]+\"(?: lang=\"\w+\")?>([^<]+)</a></h3>", block)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_practice_page_lists_resources_with_kind_and_language_names(client, reference, language):
    practice = make_practice(title_en="Intake in many languages")
    add_link(
        practice,
        "Welcome handout",
        "Feuillet d'accueil",
        languages=("ar", "ti", "uk"),
        description_en="One page for new clients.",
        description_fr="Une page pour les nouveaux clients.",
    )
    html = page(client, practice, language)
    section = html[html.index('id="resources-heading"') :]
    if language == "en":
        assert "Welcome handout" in section
        assert "Handout for clients" in section
        assert "Arabic, Tigrinya, Ukrainian" in section
    else:
        assert "Feuillet d&#x27;accueil" in section
        assert "Document pour la clientèle" in section
        assert "arabe, tigrigna, ukrainien" in section
    assert 'href="https://example.org/handout" rel="noopener nofollow"' in section


def test_resource_title_missing_in_french_shows_english_marked_as_such(client, reference):
    practice = make_practice()
    add_link(practice, "Driver agreement")
    html = page(client, practice, "fr")
    assert '<h3 lang="en">Driver agreement</h3>' in html


def test_practice_without_resources_has_no_section(client, reference):
    assert 'id="resources-heading"' not in page(client, make_practice(), "en")


def test_ten_resources_cost_at_most_one_query(client, reference, django_assert_max_num_queries):
    practice = make_practice()
    empty = make_practice(title_en="Another", title_fr="Une autre")
    for i in range(10):
        add_link(practice, f"Form {i}", languages=("en", "fr"))
    page(client, empty, "en")
    page(client, practice, "en")  # both pages' caches warm
    with CaptureQueriesContext(connection) as without:
        page(client, empty, "en")
    with django_assert_max_num_queries(len(without.captured_queries) + 1):
        html = page(client, practice, "en")
    assert html.count('class="resource"') == 10
    assert len(without.captured_queries) > 1  # the page was not served whole from a cache


def test_catalogue_filter_has_resources_in_a_language(client, reference):
    tigrinya = make_practice(title_en="Tigrinya handouts", title_fr="Documents en tigrigna")
    add_link(tigrinya, "Bus map", languages=("ti", "en"))
    ukrainian = make_practice(title_en="Ukrainian forms", title_fr="Formulaires ukrainiens")
    add_link(ukrainian, "Lease checklist", languages=("uk",))
    make_practice(title_en="No resources", title_fr="Aucune ressource")
    assert titles(client.get("/en/practices/", {"reslang": "ti"})) == ["Tigrinya handouts"]
    shown = titles(client.get("/fr/pratiques/", {"reslang": "uk", "theme": "employment"}))
    assert shown == ["Formulaires ukrainiens"]
    html = client.get("/en/practices/", {"reslang": "ti"}).content.decode()
    assert re.search(r'<option value="ti"[^>]*selected[^>]*>Tigrinya \(1\)</option>', html)


def test_removing_the_last_resource_in_a_language_drops_it_from_the_filter(client, reference):
    practice = make_practice(title_en="Tigrinya handouts")
    resource = add_link(practice, "Bus map", languages=("ti",))
    resource.delete()
    Resource.refresh_practice(practice)
    assert titles(client.get("/en/practices/", {"reslang": "ti"})) == []


def test_resource_titles_and_descriptions_are_searchable(client, reference):
    practice = make_practice(title_en="Rides to appointments", title_fr="Transport aux rendez-vous")
    add_link(
        practice,
        "Volunteer driver agreement",
        "Entente avec les chauffeurs bénévoles",
        description_en="Insurance clauses included.",
    )
    make_practice(title_en="Something else", title_fr="Autre chose")
    assert titles(client.get("/en/practices/", {"q": "insurance clauses"})) == [
        "Rides to appointments"
    ]
    assert titles(client.get("/fr/pratiques/", {"q": "chauffeurs bénévoles"})) == [
        "Transport aux rendez-vous"
    ]
    row = PromisingPractice.objects.get(pk=practice.pk)
    assert "volunteer driver agreement" in row.search_text


def test_demo_resources_show_files_a_poster_and_a_link(
    client, seeded, django_capture_on_commit_callbacks
):
    from practices import resources_demo

    with django_capture_on_commit_callbacks(execute=True):
        resources_demo.load()
    resources_demo.load()  # a second run adds nothing
    assert Resource.objects.count() == 4
    swim = PromisingPractice.objects.get(slug_en="women-only-swim-night")
    html = page(client, swim, "en")
    assert "Swim night flyer for clients" in html and "(PDF, " in html
    assert "Arabic, Tigrinya, Ukrainian" in html
    assert titles(client.get("/en/practices/", {"reslang": "ti"})) == ["Women-only swim night"]
    canoe = page(
        client, PromisingPractice.objects.get(slug_en="family-canoe-outings-on-the-lake"), "fr"
    )
    assert 'class="resource-preview"' in canoe and "(JPEG, " in canoe


def test_the_demo_photo_is_published_without_its_gps_position(
    seeded, django_capture_on_commit_callbacks
):
    from PIL import Image

    from practices import resources_demo

    with django_capture_on_commit_callbacks(execute=True):
        resources_demo.load()
    photo = Resource.objects.get(title_en="Canoe outing poster").upload
    with photo.file.open("rb") as stream:
        assert not Image.open(stream).getexif().get_ifd(0x8825)  # no GPS block
