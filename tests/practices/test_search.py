"""Keyword search: both languages whatever the interface language, accents optional."""

import re
from datetime import UTC, datetime

import pytest

from practices import catalogue, search
from practices.catalogue import Query
from practices.models import PromisingPractice
from tests.practices.conftest import make_practice
from tests.practices.test_catalogue_list import titles

pytestmark = pytest.mark.django_db

OLD = datetime(2019, 1, 1, tzinfo=UTC)

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

    @pytest.mark.parametrize(
        ("query", "expected"),
        [("swimming", "Women-only swim night"), ("jeunes", "Youth club"), ("Jeunes", "Youth club")],
    )
    def test_words_are_stemmed_in_both_languages(self, seeded, query, expected):
        make_practice(title_en="Youth club", title_fr="Club jeunesse", summary_fr="Pour tous.")
        assert expected in ranked(query)

    def test_a_stem_matches_at_the_start_of_a_word_only(self, seeded):
        make_practice(title_en="Hats", summary_en="Knitting hats: no xswim here.")
        assert "Hats" not in ranked("swimming")

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

    def test_a_title_with_every_word_comes_before_titles_with_some(self, seeded):
        some = make_practice(title_en="Rural help", summary_en="Housing for newcomers.")
        summary = make_practice(title_en="A help desk", summary_en="Rural housing for all.")
        every = make_practice(title_en="Housing in rural towns", published_at=OLD)
        found = ranked("rural housing")
        assert found.index(every.title_en) < found.index(some.title_en)
        assert found.index(some.title_en) < found.index(summary.title_en)

    def test_the_page_is_the_start_of_the_full_order(self, client, seeded):
        """search.best finds a page tier by tier; it must be exactly the full order's."""
        for i in range(25):
            make_practice(title_en=f"Newcomers club {i}", summary_en="Housing for newcomers.")
        for text in ["newcomers", "newcomers housing", "natation femmes", "housing -club", "zz"]:
            full = [p.pk for p in catalogue.find(Query(text=text)).ordered()]
            for number in (1, 2):
                page = catalogue.find(Query(text=text)).page(number, per_page=10)
                assert [p.pk for p in page.practices] == full[(number - 1) * 10 : number * 10]


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


def test_a_repeated_search_is_counted_again_without_reading_its_rows(
    client, seeded, django_assert_num_queries
):
    """Paging a search or asking it in the other language: SQLite counts the same matches from
    the cache; PostgreSQL from the bitmaps (the keyword's tsquery, the bitmaps, its rare words'
    rows: tests/practices/test_bitmaps.py)."""
    from django.db import connection

    client.get("/en/practices/", {"q": "newcomers"})
    queries = 3 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(queries):
        assert catalogue.find(Query(text="newcomers")).counts["region"]
    with django_assert_num_queries(queries):
        assert catalogue.find(Query(text="NEWCOMERS\x00")).counts["region"]


def test_a_search_finds_what_was_published_after_it_was_last_made(client, seeded):
    assert titles(client.get("/en/practices/", {"q": "zeppelin"})) == []
    make_practice(title_en="Zeppelin rides", title_fr="Promenades en zeppelin")
    assert titles(client.get("/en/practices/", {"q": "zeppelin"})) == ["Zeppelin rides"]


def test_a_search_never_shows_a_practice_unpublished_since(client, seeded):
    make_practice(title_en="Zeppelin rides", title_fr="Promenades en zeppelin")
    assert titles(client.get("/en/practices/", {"q": "zeppelin"})) == ["Zeppelin rides"]
    # A bulk update sends no signal: the publication version stays, the results are live.
    PromisingPractice.objects.filter(title_en="Zeppelin rides").update(status="archived")
    assert titles(client.get("/en/practices/", {"q": "zeppelin"})) == []


ELDERS = "Un repas du dimanche pour les aînés du village, préparé par des bénévoles du coin."


@pytest.mark.parametrize(
    "database", [pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"]
)
def test_an_accent_free_query_marks_the_accented_word(seeded, monkeypatch, database):
    if database == "sqlite":
        monkeypatch.setattr(search, "postgres", lambda: False)
    long = " ".join(f"Mot{i}" for i in range(60))
    practice = make_practice(
        title_en="", title_fr="Repas partagé", summary_fr=f"{long}. {ELDERS} {long}."
    )
    passage = passages(practice, "aines")["fr"]
    assert "<mark>aînés</mark>" in passage
    # Cut inside the text, at words, and said so.
    assert passage.startswith("… ") and passage.endswith(" …")
    assert re.match(r"… Mot\d+ ", passage) and re.search(r" Mot\d+\.? …$", passage)


@pytest.mark.parametrize(
    "database", [pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"]
)
@pytest.mark.parametrize("query", ["the of and", "de la du", "the -and", "The OR Le"])
def test_a_query_of_common_words_only_says_so(client, seeded, monkeypatch, query, database):
    if database == "sqlite":
        monkeypatch.setattr(search, "postgres", lambda: False)
    response = client.get("/en/practices/", {"q": query})
    assert response.status_code == 200
    assert titles(response) == []
    assert "Your search holds only very common words" in response.content.decode()


@pytest.mark.parametrize("query", ["!!!", "?", "«»", "🙂 🙂"])
def test_a_query_of_signs_only_says_so(client, seeded, query):
    response = client.get("/fr/pratiques/", {"q": query})
    assert response.status_code == 200
    assert titles(response) == []
    assert "Votre recherche ne contient aucun mot, seulement des signes" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "database", [pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"]
)
def test_a_query_of_200_words_is_cut_and_answered(client, seeded, monkeypatch, database):
    if database == "sqlite":
        monkeypatch.setattr(search, "postgres", lambda: False)
    response = client.get("/en/practices/", {"q": " ".join(["swim"] * 200)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your search was longer than 200 characters" in html
    assert titles(response)[0] == "Women-only swim night"
