"""Keyword search over practices, in both languages whatever the interface language: which
practices match, in which order, and the passages that match. Mechanics on querysets of
practices; which practices are searched (the filters, how many are ranked) is keyword.py's.

PostgreSQL: the query runs as a `websearch` query against the English and the French vectors
(migration 0002: accent-free configurations, title weighted A, summary B, the rest C, GIN
indexes); ranking reads the small title+summary vectors (migration 0004).

SQLite (the quickstart): every word of the query must appear in the accent-free, lower-case copy
of the text; title matches first. Same interface, no stemming.

Every function here takes the query as typed: control characters become spaces first (`cleaned`),
and a query with no word in it ("!", "-", an emoji) matches nothing on either database.
"""

import re
import unicodedata

import snowballstemmer
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchVectorField,
)
from django.db import connection, transaction
from django.db.models import Case, IntegerField, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from practices.stopwords import STOP_WORDS

MAX_QUERY_LENGTH = 200
# Around matched words in headlines: control characters no practice text contains.
START, STOP = "\x02", "\x03"
CONFIGS = {"en": "public.en_unaccent", "fr": "public.fr_unaccent"}


def postgres():
    return connection.vendor == "postgresql"


def normalize(text):
    """Lower case, accents removed: what the SQLite search compares (and what a practice's
    search_title and search_text hold)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def cleaned(text):
    """The query without control or format characters (each becomes a space): PostgreSQL
    refuses a NUL in a parameter, and none of them can be part of a word."""
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text or "")
    return " ".join(text.split())


def words(text):
    """The words of the query the SQLite search looks for (none: the query matches nothing)."""
    return [w for w in re.findall(r"\w+", normalize(cleaned(text))) if w != "or"][:12]


STEMMERS = {"en": snowballstemmer.stemmer("english"), "fr": snowballstemmer.stemmer("french")}
SHORTEST_STEM = 4


def stems(word):
    """SQLite: what a word of a query is looked for as, at the start of a word of the text:
    its English and its French stems (Snowball), each cut to the part it shares with the word
    ("community" → "communit", "jeunes" → "jeun") and kept at least SHORTEST_STEM letters
    long (or the whole word when shorter): "swimming" finds "swim", "jeunes" « jeunesse »."""
    found = set()
    for stemmer in STEMMERS.values():
        stem = stemmer.stemWord(word)
        shared = 0
        while shared < min(len(stem), len(word)) and stem[shared] == word[shared]:
            shared += 1
        found.add(word[: max(shared, min(len(word), SHORTEST_STEM))])
    return sorted(found)


def holds(field, word):
    """SQLite: the accent-free lower-case `field` has a word starting with one of the word's
    stems. The pattern reads the same in Python's re (Django's REGEXP on SQLite) and in
    PostgreSQL (where the tests of the fallback also run)."""
    alternatives = "|".join(re.escape(stem) for stem in stems(word))
    return Q(**{f"{field}__regex": f"(^|[^a-z0-9])({alternatives})"})


def vector(language, column="tsv"):
    """tsv_<lang>: the whole text, GIN-indexed, for matching; head_<lang>: title and summary,
    small, for ranking. Generated columns unknown to the model (migrations 0002 and 0004);
    unqualified, so the same expression works inside subqueries, where Django renames the table.
    """
    assert language in CONFIGS and column in ("tsv", "head")
    return RawSQL(f"{column}_{language}", [], output_field=SearchVectorField())  # noqa: S611


class Keyword(str):
    """A keyword as typed, with `alternative`: the same with the glossary's phrases in the
    other language (practices.glossary), or None. Searched as one or the other."""

    def __new__(cls, text, alternative=None):
        keyword = super().__new__(cls, text)
        keyword.alternative = alternative
        return keyword


def alternatives(text):
    """The texts a keyword is searched as: itself, and its glossary translation if any."""
    alternative = getattr(text, "alternative", None)
    return [str(text), alternative] if alternative else [str(text)]


def query(text, language):
    found = None
    for each in alternatives(text):
        one = SearchQuery(cleaned(each), search_type="websearch", config=CONFIGS[language])
        found = one if found is None else found | one
    return found


def matching(queryset, text):
    """The practices of `queryset` that match `text`, unordered and unbounded; none for a
    keyword with nothing to look for (only signs, only stop words)."""
    if nothing_to_look_for(text):
        return queryset.none()
    if postgres():
        return queryset.alias(tsv_en=vector("en"), tsv_fr=vector("fr")).filter(
            Q(tsv_en=query(text, "en")) | Q(tsv_fr=query(text, "fr"))
        )
    every = Q(*[holds("search_text", w) for w in words(text)])
    for alternative in alternatives(text)[1:]:
        every |= Q(*[holds("search_text", w) for w in words(alternative)])
    return queryset.filter(every)


def positive_words(text):
    """The words the query asks for (not those excluded with a leading "-"), with those of its
    glossary translation."""
    found = []
    for each in alternatives(text):
        found += words(" ".join(w for w in cleaned(each).split() if not w.startswith("-")))
    return list(dict.fromkeys(found))


# The ranking: tiers, best first, newest first within a tier (then the highest id).
TIERS = (
    "the title holds every word",
    "the title holds some of the words",
    "the summary holds some of the words",
    "the rest of the text holds them",
)


def tier_conditions(text):
    """[(Q, implied)] of each tier (TIERS), on PostgreSQL, each excluding the tiers above it;
    `implied`: a practice that meets the condition matches the query (no need to test its whole
    text). None when the query asks for no word (only exclusions): one tier, newest first."""
    asked = positive_words(text)
    if not asked:
        return []
    wanted = " or ".join(asked)
    full = Q(title_tsv_en=query(text, "en")) | Q(title_tsv_fr=query(text, "fr"))
    title = Q(title_tsv_en=query(wanted, "en")) | Q(title_tsv_fr=query(wanted, "fr"))
    head = Q(head_tsv_en=query(wanted, "en")) | Q(head_tsv_fr=query(wanted, "fr"))
    # Without an excluded word, a title that holds every word is a match; with one word, so
    # is a summary that holds it.
    simple = not any(w.startswith("-") for w in cleaned(text).split())
    one = len(set(asked)) == 1
    return [
        (full, simple),
        # One word: a title that holds some of the words holds them all (this tier is empty,
        # and looking for its rows would read every match).
        (None if one else title & ~full, False),
        (head & ~title, simple and one),
        (~head, False),
    ]


def with_vectors(queryset):
    return queryset.alias(
        title_tsv_en=title_vector("en"),
        title_tsv_fr=title_vector("fr"),
        head_tsv_en=vector("en", "head"),
        head_tsv_fr=vector("fr", "head"),
    )


def tier(text):
    """The tier of a match (1 is best), as an expression. SQLite: a title with every word, a
    title with some, the rest (no summary tier: its text is one column)."""
    if postgres():
        conditions = [c for c, _implied in tier_conditions(text)]
    else:
        every = Q()
        for each in alternatives(text):
            every |= Q(*[holds("search_title", w) for w in words(each)])
        some = Q(*[holds("search_title", w) for w in positive_words(text)], _connector=Q.OR)
        conditions = [every, some, None]
    whens = [When(c, then=Value(i)) for i, c in enumerate(conditions[:-1], start=1) if c]
    if not whens:
        return Value(1)
    return Case(*whens, default=Value(len(conditions)), output_field=IntegerField())


def by_relevance(queryset, text):
    """Every match, best first: its tier (TIERS: titles above summaries above the rest, a
    title that holds every word above those that hold some), then newest first.

    Exact: the order is that of every match, whatever its age or how common its words. On a
    common word this query sorts every match: `best` gives a page of it without that.
    """
    if not words(text):
        return queryset.newest_first()
    queryset = with_vectors(queryset) if postgres() else queryset
    return queryset.alias(tier=tier(text)).order_by("tier", "-published_at", "-id")


def best(practices, text, stop):
    """The ids of the first `stop` matches of `text` among the queryset `practices`, in the
    order of by_relevance, in one query.

    PostgreSQL: each tier's `stop` newest matches, by one index each (a tier of a common word
    walks the newest-first index and stops after `stop` hits; a tier of a rare one reads its
    GIN bitmaps and sorts the few it finds), in tier order. Every practice of the first `stop`
    is among its own tier's first `stop`, so the result is exactly the first `stop` of the
    full order, found without ranking every match.
    """
    conditions = tier_conditions(text) if postgres() and words(text) else []
    if len(conditions) < 2:
        ranked = by_relevance(matching(practices, text), text)
        return list(ranked.values_list("pk", flat=True)[:stop])
    practices = with_vectors(practices)
    matches = matching(practices, text)
    parts = [
        (practices if implied else matches)
        .filter(condition)
        .annotate(tier=Value(i, output_field=IntegerField()))
        .order_by("-published_at", "-id")
        .values_list("tier", "published_at", "pk")[:stop]
        for i, (condition, implied) in enumerate(conditions, start=1)
        if condition
    ]
    # PostgreSQL runs the parts of a UNION ALL one after the other (Append) and stops once the
    # LIMIT is reached: a later tier is read only when the tiers above it hold fewer than
    # `stop` matches (a common word's first tier usually fills the page alone).
    rows = parts[0].union(*parts[1:], all=True)[:stop]
    ordered = sorted(rows, key=lambda row: (row[0], -row[1].timestamp(), -row[2]))
    return [pk for _tier, _date, pk in ordered]


def title_vector(language):
    """The title's words alone (weight A of the small head vector; GIN-indexed, 0009)."""
    assert language in CONFIGS
    sql = f"ts_filter(head_{language}, '{{a}}')"
    return RawSQL(sql, [], output_field=SearchVectorField())  # noqa: S611


def headlines(practices, text):
    """{id: {"en": html, "fr": html}} for the practices of the queryset `practices`: the
    passages that match, words in <mark>, escaped."""
    if postgres():
        found = {}
        rows = practices.values_list(
            "pk",
            *[
                SearchHeadline(
                    passage_source(lang),
                    query(text, lang),
                    config=CONFIGS[lang],
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=30,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
                for lang in ("en", "fr")
            ],
            *[passage_source(lang) for lang in ("en", "fr")],
        )
        for pk, en, fr, text_en, text_fr in rows:
            found[pk] = {"en": marked(en, text_en), "fr": marked(fr, text_fr)}
        return found
    terms = positive_words(text)
    rows = practices.values_list(
        "pk", "summary_en", "description_en", "summary_fr", "description_fr"
    )
    return {
        pk: {
            "en": excerpt(f"{s_en or ''} {d_en or ''}", terms),
            "fr": excerpt(f"{s_fr or ''} {d_fr or ''}", terms),
        }
        for pk, s_en, d_en, s_fr, d_fr in rows
    }


def passage_source(lang):
    """The text the passages are taken from: summary, then description."""
    return Concat(
        Coalesce(f"summary_{lang}", Value(""), output_field=TextField()),
        Value(" "),
        Coalesce(f"description_{lang}", Value(""), output_field=TextField()),
        output_field=TextField(),
    )


def marked(headline, source=""):
    """Escape the headline (it quotes the practice and echoes the query), then add <mark>;
    « … » before and after it where it starts or ends inside `source` (ts_headline cuts at
    words, and says nothing of it)."""
    if not headline or START not in headline:
        return None
    html = escape(headline.strip()).replace(START, "<mark>").replace(STOP, "</mark>")
    words_of = [w for w in re.split(r"\W+", headline.replace(START, "").replace(STOP, "")) if w]
    text = [w for w in re.split(r"\W+", source or "") if w]
    if words_of and text and words_of[: len(text)] != text[: len(words_of)]:
        html = f"… {html}"
    if words_of and text and words_of[-len(text) :] != text[-len(words_of) :]:
        html = f"{html} …"
    return mark_safe(html)  # noqa: S308 - escaped above; only our tags and ellipses added


def excerpt(text, terms, width=30):
    """SQLite: about `width` words around the first matching word (a word that starts with one
    of a query word's stems, accents and case ignored), matches marked, « … » where cut."""
    tokens = text.split()
    pattern = re.compile(
        "(^|[^a-z0-9])(" + "|".join(re.escape(s) for w in terms for s in stems(w)) + ")"
    )
    hit = [bool(pattern.search(normalize(t))) for t in tokens]
    if not any(hit):
        return None
    start = max(0, hit.index(True) - width // 3)
    html = " ".join(
        f"<mark>{escape(t)}</mark>" if hit[i] else escape(t)
        for i, t in enumerate(tokens[start : start + width], start=start)
    )
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(tokens) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - every token escaped above


def nothing_to_look_for(text):
    """Why a keyword matches nothing whatever the catalogue holds: "no word" (only signs: "!",
    an emoji), "common words" (only words the full-text search ignores in English or French,
    such as "the" or "de"), else None. No query."""
    if not words(text):
        return "no word"
    if all(w in STOP_WORDS for w in positive_words(text)):
        return "common words"
    return None


def similar_titles(queryset, text, limit=5):
    """Practices whose title looks like the query (misspellings); PostgreSQL only."""
    text = normalize(cleaned(text))
    if not postgres() or not text:
        return []
    with transaction.atomic(), connection.cursor() as cursor:
        # Looser than pg_trgm's default (0.6), for this transaction only: two typos score ~0.5.
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', '0.45', true)")
        similar = queryset.filter(search_title__trigram_word_similar=text[:60])
        return list(similar[:limit])
