"""Where adaptations show: the practice page, the catalogue (count, "most adapted" sort), the
adapting organization's page, and a practice's full list."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from practices.models import PromisingPractice, Status
from tests.adaptations.conftest import adapt, make_practice, organization, url_in
from tests.conftest import make_user
from workinggroup import roles


def workers(count):
    """People at `count` different demo organizations."""
    slugs = ["sm-bulkley-valley", "ka-two-rivers", "ca-carrefour-peninsule", "gp-peace-country"]
    slugs += ["yk-accueil-grand-nord", "he-accueil-nord", "tb-superior-north", "cr-key-city"]
    return [
        make_user(f"w{n}@example.org", roles.SECTOR_USER, organization=organization(slug))
        for n, slug in enumerate(slugs[:count])
    ]


def list_url(practice, language="en"):
    with translation.override(language):
        return reverse("adaptations:list", kwargs={"pk": practice.pk})


def card_of(html, title):
    start = html.index(f">{title}</a></h3>")
    return html[start : html.index("</li>", start)]


@pytest.mark.parametrize("language, badge", [("en", "2 adaptations"), ("fr", "2 adaptations")])
def test_the_catalogue_card_shows_how_often_a_practice_was_adapted(client, swim, language, badge):
    for person in workers(2):
        adapt(swim, person)
    html = client.get(url_in(swim, language).split(str(swim.pk))[0]).content.decode()
    title = swim.title_en if language == "en" else swim.title_fr
    assert f'<span class="badge">{badge}</span>' in card_of(html, title.replace("'", "&#x27;"))


@pytest.mark.parametrize(
    "language, label", [("en", "Most adapted first"), ("fr", "Les plus adaptées d’abord")]
)
def test_the_sort_control_offers_most_adapted(client, seeded, language, label):
    path = "/en/practices/" if language == "en" else "/fr/pratiques/"
    html = client.get(path, {"sort": "adapted"}).content.decode()
    assert f'<option value="adapted" selected>{label}</option>' in html.replace("&#x27;", "'")


def test_most_adapted_sorts_by_count_then_newest(client, seeded):
    once = make_practice(title_en="Adapted once")
    twice = make_practice(title_en="Adapted twice")
    people = workers(3)
    adapt(once, people[0])
    adapt(twice, people[1])
    adapt(twice, people[2])
    html = client.get("/en/practices/", {"sort": "adapted"}).content.decode()
    titles = re.findall(r'<h3><a href="[^"]+"(?: lang="\w+")?>([^<]+)</a></h3>', html)
    assert titles[:2] == ["Adapted twice", "Adapted once"]
    newest = PromisingPractice.objects.published().filter(adaptation_count=0).newest_first()[0]
    assert titles[2] == newest.title_en  # then the newest of those never adapted


def test_most_adapted_also_sorts_search_results(client, seeded):
    plain = make_practice(title_en="Snowshoe club for newcomers")
    adapted = make_practice(title_en="Snowshoe lending library")
    adapt(adapted, workers(1)[0])
    html = client.get("/en/practices/", {"q": "snowshoe", "sort": "adapted"}).content.decode()
    assert html.index("Snowshoe lending library") < html.index(plain.title_en)


def test_an_unknown_sort_falls_back_to_newest(client, seeded):
    html = client.get("/en/practices/", {"sort": "bogus"}).content.decode()
    assert '<option value="" selected>' in html
    assert "Sorted newest first." in html


def test_list_page_query_count_does_not_grow_with_adaptations(
    client, seeded, django_assert_max_num_queries
):
    """Prevents an n+1 on the cards' adaptation counts: they are a column of the page query."""
    people = workers(4)
    for practice in PromisingPractice.objects.all()[:12]:
        for person in people:
            adapt(practice, person)
    client.get("/en/practices/", {"sort": "adapted"})  # warm the cached facet counts
    with django_assert_max_num_queries(6):
        assert client.get("/en/practices/", {"sort": "adapted"}).status_code == 200


@pytest.mark.parametrize("persona", [None, "nadia", "elodie"])
def test_practice_page_query_count_does_not_grow_with_adaptations(
    client_for, client, swim, django_assert_max_num_queries, persona, request
):
    """Prevents an n+1 on adaptations: organization, community and province come with them."""
    if persona:
        client = client_for(request.getfixturevalue(persona))
    people = workers(2)
    adapt(swim, people[0], community=None)

    def queries():
        with django_assert_max_num_queries(30) as captured:
            assert client.get(url_in(swim, "en")).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for n in range(10):
        adapt(swim, people[n % 2], changes=f"Change {n}", community=_community("Kamloops"))
    assert queries() == few
    limit = 15 if persona else 9  # signed in: roles, the organizations one acts for, the
    # unread notifications count in the header; and the practice's resources (one query)
    assert few <= limit


def test_the_practice_page_shows_ten_and_links_to_all(client, swim):
    people = workers(2)
    for n in range(12):
        adapt(swim, people[n % 2], changes=f"Change number {n}.")
    html = client.get(url_in(swim, "en")).content.decode()
    assert "Adaptations (12)" in html
    assert html.count('class="adaptation"') == 10
    all_url = list_url(swim)
    assert f'<a href="{all_url}">See all 12 adaptations</a>' in html

    listing = client.get(all_url).content.decode()
    assert listing.count("<h1") == 1
    assert "12 adaptations" in listing
    assert "Change number 0." in listing


def test_the_full_list_is_paginated(client, swim, django_assert_max_num_queries):
    people = workers(2)
    for n in range(25):
        adapt(swim, people[n % 2], changes=f"Change number {n}.")
    url = list_url(swim)
    with django_assert_max_num_queries(4):
        first = client.get(url).content.decode()
    assert first.count('class="adaptation"') == 20
    second = client.get(url, {"page": 2}).content.decode()
    assert second.count('class="adaptation"') == 5
    assert "Change number 0." in second


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_adapting_organizations_page_lists_what_it_adapted(client, swim, language):
    person = workers(1)[0]  # Bulkley Valley
    adapt(swim, person, community=_community("Smithers"))
    hidden = make_practice(title_en="Withdrawn practice", status=Status.ARCHIVED)
    adapt(hidden, person)

    with translation.override(language):
        url = person.organization.get_absolute_url()
    html = client.get(url).content.decode()

    heading = "Practices it adapted" if language == "en" else "Pratiques qu’il a adaptées"
    assert heading in html.replace("&#x27;", "'")
    title = swim.title_en if language == "en" else swim.title_fr
    assert title.replace("'", "&#x27;") in html
    assert ("Smithers, BC" if language == "en" else "Smithers (C.-B.)") in html
    assert "Withdrawn practice" not in html


def test_organization_page_query_count_does_not_grow_with_adaptations(
    client, seeded, django_assert_max_num_queries
):
    """Prevents an n+1 on an organization's adaptations: practice and community come with them."""
    person = workers(1)[0]
    practices = list(PromisingPractice.objects.all()[:10])
    adapt(practices[0], person)
    url = url_in(person.organization, "en")
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    for practice in practices[1:]:
        adapt(practice, person, community=_community("Terrace"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count("Recorded on") == 10


def _community(name):
    from workinggroup.models import Community

    return Community.objects.get(name=name)


def test_each_page_has_one_heading_and_a_toggle_to_the_same_page_in_french(
    client_for, nadia, elodie, swim
):
    adaptation = adapt(swim, nadia)
    pk, own = swim.pk, adaptation.pk
    pages = {
        f"/en/adaptations/practice/{pk}/": f"/fr/adaptations/pratique/{pk}/",
        f"/en/adaptations/practice/{pk}/new/": f"/fr/adaptations/pratique/{pk}/nouvelle/",
        f"/en/adaptations/{own}/edit/": f"/fr/adaptations/{own}/modifier/",
        f"/en/adaptations/{own}/remove/": f"/fr/adaptations/{own}/retirer/",
        f"/en/practices/reports/practice/{pk}/": f"/fr/pratiques/signalements/pratique/{pk}/",
    }
    client = client_for(nadia)
    for english, french in pages.items():
        html = client.get(english).content.decode()
        assert html.count("<h1") == 1, english
        assert f'<a href="{french}" lang="fr" hreflang="fr"' in html, english
        assert client.get(french).status_code == 200
    html = client_for(elodie).get("/en/practices/reports/").content.decode()
    assert html.count("<h1") == 1
    assert '<a href="/fr/pratiques/signalements/" lang="fr" hreflang="fr"' in html
