import itertools
import random
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.workinggroup.conftest import make_organization
from workinggroup import directory as directory_module
from workinggroup.demo import load_organizations
from workinggroup.models import (
    SERVICE_LANGUAGES,
    SIZE_CLASS_BITS,
    Community,
    Organization,
    ProvinceTerritory,
    Region,
    SizeClass,
    StaffSizeBand,
    language_bits,
)

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
    assert (
        "«\u00a0huge\u00a0» ne fait pas partie des choix; ce filtre n&#x27;a pas été appliqué."
        in french
    )
    assert 'aria-describedby="filter-size-error"' in french
    # The summary at the top links to the filter, named as its label is.
    summary = '<a href="#filter-size">Taille de la communauté desservie\u00a0: «\u00a0huge\u00a0»'
    assert summary in french
    region = client.get("/fr/organismes/?region=narnia").content.decode()
    assert '<a href="#filter-region">Région d’IRCC\u00a0:' in region


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
    """Prevents an n+1 on the directory: regions, provinces, one query for all the facet counts
    (which also give the total), the page and its communities (none if the page is empty), and
    the map's (none when its drawing is cached: the provinces when not)."""
    for number in range(30):
        make_organization(f"extra-{number}", "NT", ["Yellowknife", "Hay River"], languages=["en"])
    with django_assert_max_num_queries(6):
        assert client.get(f"/en/organizations/?{query}").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(f"/fr/organismes/?{query}").status_code == 200


def _expected_counts(filters):
    """The counts as the directory defines them, computed the slow way in Python."""
    organizations = list(
        Organization.objects.select_related("province__region").prefetch_related("communities")
    )

    def matches(organization, skip):
        sizes = {c.size_class for c in organization.communities.all()}
        tests = {
            "region": lambda v: organization.province.region.code == v,
            "province": lambda v: organization.province.code == v,
            "size": lambda v: v in sizes,
            "language": lambda v: v in organization.languages,
            "francophone": lambda v: organization.francophone_minority,
            "staff": lambda v: organization.staff_size == v,
        }
        return all(
            tests[name](value)
            for name, value in filters.items()
            if directory_module.FACET_OF[name] != skip
        )

    place = [o for o in organizations if matches(o, "place")]
    size = [o for o in organizations if matches(o, "size")]
    language = [o for o in organizations if matches(o, "language")]
    return {
        "region": {
            r.code: sum(o.province.region_id == r.pk for o in place) for r in Region.objects.all()
        },
        "province": {
            p.code: sum(o.province_id == p.pk for o in place)
            for p in ProvinceTerritory.objects.all()
        },
        "size": {
            value: sum(any(c.size_class == value for c in o.communities.all()) for o in size)
            for value in SizeClass.values
        },
        "language": {
            code: sum(code in o.languages for o in language) for code in SERVICE_LANGUAGES
        },
        "francophone": sum(
            o.francophone_minority for o in organizations if matches(o, "francophone")
        ),
        "staff": {
            band: sum(o.staff_size == band for o in organizations if matches(o, "staff"))
            for band in StaffSizeBand.values
        },
        "results": sum(matches(o, None) for o in organizations),
    }


def test_facet_counts_in_one_query_equal_the_counts_filter_by_filter(
    directory, django_assert_num_queries
):
    """Every combination of one value per filter, on random organizations: the one-pass counts
    and the results are those of applying every filter but the facet's own."""
    rng = random.Random(7)  # noqa: S311 - test data
    provinces = list(ProvinceTerritory.objects.all())
    communities = list(Community.objects.all())
    for number in range(60):
        organization = make_organization(
            f"random-{number}",
            rng.choice(provinces).code,
            languages=rng.sample([*SERVICE_LANGUAGES, "xx"], rng.randint(0, 4)),
            francophone_minority=rng.random() < 0.3,
            staff_size=rng.choice(["", *StaffSizeBand.values]),
        )
        organization.communities.set(rng.sample(communities, rng.randint(0, 3)))
    regions = list(Region.objects.all())
    places = {"regions": regions, "provinces": provinces}
    choices = {
        "region": [None, "atlantic", "prairies_north"],
        "province": [None, "NB", "NT"],
        "size": [None, "rural", "small_centre"],
        "language": [None, "fr", "ar"],
        "francophone": [None, True],
        "staff": [None, "1-5"],
    }
    for combination in itertools.product(*choices.values()):
        filters = {k: v for k, v in zip(choices, combination, strict=True) if v is not None}
        with django_assert_num_queries(1):
            counts = directory_module.facet_counts(filters, **places)
        expected = _expected_counts(filters)
        assert directory_module.result_count(filters, counts, **places) == expected.pop("results")
        assert counts == expected, filters
        results = directory_module.results(filters, "en", **places)
        assert results.count() == directory_module.result_count(filters, counts, **places)


def test_copied_size_classes_follow_communities_from_either_side(client, directory):
    def remote_count():
        page = client.get("/en/organizations/").content.decode()
        return re.search(r'<option value="remote">Remote \((\d+)\)</option>', page).group(1)

    iqaluit = Community.objects.get(name="Iqaluit")
    assert remote_count() == "1"
    iqaluit.organizations.clear()  # from the community's side
    assert remote_count() == "0"
    iqaluit.organizations.add(directory["smithers"])
    assert remote_count() == "1"
    assert listed(client.get("/en/organizations/?size=remote")) == ["bulkley-valley"]
    terrace = Community.objects.get(name="Terrace")
    terrace.size_class = "remote"
    terrace.save()
    assert remote_count() == "1"  # the same organization
    directory["smithers"].communities.remove(iqaluit)
    assert listed(client.get("/en/organizations/?size=remote")) == ["bulkley-valley"]
    Community.objects.get(name="Smithers").delete()
    terrace.delete()
    assert remote_count() == "0"
    assert listed(client.get("/en/organizations/?size=rural")) == ["carrefour-caraquet"]


def test_copied_languages_follow_saves_and_the_demo_loader(client, directory):
    moncton = directory["moncton"]
    moncton.languages = ["en", "so"]
    moncton.save(update_fields=["languages"])
    assert listed(client.get("/en/organizations/?language=so")) == ["moncton-settlement"]
    assert listed(client.get("/en/organizations/?language=ar")) == []
    load_organizations()
    for organization in Organization.objects.prefetch_related("communities"):
        assert organization.language_bits == language_bits(organization.languages)
        assert organization.size_class_bits == sum(
            SIZE_CLASS_BITS[size] for size in {c.size_class for c in organization.communities.all()}
        )


def test_counts_follow_changes_to_organizations(client, directory):
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


def test_bulk_changes_are_caught_up_by_refresh_directory_bits(client, directory):
    """Paths that skip save() and the m2m signals (update, bulk_create) recompute the copies."""
    Organization.objects.filter(slug="iqaluit-arctic").update(languages=["en", "uk"])
    through = Organization.communities.through
    through.objects.bulk_create(
        [
            through(
                organization=directory["yellowknife"],
                community=Community.objects.get(name="Iqaluit"),
            )
        ]
    )
    Organization.refresh_directory_bits()
    assert listed(client.get("/en/organizations/?language=uk")) == ["iqaluit-arctic"]
    assert set(listed(client.get("/en/organizations/?size=remote"))) == {
        "iqaluit-arctic",
        "yellowknife-welcome",
    }


def test_the_directory_filters_by_staff_size(client, directory):
    """Issue 16: the cards showed the staff size; now it filters, with its counts."""
    make_organization("tiny-team", staff_size="1-5")
    make_organization("big-team", staff_size="51+")
    tiny = set(Organization.objects.filter(staff_size="1-5").values_list("slug", flat=True))
    big = Organization.objects.filter(staff_size="51+").count()
    page = client.get("/en/organizations/?staff=1-5")
    assert "tiny-team" in tiny and set(listed(page)) == tiny
    html = page.content.decode()
    assert f'<option value="1-5" selected>1 to 5 staff ({len(tiny)})</option>' in html
    assert f'<option value="51+">More than 50 staff ({big})</option>' in html
    french = client.get("/fr/organismes/?staff=51%2B").content.decode()
    assert "Taille du personnel" in french and "big-team" in french


def test_organization_page_in_french_names_languages_in_lower_case(client, directory):
    page = client.get(f"/fr/organismes/{directory['smithers'].slug}/").content.decode()
    assert "anglais, pendjabi" in page


def test_french_any_agrees_with_the_filtered_noun(client, directory):
    """« Région d'IRCC : Toutes », « Province ou territoire : Tous » (docs/french-style.md)."""
    html = client.get("/fr/organismes/").content.decode()
    first = dict(re.findall(r'<select id="filter-(\w+)"[^>]*>\s*<option value="">([^<]+)<', html))
    assert first == {
        "region": "Toutes",
        "province": "Tous",
        "size": "Toutes",
        "language": "Toutes",
        "staff": "Toutes",
    }
    english = client.get("/en/organizations/").content.decode()
    assert set(re.findall(r'<option value="">([^<]+)<', english)) == {"Any"}
