import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import PromisingPractice, Status
from tests.opendata.conftest import get_json, make_practice

pytestmark = pytest.mark.django_db

SWIM = "Women-only swim night"


def titles(page):
    return [record["title"]["en"] or record["title"]["fr"] for record in page["results"]]


def test_api_root_lists_endpoints_licence_and_how_to_cite(client):
    root = get_json(client, "/api/v1/")
    assert set(root["endpoints"]) == {
        "practices",
        "resources",
        "organizations",
        "regions",
        "provinces",
        "themes",
        "client_groups",
        "recommendations",
    }
    assert root["licence"]["name"] == "CC BY 4.0"
    assert "creativecommons.org/licenses/by/4.0" in root["licence"]["url"]
    assert "National Small Centres Working Group" in root["how_to_cite"]["en"]
    assert "Groupe de travail national sur les petits centres" in root["how_to_cite"]["fr"]
    assert root["documentation"]["fr"].endswith("/fr/donnees-ouvertes/api/")
    assert root["exports"]["recommendations_csv"].endswith("recommendations-tracker.csv")


def test_practice_records_hold_both_languages_and_links_to_both_pages(client, seeded):
    swim = PromisingPractice.objects.get(title_en=SWIM)
    record = get_json(client, f"/api/v1/practices/{swim.pk}/")
    assert record["id"] == swim.pk
    assert record["title"] == {"en": SWIM, "fr": "Soirée de natation réservée aux femmes"}
    assert record["summary"]["en"] and record["summary"]["fr"]
    assert record["links"]["en"].endswith(f"/en/practices/{swim.pk}/{swim.slug_en}/")
    assert record["links"]["fr"].endswith(f"/fr/pratiques/{swim.pk}/{swim.slug_fr}/")
    assert record["url"].endswith(f"/api/v1/practices/{swim.pk}/")
    assert record["kind"]["label"]["fr"]
    assert {t["slug"] for t in record["themes"]} == set(swim.themes.values_list("slug", flat=True))
    assert all(t["name"]["en"] and t["name"]["fr"] for t in record["themes"])
    assert record["province"]["code"] == swim.province.code
    assert record["region"]["name"]["fr"]


def test_a_practice_written_in_one_language_gives_null_for_the_other(client, db, seeded):
    practice = make_practice(title_en="English only practice", title_fr=None)
    record = get_json(client, f"/api/v1/practices/{practice.pk}/")
    assert record["title"] == {"en": "English only practice", "fr": None}
    assert record["languages"] == ["en"]


def test_list_is_paginated_with_next_and_previous_links(client, seeded):
    first = get_json(client, "/api/v1/practices/?page_size=5")
    assert first["count"] == 18 and first["pages"] == 4 and len(first["results"]) == 5
    assert first["previous"] is None
    assert "page=2" in first["next"] and "page_size=5" in first["next"]
    second = get_json(client, first["next"])
    assert "page_size=5" in second["previous"]
    last = get_json(client, "/api/v1/practices/?page_size=5&page=4")
    assert last["next"] is None and len(last["results"]) == 3
    ids = [r["id"] for p in (first, second) for r in p["results"]]
    assert len(set(ids)) == 10


def test_catalogue_filters_give_the_same_practices_as_the_catalogue_page(client, seeded):
    page = client.get("/en/practices/?region=atlantic&theme=employment")
    api = get_json(client, "/api/v1/practices/?region=atlantic&theme=employment&page_size=100")
    assert api["count"] == page.context["total"] > 0
    assert [r["id"] for r in api["results"]] == [c.practice.pk for c in page.context["cards"]]
    assert all(r["region"]["code"] == "atlantic" for r in api["results"])


def test_keyword_search_matches_in_either_language_like_the_catalogue(client, seeded):
    for query in ("swim", "natation", "femmes"):
        api = get_json(client, f"/api/v1/practices/?q={query}")
        page = client.get(f"/en/practices/?q={query}")
        assert SWIM in titles(api)
        assert [r["id"] for r in api["results"]] == [c.practice.pk for c in page.context["cards"]]


def test_search_can_be_sorted_newest_first(client, seeded):
    api = get_json(client, "/api/v1/practices/?q=newcomers&sort=newest&page_size=100")
    dates = [r["published_at"] for r in api["results"]]
    assert dates == sorted(dates, reverse=True) and len(dates) > 1


def test_the_most_adapted_come_first_as_on_the_catalogue_page(client, seeded):
    PromisingPractice.objects.filter(title_en=SWIM).update(adaptation_count=7)
    api = get_json(client, "/api/v1/practices/?sort=adapted&page_size=100")
    assert titles(api)[0] == SWIM
    page = client.get("/en/practices/?sort=adapted")
    assert [r["id"] for r in api["results"]][:20] == [c.practice.pk for c in page.context["cards"]]
    # Links to exports and feeds keep the sort, with or without a keyword.
    from opendata.selection import as_params
    from practices.catalogue import Query

    assert as_params(Query(sort="adapted")) == [("sort", "adapted")]
    assert as_params(Query(text="swim", sort="adapted")) == [("q", "swim"), ("sort", "adapted")]
    assert as_params(Query(text="swim")) == [("q", "swim")]
    assert as_params(Query(sort="newest")) == []


def test_unpublished_practices_are_not_listed_and_have_no_record(client, seeded):
    for status in (Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.ARCHIVED):
        draft = make_practice(
            title_en=f"Hidden {status}", title_fr=f"Caché {status}", status=status
        )
        listed = get_json(client, "/api/v1/practices/?page_size=100")
        assert draft.pk not in [r["id"] for r in listed["results"]]
        assert listed["count"] == 18
        missing = get_json(client, f"/api/v1/practices/{draft.pk}/", status=404)
        assert missing["code"] == "not_found"


def test_practice_list_runs_the_same_queries_for_5_or_100_records(
    client, seeded, django_assert_num_queries
):
    """Prevents an n+1 on partners, resources, themes or places as the page grows. Six queries:
    the page's ids, its records, their partners, their resources with their files, the themes
    and client groups (the filters' four reference tables are read once per process,
    catalogue.current_facets)."""
    for i in range(20):
        make_practice(title_en=f"Extra {i}", title_fr=f"Extra fr {i}")
    client.get("/api/v1/practices/?page_size=5")  # warms the cached count
    with django_assert_num_queries(6):
        small = get_json(client, "/api/v1/practices/?page_size=5")
    with django_assert_num_queries(6):
        big = get_json(client, "/api/v1/practices/?page_size=100")
    assert len(small["results"]) == 5 and len(big["results"]) == 38


def test_searching_runs_a_fixed_number_of_queries(client, seeded):
    """The number does not grow with the page, and asking again (the next page) skips what is
    cached. The total: one count on SQLite; on PostgreSQL the keyword's tsquery, its bitmaps
    and its rare words' rows (practices/bitmaps.py), so two more queries, none reading every
    match."""
    url = "/api/v1/practices/?q=newcomers&region=atlantic&page_size="
    counts = []
    for size in (2, 100):
        cache.clear()  # nothing cached: the whole search runs
        with CaptureQueriesContext(connection) as queries:
            get_json(client, f"{url}{size}")
        counts.append(len(queries))
    limit = 14 if connection.vendor == "postgresql" else 12
    assert counts[0] == counts[1] <= limit  # and one for the page's resources
    with CaptureQueriesContext(connection) as again:
        get_json(client, f"{url}100&page=1")
    assert len(again) < counts[1]


def test_unchanged_list_answers_304_to_its_etag(client, seeded):
    first = client.get("/api/v1/practices/?region=atlantic")
    etag = first["ETag"]
    assert etag and "max-age" in first["Cache-Control"]
    again = client.get("/api/v1/practices/?region=atlantic", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and not again.content
    practice = PromisingPractice.objects.filter(region__code="atlantic").first()
    practice.title_en = "A new title"
    practice.save()
    changed = client.get("/api/v1/practices/?region=atlantic", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_practice_record_has_last_modified_and_honours_if_modified_since(client, seeded):
    swim = PromisingPractice.objects.get(title_en=SWIM)
    response = client.get(f"/api/v1/practices/{swim.pk}/")
    assert response["Last-Modified"]
    again = client.get(
        f"/api/v1/practices/{swim.pk}/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert again.status_code == 304


@pytest.mark.parametrize("text", ["newcomers", "rural settlement", "natation -pagaient"])
def test_a_keyword_page_of_the_api_is_the_exact_order_of_every_match(client, seeded, text):
    """The API pages a keyword's matches by relevance without sorting them all: each page is
    the matching slice of the full order (the exports')."""
    from practices import catalogue
    from practices.catalogue import Query

    full = list(catalogue.find(Query(text=text)).ordered().values_list("pk", flat=True))
    assert full
    for page in range(1, min(3, -(-len(full) // 3)) + 1):
        api = get_json(client, f"/api/v1/practices/?q={text}&page_size=3&page={page}")
        assert [r["id"] for r in api["results"]] == full[(page - 1) * 3 : page * 3]
