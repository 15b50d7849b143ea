"""Facet counts: the hand-written count query agrees with the ORM, choice by choice."""

import pytest

from practices import catalogue, search
from practices.models import PromisingPractice, Status
from tests.practices.conftest import make_practice

pytestmark = pytest.mark.django_db


def orm_counts(queryset, facets):
    return {
        facet.param: {c.value: queryset.filter(c.condition).count() for c in facet.choices}
        for facet in facets
    }


@pytest.mark.parametrize(
    "narrow",
    [
        lambda published: published,
        lambda published: published.filter(region__code="prairies_north", kind="innovation"),
        lambda published: search.among(search.candidate_ids(published, "newcomers")),
        lambda published: search.among([]),
        lambda published: published.none(),
    ],
    ids=["everything", "two filters", "a keyword's candidates", "no candidates", "none"],
)
def test_every_count_matches_the_orm(seeded, narrow):
    make_practice(title_en="English only", title_fr="", themes=("women", "housing"))
    facets = catalogue.build_facets()
    queryset = narrow(PromisingPractice.objects.published())
    counts = catalogue.count_all(queryset, facets)
    assert counts.pop("_total") == queryset.count()
    assert counts == orm_counts(queryset, facets)


def test_a_draft_is_never_counted(seeded):
    make_practice(title_en="Draft", status=Status.DRAFT, themes=("women",))
    facets = catalogue.build_facets()
    counts = catalogue.count_all(PromisingPractice.objects.published(), facets)
    assert counts["_total"] == 18


def test_a_search_asked_again_is_counted_from_the_cache(client, seeded):
    """Paging a search, or asking it in the other language, counts the same sets again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    params = {"q": "newcomers", "region": "prairies_north", "kind": "innovation"}
    client.get("/en/practices/", params)
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/pratiques/", params)
    assert not [q["sql"] for q in queries if "COUNT(" in q["sql"]]


def test_the_counts_of_a_search_follow_a_new_publication(client, seeded):
    from tests.practices.test_catalogue_list import option

    params = {"q": "zeppelin", "kind": "innovation"}
    assert option(client.get("/en/practices/", params), "region", "bc_yukon").endswith("(0)")
    make_practice(title_en="Zeppelin rides", title_fr="Promenades en zeppelin")
    assert option(client.get("/en/practices/", params), "region", "bc_yukon").endswith("(1)")


@pytest.mark.parametrize(
    "chosen",
    [
        {},
        {"region": "prairies_north"},
        {"kind": "innovation", "theme": "women"},
        {"region": "bc_yukon", "kind": "innovation", "theme": "partnerships", "lang": "en"},
    ],
)
@pytest.mark.parametrize("text", ["newcomers", "community", "zeppelin"])
def test_a_search_is_counted_from_its_candidates_as_the_database_counts(seeded, chosen, text):
    """search_counts counts in Python what count_all counts in SQL, choice by choice: the
    candidates within the filters for the other facets, the keyword's own candidates narrowed
    by the other chosen filters for a chosen facet."""
    make_practice(title_en="English only community", title_fr="", themes=("women", "housing"))
    facets = catalogue.build_facets()
    by_param = {f.param: f for f in facets}
    selection = {p: by_param[p].choice(v) for p, v in chosen.items()}
    conditions = [c.condition for c in selection.values()]
    published = PromisingPractice.objects.published()
    within = published.filter(*conditions)
    rows = search.candidate_rows(within, text, bool(conditions))
    everywhere = search.candidate_rows(published, text)
    if selection and len(everywhere) < search.CANDIDATES:
        # Every match: the catalogue keeps those the filters keep instead of a second search.
        assert catalogue.kept(everywhere, selection) == rows
    counts, total = catalogue.search_counts(facets, selection, text, rows, everywhere)
    matched = search.among(search.candidate_ids(within, text, bool(conditions)))
    expected = catalogue.count_all(matched, [f for f in facets if f.param not in selection])
    assert total == expected.pop("_total")
    keyword = search.among(search.candidate_ids(published, text))
    for param in selection:
        others = [c.condition for p, c in selection.items() if p != param]
        expected[param] = catalogue.count_all(keyword.filter(*others), [by_param[param]])[param]
    assert counts == expected


@pytest.mark.parametrize("more", [0, 10])
def test_a_search_within_filters_is_counted_with_no_count_query(
    client, seeded, django_assert_max_num_queries, more
):
    """A search's facet counts come from its candidates' columns: the first search within
    three filters since a publication runs a fixed number of queries (at most 10 on
    PostgreSQL: the cutoffs of the recent windows among them), and asking again at most 6,
    however many practices match."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(more):
        make_practice(title_en=f"Community practice {i}", community="Kamloops")
    params = {"q": "community", "region": "bc_yukon", "kind": "innovation", "theme": "partnerships"}
    client.get("/en/practices/", {"region": "atlantic"})  # the session, reference data
    catalogue.publication_changed()
    with CaptureQueriesContext(connection) as first:
        client.get("/en/practices/", params)
    assert len(first) <= 10
    assert not [q["sql"] for q in first if "COUNT(" in q["sql"]]
    with django_assert_max_num_queries(6):
        client.get("/fr/pratiques/", params)


def test_filters_through_the_facets_index_keep_what_the_columns_keep(seeded):
    """catalogue.within (one test of the practice_facets index on PostgreSQL) keeps exactly
    the practices the column conditions keep: every choice alone, and choices combined."""
    make_practice(title_en="English only", title_fr="", themes=("women", "housing"))
    make_practice(title_en="", title_fr="Seulement en français", groups=("youth", "refugees"))
    facets = catalogue.build_facets()
    published = PromisingPractice.objects.published()

    def ids(queryset):
        return sorted(queryset.values_list("pk", flat=True))

    kept_by_some_choice = set()
    for facet in facets:
        for choice in facet.choices:
            by_columns = ids(published.filter(choice.condition))
            assert ids(catalogue.within(published, {facet.param: choice})) == by_columns, (
                facet.param,
                choice.value,
            )
            kept_by_some_choice.update(by_columns)
    assert len(kept_by_some_choice) == published.count()

    by_param = {f.param: f for f in facets}
    combined = {
        "region": by_param["region"].choice("prairies_north"),
        "kind": by_param["kind"].choice("innovation"),
        "theme": next(c for c in by_param["theme"].choices if published.filter(c.condition)),
    }
    conditions = [c.condition for c in combined.values()]
    assert ids(catalogue.within(published, combined)) == ids(published.filter(*conditions))


def test_the_facets_index_follows_a_changed_practice(seeded):
    """The index is of the columns themselves: a practice changed to another stage is found
    under the new one at once, and no longer under the old one."""
    practice = make_practice(title_en="Changing practice", stage="pilot")
    facets = {f.param: f for f in catalogue.build_facets()}
    published = PromisingPractice.objects.published()
    pilot = {"stage": facets["stage"].choice("pilot")}
    scaled = {"stage": facets["stage"].choice("scaled")}
    assert practice.pk in catalogue.within(published, pilot).values_list("pk", flat=True)
    practice.stage = "scaled"
    practice.save()
    assert practice.pk in catalogue.within(published, scaled).values_list("pk", flat=True)
    assert practice.pk not in catalogue.within(published, pilot).values_list("pk", flat=True)
