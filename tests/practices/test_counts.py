"""Facet counts: what catalogue.find counts agrees with the ORM, choice by choice.

A facet's counts apply the keyword and every *other* chosen filter, so that another choice of
a chosen filter shows what it would give."""

import pytest

from practices import catalogue, glossary
from practices.catalogue import Query
from practices.models import PromisingPractice, Status
from tests.practices.conftest import make_practice
from workinggroup.models import places_changed

pytestmark = pytest.mark.django_db


def chosen(**values):
    """{param: Choice} for the given filter values."""
    facets = {f.param: f for f in catalogue.current_facets()}
    return {param: facets[param].choice(value) for param, value in values.items()}


def orm_counts(selection, text=""):
    """The counts as the ORM gives them, one count query per choice."""
    published = PromisingPractice.objects.published()
    if text:
        published = published.matching(glossary.keyword(text))
    counts = {}
    for facet in catalogue.current_facets():
        others = [c.condition for p, c in selection.items() if p != facet.param]
        narrowed = published.filter(*others)
        counts[facet.param] = {c.value: narrowed.filter(c.condition).count() for c in facet.choices}
    return counts


def orm_total(selection, text=""):
    published = PromisingPractice.objects.published()
    if text:
        published = published.matching(glossary.keyword(text))
    return published.filter(*[c.condition for c in selection.values()]).count()


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"region": "prairies_north"},
        {"region": "prairies_north", "kind": "innovation"},
        {"kind": "innovation", "theme": "women"},
        {"region": "bc_yukon", "kind": "innovation", "theme": "partnerships", "lang": "en"},
    ],
)
@pytest.mark.parametrize("text", ["", "newcomers", "community", "zeppelin"])
def test_every_count_matches_the_orm(seeded, values, text):
    """Counted in SQL (cached counts for one filter, one query for more; with a keyword, over
    every match): the same numbers as the ORM's."""
    make_practice(title_en="English only community", title_fr="", themes=("women", "housing"))
    selection = chosen(**values)
    results = catalogue.find(Query(filters=selection, text=text))
    assert results.counts == orm_counts(selection, text)
    assert results.total == orm_total(selection, text)


def test_the_total_is_the_same_with_or_without_the_counts_asked_first(seeded):
    query = Query(filters=chosen(region="prairies_north", kind="innovation"))
    counted = catalogue.find(query)
    assert counted.counts["region"]["prairies_north"]
    assert counted.total == catalogue.find(query).total == orm_total(query.filters)


def test_a_draft_is_never_counted(seeded):
    make_practice(title_en="Draft", status=Status.DRAFT, themes=("women",))
    results = catalogue.find(Query())
    assert results.total == 18
    assert sum(results.counts["region"].values()) == 18


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


def test_a_search_within_filters_runs_a_fixed_number_of_queries(client, seeded):
    """Whatever the number of matches, the same queries. SQLite counts in SQL over every match:
    one count for the filters not chosen, one per chosen filter and one for the map's
    communities, then from the cache. PostgreSQL counts from bitmaps and reads no row to count
    (tests/practices/test_bitmaps.py)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    params = {"q": "community", "region": "bc_yukon", "kind": "innovation", "theme": "partnerships"}
    client.get("/en/practices/", {"region": "atlantic"})  # the session, reference data
    client.get("/fr/pratiques/", {"region": "atlantic"})  # the filters' French labels
    counting = 0 if connection.vendor == "postgresql" else 4 + 1
    sizes = []
    for more in (0, 10):
        for i in range(more):
            make_practice(title_en=f"Community practice {i}", community="Kamloops")
        catalogue.publication_changed()
        places_changed()  # the map drawn again each time (its HTML is cached by its counts)
        with CaptureQueriesContext(connection) as first:
            client.get("/en/practices/", params)
        sizes.append(len(first))
        assert len([q for q in first if "COUNT(" in q["sql"]]) == counting
    assert sizes[0] == sizes[1]
    with CaptureQueriesContext(connection) as again:
        client.get("/fr/pratiques/", params)
    assert not [q["sql"] for q in again if "COUNT(" in q["sql"]]
    assert len(again) <= sizes[0] - counting - 1  # and the glossary, cached too


def test_two_filters_keep_what_their_columns_keep(seeded):
    """Two or more filters are tested as one test of the practice_facets index on PostgreSQL:
    it keeps exactly what the column conditions keep, for every choice (each practice is of one
    kind and one stage, so the counts of a filter not chosen add up to the results)."""
    make_practice(title_en="English only", title_fr="", themes=("women", "housing"))
    make_practice(title_en="", title_fr="Seulement en français", groups=("youth", "refugees"))
    for facet in catalogue.current_facets():
        partner = chosen(region="prairies_north") if facet.param != "region" else chosen(lang="en")
        tally = "stage" if facet.param == "kind" else "kind"
        for choice in facet.choices:
            selection = {facet.param: choice, **partner}
            counts = catalogue.find(Query(filters=selection)).counts
            assert sum(counts[tally].values()) == orm_total(selection), (facet.param, choice.value)


def test_the_facets_index_follows_a_changed_practice(seeded):
    """The index is of the columns themselves: a practice changed to another stage is found
    under the new one at once, and no longer under the old one."""
    practice = make_practice(title_en="Changing practice", stage="pilot", kind="innovation")

    def found(stage):
        counts = catalogue.find(Query(filters=chosen(stage=stage, kind="innovation"))).counts
        return counts["region"]["bc_yukon"]

    pilot, scaled = found("pilot"), found("scaled")
    practice.stage = "scaled"
    practice.save()
    assert (found("pilot"), found("scaled")) == (pilot - 1, scaled + 1)
