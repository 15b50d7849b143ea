"""Keyword search: both languages whatever the interface language, accents optional."""

import re

import pytest

from practices import catalogue, keyword, search
from practices.catalogue import Query
from practices.models import PromisingPractice
from tests.practices.conftest import make_practice
from tests.practices.test_catalogue_list import titles

pytestmark = pytest.mark.django_db

SWIM = ("Women-only swim night", "Soirée de natation réservée aux femmes")
STUDENTS = (
    "A community table on international students",
    "Une table de concertation sur les étudiants étrangers",
)


def title_in(language, pair):
    return pair[0] if language == "en" else pair[1]


def ranked(text, **query):
    """The titles a keyword finds, in the catalogue's order."""
    return [p.title_en for p in catalogue.find(Query(text=text, **query)).ordered()]


def passages(practice, text):
    """The matching passages of `practice`, found as a search for `text` shows them."""
    page = catalogue.find(Query(text=text)).page(1, per_page=100)
    return page.highlights[practice.pk]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("natation femmes", SWIM),
        ("natation", SWIM),
        ("swim night", SWIM),
        ("etudiants etrangers", STUDENTS),
        ("ÉTUDIANTS Étrangers", STUDENTS),
        ("international students", STUDENTS),
    ],
)
def test_search_finds_practices_in_either_language(client, seeded, language, query, expected):
    path = "/en/practices/" if language == "en" else "/fr/pratiques/"
    shown = titles(client.get(path, {"q": query}))
    assert shown, f"no result for {query!r}"
    assert shown[0] == title_in(language, expected) or title_in(language, expected) in shown[:3]


def test_search_for_an_absent_word_says_so(client, seeded):
    response = client.get("/en/practices/", {"q": "zeppelin"})
    assert titles(response) == []
    assert "No published practice matches." in response.content.decode()


def test_search_shows_the_matching_passage_with_marks(client, seeded):
    html = client.get("/en/practices/", {"q": "swim night"}).content.decode()
    assert re.search(r"<mark>swim</mark>", html, re.IGNORECASE)


def test_matching_passage_in_the_other_language_carries_its_lang(client, seeded):
    html = client.get("/en/practices/", {"q": "natation"}).content.decode()
    assert re.search(r'<p lang="fr">[^<]*<mark>natation</mark>', html)


def test_practice_text_with_html_is_escaped_in_the_passage(client, seeded):
    make_practice(
        title_en="Tricky markup",
        summary_en="Zeppelin <script>alert('x')</script> rides for newcomers.",
    )
    html = client.get("/en/practices/", {"q": "zeppelin"}).content.decode()
    assert "<script>alert" not in html
    assert re.search(r"<mark>zeppelin</mark>", html, re.IGNORECASE)


def test_queryset_reads_as_a_sentence(seeded):
    from workinggroup.models import Region

    prairies = Region.objects.get(code="prairies_north")
    found = PromisingPractice.objects.published().in_region(prairies).matching("natation")
    assert {p.title_en for p in found} == {
        "Women-only swim night",
        "Family canoe outings on the lake",
    }


class TestSQLiteFallback:
    """The quickstart's search (also exercised on PostgreSQL by switching the vendor test: the
    one private function these tests touch)."""

    @pytest.fixture(autouse=True)
    def _sqlite_search(self, monkeypatch):
        monkeypatch.setattr(search, "postgres", lambda: False)

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("natation femmes", "Women-only swim night"),
            ("swim night", "Women-only swim night"),
            ("etudiants etrangers", "A community table on international students"),
            ("NATATION", "Women-only swim night"),
        ],
    )
    def test_every_word_must_appear_accents_and_case_ignored(self, seeded, query, expected):
        assert expected in ranked(query)

    def test_title_matches_come_first(self, seeded):
        make_practice(title_en="Canoe club", title_fr="Club de canot")
        assert set(ranked("canoe")[:2]) == {"Canoe club", "Family canoe outings on the lake"}

    def test_passage_marks_words_and_escapes(self, seeded):
        practice = make_practice(title_en="Pool", summary_en="Swim <b>night</b> at the pool")
        html = passages(practice, "swim")["en"]
        assert html.startswith("<mark>Swim</mark> &lt;b&gt;night")

    def test_list_page_uses_it(self, client, seeded):
        assert "Women-only swim night" in titles(client.get("/en/practices/", {"q": "natation"}))


@pytest.mark.postgres
class TestPostgresFullText:
    def test_title_match_ranks_above_summary_and_body(self, seeded):
        body = make_practice(
            title_en="Body only", description_en="A paddleboard group meets on Sundays."
        )
        summary = make_practice(title_en="Summary only", summary_en="Paddleboard lessons for all.")
        title = make_practice(title_en="Paddleboard club")
        assert ranked("paddleboard") == [title.title_en, summary.title_en, body.title_en]

    def test_english_stemming_and_french_accents(self, seeded):
        swimming = PromisingPractice.objects.published().matching("swimming nights")
        assert "Women-only swim night" in {p.title_en for p in swimming}
        femme = PromisingPractice.objects.published().matching("reservee femme")
        assert "Women-only swim night" in {p.title_en for p in femme}

    def test_websearch_syntax_excludes_words(self, seeded):
        found = {p.title_en for p in PromisingPractice.objects.matching("natation -pagaient")}
        assert found == {"Women-only swim night"}

    def test_headline_passage_is_marked_and_escaped(self, seeded):
        practice = make_practice(title_en="Kayak", summary_en="Kayak & <em>paddle</em> days.")
        passage = passages(practice, "kayak")["en"]
        assert "<mark>Kayak</mark>" in passage
        # ts_headline drops the tags; what remains is escaped.
        assert "&amp;" in passage and "<em>" not in passage

    def test_search_uses_the_gin_indexes(self, seeded):
        from django.db import connection

        # Without published(), no partial b-tree index applies: the GIN indexes must.
        query = PromisingPractice.objects.matching("natation")
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            plan = query.explain()
            cursor.execute("SET enable_seqscan = on")
        assert "practice_tsv_en" in plan and "practice_tsv_fr" in plan

    def test_misspelled_title_suggests_similar_titles(self, client, seeded):
        html = client.get("/en/practices/", {"q": "Womn-only swimm nite"}).content.decode()
        assert "Practices with a similar title" in html
        assert "Women-only swim night" in html

    def test_candidates_are_the_newest_matches_whatever_the_window(self, seeded, monkeypatch):
        """(The bound and the windows are keyword.py's, set small here to be reached.)"""
        monkeypatch.setattr(keyword, "CANDIDATES", 3)
        published = PromisingPractice.objects.published()
        newest = published.matching("newcomers").newest_first().values_list("pk", flat=True)
        for windows in [(5, 10), (1, 2), ()]:
            monkeypatch.setattr(keyword, "WINDOWS", windows)
            found = catalogue.find(Query(text="newcomers", sort="newest")).ordered()
            assert list(found.values_list("pk", flat=True)) == list(newest[:3])

    def test_common_word_ranks_only_the_newest_candidates(self, client, seeded, monkeypatch):
        monkeypatch.setattr(keyword, "CANDIDATES", 3)
        response = client.get("/en/practices/", {"q": "newcomers"})
        assert len(titles(response)) == 3
        assert "best matches among the 3 most recent" in response.content.decode()


WORDLESS = ["!", "-", "()", "'", "%", "🙂", "\u202e", "\x00", "\x01\x7f"]


@pytest.mark.parametrize("sort", ["relevance", "newest"])
@pytest.mark.parametrize("query", WORDLESS)
def test_query_without_words_finds_nothing_and_says_so(client, seeded, query, sort):
    response = client.get("/en/practices/", {"q": query, "sort": sort})
    assert response.status_code == 200
    assert titles(response) == []
    assert "No published practice matches." in response.content.decode()


@pytest.mark.parametrize(
    "query", ["natation\x00femmes", "\x00natation femmes\x1f", "natation\tfemmes"]
)
def test_control_characters_in_a_query_separate_words(client, seeded, query):
    response = client.get("/en/practices/", {"q": query})
    assert response.status_code == 200
    assert titles(response)[0] == "Women-only swim night"


def test_a_query_of_control_characters_finds_nothing(seeded):
    results = catalogue.find(Query(text="\x00!\u202e\x1f"))
    assert results.total == 0 and not results.ordered().exists()


class TestWordlessQueryOnTheSQLiteFallback:
    """The same wordless queries through the quickstart's search, on either database."""

    @pytest.fixture(autouse=True)
    def _sqlite_search(self, monkeypatch):
        monkeypatch.setattr(search, "postgres", lambda: False)

    @pytest.mark.parametrize("sort", ["relevance", "newest"])
    @pytest.mark.parametrize("query", WORDLESS)
    def test_a_wordless_query_finds_nothing(self, seeded, query, sort):
        results = catalogue.find(Query(text=query, sort=sort))
        assert results.total == 0 and not results.ordered().exists()
        assert not PromisingPractice.objects.published().matching(query).exists()


def test_a_repeated_search_reuses_its_candidates(client, seeded, django_assert_num_queries):
    """The candidates cost most of a common word's search: found once per publication."""
    client.get("/en/practices/", {"q": "newcomers"})
    with django_assert_num_queries(0):
        assert catalogue.find(Query(text="newcomers")).total
    with django_assert_num_queries(0):
        assert catalogue.find(Query(text="NEWCOMERS\x00")).total


def test_a_search_finds_what_was_published_after_it_was_last_made(client, seeded):
    assert titles(client.get("/en/practices/", {"q": "zeppelin"})) == []
    make_practice(title_en="Zeppelin rides", title_fr="Promenades en zeppelin")
    assert titles(client.get("/en/practices/", {"q": "zeppelin"})) == ["Zeppelin rides"]


def test_cached_candidates_never_show_a_practice_unpublished_since(client, seeded):
    make_practice(title_en="Zeppelin rides", title_fr="Promenades en zeppelin")
    assert titles(client.get("/en/practices/", {"q": "zeppelin"})) == ["Zeppelin rides"]
    # A bulk update sends no signal: the publication version stays, the candidates too.
    PromisingPractice.objects.filter(title_en="Zeppelin rides").update(status="archived")
    assert titles(client.get("/en/practices/", {"q": "zeppelin"})) == []
