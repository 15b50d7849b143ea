import re

import pytest

from practices.models import PromisingPractice, Status
from tests.practices.conftest import make_practice

pytestmark = pytest.mark.django_db

SWIM = "Women-only swim night"
NETWORK = "New Brunswick rural settlement network"


def titles(response):
    html = response.content.decode()
    block = html[html.index('<section aria-labelledby="results-heading"') :]
    return re.findall(r"<h3><a href=\"[^\"]+\"(?: lang=\"\w+\")?>([^<]+)</a></h3>", block)


def option(response, param, value):
    """The text of a filter's <option>, e.g. 'Atlantic (3)'."""
    html = response.content.decode()
    select = html[html.index(f'name="{param}"') :]
    select = select[: select.index("</select>")]
    return re.search(rf'<option value="{re.escape(value)}"[^>]*>([^<]+)</option>', select)[1]


@pytest.mark.parametrize("url", ["/en/practices/", "/fr/pratiques/"])
def test_visitor_sees_published_practices_in_both_languages(client, seeded, url):
    make_practice(title_en="Secret draft", title_fr="Brouillon secret", status=Status.DRAFT)
    response = client.get(url)
    assert response.status_code == 200
    shown = titles(response)
    assert len(shown) == 18
    assert "Secret draft" not in shown and "Brouillon secret" not in shown
    assert ("18 practices" if "/en/" in url else "18 pratiques") in response.content.decode()


def test_french_page_shows_french_titles(client, seeded):
    assert "Soirée de natation réservée aux femmes" in titles(client.get("/fr/pratiques/"))


@pytest.mark.parametrize(
    ("param", "value", "included", "excluded"),
    [
        ("region", "prairies_north", SWIM, NETWORK),
        ("province", "NB", NETWORK, SWIM),
        ("size", "rural", NETWORK, SWIM),
        ("theme", "women", SWIM, NETWORK),
        ("group", "international-students", "A community table on international students", SWIM),
        (
            "group",
            "temporary-foreign-workers",
            "Working with employers to welcome temporary foreign workers",
            SWIM,
        ),
        ("principle", "responsive", SWIM, NETWORK),
        ("kind", "innovation", SWIM, "Family canoe outings on the lake"),
        (
            "mode",
            "non_digital",
            SWIM,
            "Virtual classes that pool wait-listed learners across towns",
        ),
        ("origin", "newcomer_idea", SWIM, NETWORK),
        ("evidence", "anecdotal", SWIM, "Pooling one-person offices under one agreement"),
        ("stage", "established", SWIM, "Lending devices and data to clients"),
        ("lang", "fr", SWIM, "A kids' corner with a shared streaming account"),
    ],
)
def test_each_filter_narrows_the_list(client, seeded, param, value, included, excluded):
    shown = titles(client.get("/en/practices/", {param: value}))
    assert included in shown
    assert excluded not in shown


def test_filters_combine(client, seeded):
    shown = titles(client.get("/en/practices/", {"region": "bc_yukon", "theme": "employment"}))
    assert shown == ["Working with employers to welcome temporary foreign workers"]


def test_filters_and_keyword_combine_and_live_in_the_url(client, seeded):
    response = client.get(
        "/en/practices/", {"q": "natation", "province": "NT", "kind": "iteration"}
    )
    assert titles(response) == ["Family canoe outings on the lake"]
    html = response.content.decode()
    assert 'name="q" value="natation"' in html
    assert re.search(r'<option value="NT" selected>', html)


def test_each_choice_shows_how_many_results_it_gives(client, seeded):
    response = client.get("/en/practices/")
    atlantic = PromisingPractice.objects.published().filter(region__code="atlantic").count()
    assert option(response, "region", "atlantic") == f"Atlantic ({atlantic})"
    women = sum(1 for p in PromisingPractice.objects.all() if p.themes.filter(slug="women"))
    assert option(response, "theme", "women") == f"Women ({women})"


def test_counts_of_a_chosen_filter_show_what_the_other_choices_would_give(client, seeded):
    response = client.get("/en/practices/", {"region": "prairies_north", "kind": "innovation"})
    atlantic_innovations = (
        PromisingPractice.objects.published()
        .filter(region__code="atlantic", kind="innovation")
        .count()
    )
    assert atlantic_innovations > 0
    assert option(response, "region", "atlantic") == f"Atlantic ({atlantic_innovations})"
    prairies_iterations = PromisingPractice.objects.filter(
        region__code="prairies_north", kind="iteration"
    ).count()
    assert option(response, "kind", "iteration").endswith(f"({prairies_iterations})")


def test_counts_follow_a_new_publication(client, seeded):
    before = option(client.get("/en/practices/"), "province", "BC")
    make_practice(community="Smithers")
    after = option(client.get("/en/practices/"), "province", "BC")
    count = int(re.search(r"\((\d+)\)", before)[1])
    assert after.endswith(f"({count + 1})")


def test_unknown_filter_value_is_ignored_with_a_clear_message(client, seeded):
    response = client.get("/en/practices/", {"theme": "astrology", "region": "<b>x</b>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "“astrology” is not a choice for Theme: that filter was left out." in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert len(titles(response)) == 18


def test_unknown_filter_message_in_french(client, seeded):
    html = client.get("/fr/pratiques/", {"stage": "nope"}).content.decode()
    assert (
        "«\u00a0nope\u00a0» n&#x27;est pas un choix offert pour le filtre «\u00a0Étape\u00a0»"
        in html
    )


def test_page_past_the_end_shows_the_last_page_with_a_message(client, seeded):
    response = client.get("/en/practices/", {"page": "99"})
    assert response.status_code == 200
    assert "There is no page 99: here is page 1 of 1." in response.content.decode()
    assert len(titles(response)) == 18
    assert client.get("/en/practices/", {"page": "abc"}).status_code == 200


def test_results_are_paginated_by_twenty(client, seeded):
    for i in range(25):
        make_practice(title_en=f"Extra practice {i}", title_fr=f"Pratique de plus {i}")
    first = client.get("/en/practices/")
    assert len(titles(first)) == 20
    assert "?page=2" in first.content.decode()
    third = client.get("/en/practices/", {"page": 3})
    assert len(titles(third)) == 43 - 40


def test_newest_first_sort(client, seeded):
    make_practice(title_en="Brand new", title_fr="Toute neuve")
    assert titles(client.get("/en/practices/", {"sort": "newest"}))[0] == "Brand new"


def test_an_unknown_sort_gives_the_default_one(client, seeded):
    make_practice(title_en="Brand new", title_fr="Toute neuve")
    assert titles(client.get("/en/practices/", {"sort": "oldest"}))[0] == "Brand new"
    ranked = client.get("/en/practices/", {"q": "swim night", "sort": "oldest"})
    assert titles(ranked)[0] == SWIM
    assert '<option value="" selected>' in ranked.content.decode()
    assert "Sorted by best match" in ranked.content.decode()


def chosen_sort(response):
    """The value the sort menu submits as the page shows it."""
    html = response.content.decode()
    select = html[html.index('name="sort"') :]
    select = select[: select.index("</select>")]
    return re.search(r'<option value="(\w*)" selected>', select)[1]


@pytest.mark.parametrize("url", ["/en/practices/", "/fr/pratiques/"])
def test_a_keyword_typed_into_the_browsed_list_is_ranked(client, seeded, url):
    """Browsing shows the newest first; the form then submits no sort, so a keyword typed in
    it is ranked by relevance, and the page says so."""
    make_practice(title_en="Brand new", title_fr="Toute neuve", summary_en="A swim night.")
    browsed = client.get(url)
    assert titles(browsed)[0] in ("Brand new", "Toute neuve")
    sort = chosen_sort(browsed)
    assert sort == ""
    searched = client.get(url, {"q": "swim night", "sort": sort})
    assert titles(searched)[0] in (SWIM, "Soirée de natation réservée aux femmes")
    assert chosen_sort(searched) == ""
    html = searched.content.decode()
    assert ("Sorted by best match" if "/en/" in url else "Triées par pertinence") in html


def test_a_chosen_sort_stays_chosen_and_visible(client, seeded):
    make_practice(title_en="Brand new", title_fr="Toute neuve", summary_en="A swim night.")
    response = client.get("/en/practices/", {"q": "swim night", "sort": "newest"})
    assert titles(response)[0] == "Brand new"
    assert chosen_sort(response) == "newest"
    assert "Sorted newest first." in response.content.decode()


def test_huge_query_is_shortened_with_a_message(client, seeded):
    response = client.get("/en/practices/", {"q": "natation " * 250})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your search was longer than 200 characters: only the start was used." in html


@pytest.mark.parametrize(
    "query",
    ["'; DROP TABLE practices_promisingpractice; --", "<script>alert(1)</script>", "\" ' \\ % _"],
)
def test_hostile_query_is_answered_and_echoed_escaped(client, seeded, query):
    response = client.get("/en/practices/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert PromisingPractice.objects.count() == 18


def test_list_page_for_twenty_results_is_light(client, seeded):
    for i in range(5):
        make_practice(title_en=f"Extra practice {i}", title_fr=f"Pratique de plus {i}")
    response = client.get("/en/practices/")
    assert len(titles(response)) == 20
    assert len(response.content) < 60_000


def test_list_page_has_one_h1_and_labelled_filters(client, seeded):
    html = client.get("/fr/pratiques/").content.decode()
    assert html.count("<h1") == 1
    for select in re.findall(r'<select id="([^"]+)"', html):
        assert f'<label for="{select}">' in html
    assert html.count("<legend>") == 3


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"region": "atlantic"},
        {"q": "natation femmes"},
        {"q": "community", "region": "bc_yukon", "kind": "innovation", "theme": "partnerships"},
    ],
)
def test_list_page_query_count_does_not_grow_with_results(
    client, seeded, django_assert_max_num_queries, params
):
    """Prevents an n+1 on result cards: one query for the page, whatever its length."""
    for i in range(10):
        make_practice(title_en=f"Community practice {i}", community="Kamloops")
    client.get("/en/practices/", params)  # warm the reference-data caches of the session
    with django_assert_max_num_queries(16):
        client.get("/en/practices/", params)


def test_home_page_lists_the_newest_practices(client, seeded):
    make_practice(title_en="Newest on the home page", title_fr="La plus récente à l'accueil")
    assert "Newest on the home page" in client.get("/en/").content.decode()
    assert "La plus récente à l&#x27;accueil" in client.get("/fr/").content.decode()


def test_a_changed_theme_shows_at_once_and_no_query_reads_the_filters_again(client, seeded):
    """The filters' choices are built once per process and language (catalogue.current_facets)
    until a region, province, theme or client group changes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from practices.models import Theme

    first = client.get("/en/practices/").content.decode()
    assert "Winter driving" not in first
    theme = Theme.objects.order_by("slug").first()
    theme.name_en, theme.name_fr = "Winter driving", "Conduite hivernale"
    theme.save()
    english = client.get("/en/practices/").content.decode()
    assert f'<option value="{theme.slug}">Winter driving (' in english
    assert "Conduite hivernale" in client.get("/fr/pratiques/").content.decode()
    with CaptureQueriesContext(connection) as again:
        client.get("/en/practices/")
    assert not [q["sql"] for q in again if "practices_theme" in q["sql"]]


def test_the_french_list_names_a_province_the_french_way(client, reference):
    make_practice(title_en="Winter tyres", title_fr="Pneus d’hiver", community="Smithers")
    english = client.get("/en/practices/").content.decode()
    french = client.get("/fr/pratiques/").content.decode()
    assert "Smithers, BC" in english
    assert "Smithers (C.-B.)" in french and "Smithers, BC" not in french


def test_french_any_agrees_with_the_filtered_noun(client, seeded):
    """« Région d'IRCC : Toutes », « Thème : Tous » (docs/french-style.md)."""
    html = client.get("/fr/pratiques/").content.decode()
    first = dict(re.findall(r'<select id="filter-(\w+)"[^>]*>\s*<option value="">([^<]+)<', html))
    feminine = {"region", "size", "mode", "origin", "evidence", "stage"}
    assert {name for name, text in first.items() if text == "Toutes"} == feminine
    assert {text for name, text in first.items() if name not in feminine} == {"Tous"}
