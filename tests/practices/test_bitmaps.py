"""The bitmaps behind a keyword's counts (practices/bitmaps.py, migration 0016): after every kind
of change to a practice, the counts a visitor sees equal the counts of the rows themselves."""

import pytest
from django.db import connection

from practices import bitmaps, catalogue, glossary
from practices.catalogue import Query
from practices.models import MatchBitmap, PromisingPractice, Status
from tests.practices.conftest import make_practice
from tests.practices.test_counts import chosen, orm_counts, orm_total
from workinggroup.models import places_changed

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

QUERIES = [
    "community",
    "newcomers",
    "zeppelin",
    "newcomers community",
    "community -zeppelin",
    "zeppelin or canoe",
    "nouveaux arrivants",
    "the",
]


def assert_counts_follow_the_rows(selection=None):
    selection = selection or {}
    for text in QUERIES:
        results = catalogue.find(Query(filters=selection, text=text))
        assert results._match.bitmaps is not None, text
        assert results.total == orm_total(selection, text), text
        assert results.counts == orm_counts(selection, text), text


@pytest.fixture
def common(seeded):
    """Bitmaps rebuilt with every word of two practices or more counted as common: both the
    words with a bitmap and the rare ones read from the rows are tested."""
    bitmaps.rebuild(min_practices=2)
    assert MatchBitmap.objects.filter(key="word:en:communiti").exists()
    return seeded


def test_counts_equal_the_rows_after_publishing_editing_and_withdrawing(common):
    assert_counts_follow_the_rows()
    zeppelin = make_practice(
        title_en="Zeppelin rides for newcomers",
        title_fr="Promenades en zeppelin pour les nouveaux arrivants",
        themes=("women", "housing"),
        groups=("youth",),
    )
    assert_counts_follow_the_rows()
    assert_counts_follow_the_rows(chosen(region="bc_yukon", kind="innovation"))

    # Its words, its filters and its community change; then it is withdrawn, then deleted.
    zeppelin.summary_en = "A community canoe trip."
    zeppelin.kind = "iteration"
    zeppelin.save()
    zeppelin.themes.set([])
    assert_counts_follow_the_rows(chosen(kind="iteration"))
    PromisingPractice.objects.filter(pk=zeppelin.pk).update(status=Status.ARCHIVED)
    assert_counts_follow_the_rows()
    PromisingPractice.objects.filter(pk=zeppelin.pk).update(status=Status.PUBLISHED)
    assert_counts_follow_the_rows(chosen(theme="housing"))
    zeppelin.delete()
    assert_counts_follow_the_rows()


def test_a_draft_is_never_counted(common):
    make_practice(title_en="Zeppelin drafts", status=Status.DRAFT)
    assert catalogue.find(Query(text="zeppelin")).total == 0
    assert "word:en:zeppelin" not in {b.key for b in MatchBitmap.objects.all()}


def test_a_new_filter_value_gets_its_bitmap_with_its_first_practice(common):
    key = "evidence_level=evaluated"
    PromisingPractice.objects.filter(evidence_level="evaluated").update(evidence_level="monitored")
    assert not MatchBitmap.objects.get(key=key).bits.rstrip(b"\0")  # followed by the trigger
    MatchBitmap.objects.filter(key=key).delete()  # as if no practice had ever had it
    make_practice(title_en="Zeppelin evaluated", evidence_level="evaluated")
    assert catalogue.find(Query(text="zeppelin")).counts["evidence"]["evaluated"] == 1


def test_the_map_dots_of_a_search_come_from_bitmaps(common):
    make_practice(title_en="Community zeppelin", community="Kamloops")
    results = catalogue.find(Query(filters=chosen(province="BC"), text="community"))
    published = PromisingPractice.objects.published().matching(glossary.keyword("community"))
    expected = {}
    for community_id in published.values_list("community_id", flat=True):
        expected[community_id] = expected.get(community_id, 0) + 1
    assert results.by_community == expected  # the province filter left out, as for the shading

    # Without a keyword too (when not cached yet), among what the other filters keep.
    catalogue.publication_changed()
    listed = catalogue.find(Query(filters=chosen(province="BC", kind="innovation")))
    kept = PromisingPractice.objects.published().filter(kind="innovation")
    expected = {}
    for community_id in kept.values_list("community_id", flat=True):
        expected[community_id] = expected.get(community_id, 0) + 1
    assert listed.by_community == expected


def test_a_phrase_or_a_word_grown_common_is_counted_from_the_rows(common, monkeypatch):
    make_practice(title_en="Zeppelin rides", title_fr="Promenades en zeppelin")
    phrase = catalogue.find(Query(text='"zeppelin rides"'))
    assert phrase._match.bitmaps is None
    assert phrase.total == 1
    assert phrase.counts["kind"]["innovation"] == 1

    monkeypatch.setattr(bitmaps, "RARE_LIMIT", 0)  # "zeppelin" has no bitmap: too many rows
    grown = catalogue.find(Query(text="zeppelin"))
    assert grown._match.bitmaps is None
    assert grown.total == orm_total({}, "zeppelin") == 1


def test_a_search_reads_no_row_to_count_whatever_the_number_of_matches(client, common):
    from django.test.utils import CaptureQueriesContext

    params = {"q": "community", "region": "bc_yukon", "kind": "innovation"}
    client.get("/en/practices/", params)  # the session, reference data, the glossary
    sizes = []
    for more in (0, 10):
        for i in range(more):
            make_practice(title_en=f"Community practice {i}", community="Kamloops")
        catalogue.publication_changed()
        places_changed()  # the map drawn again each time (its HTML is cached by its counts)
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/en/practices/", params)
        assert response.status_code == 200
        assert not [q["sql"] for q in captured if "COUNT(" in q["sql"]]
        sizes.append(len(captured))
    assert sizes[0] == sizes[1]


def test_the_rebuild_keeps_what_the_triggers_kept(common):
    make_practice(title_en="Zeppelin rides for newcomers", community="Kamloops")
    kept = {b.key: bytes(b.bits).rstrip(b"\0") for b in MatchBitmap.objects.all()}
    bitmaps.rebuild(min_practices=2)
    rebuilt = {b.key: bytes(b.bits).rstrip(b"\0") for b in MatchBitmap.objects.all()}
    # The same bits under every key, but the words that became common since ("franc": the
    # new practice's French summary is its second with the word, in its text and its head),
    # which only a rebuild adds.
    assert {key: rebuilt[key] for key in kept if kept[key]} == {k: b for k, b in kept.items() if b}
    assert {key for key in rebuilt if key not in kept} == {"word:fr:franc", "head:fr:franc"}


def test_tsquery_text_is_read_as_postgresql_prints_it():
    tree = bitmaps.parse("'a' & !( 'b' | 'c''s' ) | 'd':*")
    assert tree == (
        "or",
        ("and", ("word", "a"), ("not", ("or", ("word", "b"), ("word", "c's")))),
        ("word", "d"),
    )
    assert bitmaps.parse("") is None
    with pytest.raises(bitmaps.Phrase):
        bitmaps.parse("'swim' <-> 'night'")


def test_the_first_page_from_bitmaps_is_the_first_page_of_every_match_sorted(common, monkeypatch):
    """Tiers from the bitmaps of titles and summaries: the page is the full sort's, whether a
    tier is read by id (small) or by walking the newest-first index (large)."""
    from practices import search

    make_practice(title_en="Newcomers community zeppelin", community="Kamloops")
    make_practice(title_en="Zeppelin", summary_en="For newcomers.", community="Kamloops")
    cases = [
        ("newcomers community", {}),
        ("community", chosen(region="bc_yukon", kind="innovation")),
        ("zeppelin or newcomers", chosen(lang="en")),
        ("newcomers -zeppelin", {}),
        ("nouveaux arrivants", {}),
    ]
    for small in (0, 10_000):
        monkeypatch.setattr(bitmaps, "SMALL_TIER", small)
        for text, selection in cases:
            query = Query(filters=selection, text=text)
            results = catalogue.find(query)
            assert results._match.bitmaps is not None
            full = list(results.ordered().values_list("pk", flat=True))
            assert len(full) > 1, text
            for size in (1, 3, 20):
                assert catalogue.RankedIds(results._match)[0:size] == full[:size], (text, size)
            walked = search.best(results._match.searched(), results._match.text, 20)
            assert walked == full[:20], text
