"""The bilingual glossary: a search in one language finds practices written only in the other;
editors keep it in the admin; the search help page lists it."""

import pytest
from django.core.exceptions import ValidationError

from practices import catalogue, search
from practices.catalogue import Query
from practices.models import GlossaryEntry
from tests.practices.conftest import make_practice

pytestmark = pytest.mark.django_db

DATABASES = [pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"]


def found(text):
    return {p.title for p in catalogue.find(Query(text=text)).ordered()}


@pytest.fixture
def snowshoes(seeded):
    GlossaryEntry.objects.create(phrase_en="snowshoe walk", phrase_fr="sortie en raquettes")
    french = make_practice(title_en="", title_fr="Sortie en raquettes au village", summary_en="")
    english = make_practice(title_en="A snowshoe walk for families", title_fr="")
    return french, english


@pytest.mark.parametrize("database", DATABASES)
def test_a_query_in_one_language_finds_practices_only_in_the_other(
    snowshoes, monkeypatch, database
):
    if database == "sqlite":
        monkeypatch.setattr(search, "postgres", lambda: False)
    french, english = snowshoes
    assert french.title_fr in found("snowshoe walks")
    assert english.title_en in found("sorties en raquettes")
    # Without the glossary's phrase, nothing in the other language.
    assert french.title_fr not in found("snowshoe")


def test_the_list_page_shows_the_other_language_match(client, snowshoes):
    html = client.get("/en/practices/", {"q": "snowshoe walk"}).content.decode()
    assert "Sortie en raquettes au village" in html


def test_a_change_to_the_glossary_applies_to_the_next_search(snowshoes):
    french, _english = snowshoes
    assert french.title_fr not in found("snowshoe outing")
    GlossaryEntry.objects.create(phrase_en="snowshoe outing", phrase_fr="sortie en raquettes")
    assert french.title_fr in found("snowshoe outing")


@pytest.mark.parametrize(
    ("phrase_en", "phrase_fr", "field", "message"),
    [
        ("", "logement", "phrase_en", "This field cannot be blank."),
        ("housing", "   ", "phrase_fr", "Write a phrase with at least one word."),
        ("!!", "logement", "phrase_en", "Write a phrase with at least one word."),
        ("Réfugié", "refugie", "phrase_fr", "The French phrase is the same as the English one"),
    ],
)
def test_an_empty_or_identical_phrase_is_refused(phrase_en, phrase_fr, field, message):
    entry = GlossaryEntry(phrase_en=phrase_en, phrase_fr=phrase_fr)
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert message in " ".join(refused.value.message_dict[field])


def test_the_admin_refuses_an_identical_pair_in_french(client_for, alex):
    response = client_for(alex).post(
        "/fr/admin/practices/glossaryentry/add/", {"phrase_en": "Youth", "phrase_fr": "youth"}
    )
    assert response.status_code == 200
    assert "L’expression française est la même que l’anglaise" in response.content.decode()
    assert not GlossaryEntry.objects.filter(phrase_en="Youth").exists()


@pytest.mark.parametrize("url", ["/en/practices/search-help/", "/fr/pratiques/aide-recherche/"])
def test_the_search_help_page_lists_the_glossary(client, seeded, url):
    html = client.get(url).content.decode()
    assert '<td lang="en">temporary foreign worker</td>' in html
    assert '<td lang="fr">travailleur étranger temporaire</td>' in html
    assert GlossaryEntry.objects.count() >= 12
