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

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, Greatest
from django.utils.html import escape
from django.utils.safestring import mark_safe

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


def vector(language, column="tsv"):
    """tsv_<lang>: the whole text, GIN-indexed, for matching; head_<lang>: title and summary,
    small, for ranking. Generated columns unknown to the model (migrations 0002 and 0004);
    unqualified, so the same expression works inside subqueries, where Django renames the table.
    """
    assert language in CONFIGS and column in ("tsv", "head")
    return RawSQL(f"{column}_{language}", [], output_field=SearchVectorField())  # noqa: S611


def query(text, language):
    return SearchQuery(cleaned(text), search_type="websearch", config=CONFIGS[language])


def matching(queryset, text):
    """The practices of `queryset` that match `text`, unordered and unbounded."""
    if not words(text):
        return queryset.none()
    if postgres():
        return queryset.alias(tsv_en=vector("en"), tsv_fr=vector("fr")).filter(
            Q(tsv_en=query(text, "en")) | Q(tsv_fr=query(text, "fr"))
        )
    return queryset.filter(*[Q(search_text__contains=w) for w in words(text)])


def by_relevance(queryset, text):
    """Best first: title matches above summary above the rest; newest first among equals."""
    terms = words(text)
    if not terms:
        return queryset.newest_first()
    if postgres():
        rank = Greatest(
            SearchRank(vector("en", "head"), query(text, "en")),
            SearchRank(vector("fr", "head"), query(text, "fr")),
        )
    else:
        rank = Case(
            When(Q(*[Q(search_title__contains=w) for w in terms]), then=Value(2)),
            When(Q(*[Q(search_title__contains=w) for w in terms], _connector=Q.OR), then=1),
            default=Value(0),
            output_field=IntegerField(),
        )
    return queryset.alias(rank=rank).order_by(F("rank").desc(), "-published_at", "-id")


def headlines(practices, text):
    """{id: {"en": html, "fr": html}} for the practices of the queryset `practices`: the
    passages that match, words in <mark>, escaped."""
    if postgres():
        found = {}
        rows = practices.values_list(
            "pk",
            *[
                SearchHeadline(
                    Concat(
                        Coalesce(f"summary_{lang}", Value(""), output_field=TextField()),
                        Value(" "),
                        Coalesce(f"description_{lang}", Value(""), output_field=TextField()),
                        output_field=TextField(),
                    ),
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
        )
        for pk, en, fr in rows:
            found[pk] = {"en": marked(en), "fr": marked(fr)}
        return found
    terms = words(text)
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


def marked(headline):
    """Escape the headline (it quotes the practice and echoes the query), then add <mark>."""
    if not headline or START not in headline:
        return None
    html = escape(headline).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped on the line above; only our tags added


def excerpt(text, terms, width=30):
    """SQLite: about `width` words around the first matching word, matches marked."""
    tokens = text.split()
    hits = [i for i, t in enumerate(tokens) if any(w in normalize(t) for w in terms)]
    if not hits:
        return None
    start = max(0, hits[0] - width // 3)
    window = tokens[start : start + width]
    html = " ".join(
        f"<mark>{escape(t)}</mark>" if any(w in normalize(t) for w in terms) else escape(t)
        for t in window
    )
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(tokens) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - every token escaped above


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
