"""Keyword search over practices, in both languages whatever the interface language.

PostgreSQL: the query runs as a `websearch` query against the English and the French vectors
(migration 0002: accent-free configurations, title weighted A, summary B, the rest C, GIN
indexes). Ranking reads each match's vectors, which costs more than a page's whole budget for a
common word, so only a bounded candidate set is ranked: the CANDIDATES newest matches.

SQLite (the quickstart): every word of the query must appear in the accent-free, lower-case copy
of the text; title matches first. Same interface, no stemming.

Every function here takes the query as typed: control characters become spaces first (`cleaned`),
and a query with no word in it ("!", "-", an emoji) matches nothing on either database.
"""

import hashlib
import re
import unicodedata
from datetime import timedelta

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import (
    Case,
    DateTimeField,
    ExpressionWrapper,
    F,
    IntegerField,
    Lookup,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, Greatest
from django.utils.html import escape
from django.utils.safestring import mark_safe

from practices.models import PromisingPractice, normalize

MAX_QUERY_LENGTH = 200
CANDIDATES = 1000
WINDOWS = (4_000, 20_000)  # newest published practices searched first (see candidate_ids)
# Around matched words in headlines: control characters no practice text contains.
START, STOP = "\x02", "\x03"
CONFIGS = {"en": "public.en_unaccent", "fr": "public.fr_unaccent"}


def postgres():
    return connection.vendor == "postgresql"


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


def candidates(queryset, text):
    """The ids of the CANDIDATES newest matches, as a subquery."""
    return matching(queryset, text).newest_first().values("pk")[:CANDIDATES]


def candidate_ids(queryset, text, narrowed=False):
    """The ids of the CANDIDATES newest matches, as a list, cached until the next publication
    (see candidate_rows)."""
    return [row[0] for row in candidate_rows(queryset, text, narrowed)]


def candidate_rows(queryset, text, narrowed=False):
    """(id, *catalogue.COUNTED_COLUMNS) of the CANDIDATES newest matches, cached until the next
    publication: the catalogue counts its facets from these small columns, with no query.

    The same words are searched again and again (paging, other filters' counts, the other
    language: the candidates do not depend on it), and a common word's candidates cost 10 to
    30 ms of SQL; the cache key is the query's SQL and the words.
    """
    if not words(text):
        return []
    from practices.catalogue import CACHE_SECONDS, COUNTED_COLUMNS, publication_version

    try:
        sql = str(queryset.query)
    except EmptyResultSet:
        return []
    # Both searches ignore case (PostgreSQL's configurations, the SQLite copy's lower case).
    what = (
        f"{sql}\n{cleaned(text).casefold()}\n{narrowed}\n{CANDIDATES}\n{WINDOWS}\n{COUNTED_COLUMNS}"
    )
    digest = hashlib.sha256(what.encode()).hexdigest()[:32]
    key = f"practices:candidates:{publication_version()}:{digest}"
    rows = cache.get(key)
    if rows is None:
        rows = find_candidates(queryset, text, narrowed, COUNTED_COLUMNS)
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def find_candidates(queryset, text, narrowed, columns=()):
    """Rows (id, *columns) of the CANDIDATES newest matches (no columns: their ids).

    PostgreSQL: looking for the newest matches of a common word by walking the date index
    reads the large vector of every row it passes. Instead, match within the newest practices
    first (the GIN bitmap ANDed with a date range, dates sorted here), widening the window only
    when it holds too few matches; a rare word ends in the last, unbounded step, which is cheap
    because it has few matches.

    A queryset already `narrowed` by filters skips the windows: its few matches would seldom
    fill one. Given as `catalogue.within` (one test of the practice_facets GIN index),
    PostgreSQL reads only the rows that pass every filter, each holding its vectors inline
    (migration 0007), and tests the word on them: 10 to 25 ms for three filters and a common
    word at 100,000 practices. Given as separate column conditions, it read every row of the
    broadest filter to test the others (13,000 rows for a region, 40 to 100 ms).
    """
    if not postgres():
        matches = matching(queryset, text).newest_first()
        return list(matches.values_list("pk", *columns, flat=not columns)[:CANDIDATES])
    from practices.catalogue import recent_cutoffs

    for cutoff in [*([] if narrowed else recent_cutoffs(WINDOWS)), None]:
        window = matches_by_bitmap(queryset, text)
        if cutoff is not None:
            window = window.filter(published_at__gte=cutoff)
        rows = list(window.values_list("pk", *columns, flat=not columns)[:CANDIDATES])
        if cutoff is None or len(rows) == CANDIDATES:
            return rows


def matches_by_bitmap(queryset, text):
    """The matches newest first, ordered on an expression: that keeps PostgreSQL off the date
    indexes (a walk that reads and tests row after row), so it takes the GIN bitmaps (the
    word's, the filters') and sorts what it finds."""
    not_the_index = ExpressionWrapper(F("published_at") + timedelta(0), DateTimeField())
    return matching(queryset, text).order_by(not_the_index.desc(), "-id")


class AnyOf(Lookup):
    """`pk__any_of=[...]`: one array parameter on PostgreSQL (`= ANY(%s::bigint[])`), where a
    thousand `IN` placeholders cost more to build than the query takes to run. The array goes
    as its text: psycopg adapting a thousand ints one by one took about 1 ms a query."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        values = [int(v) for v in self.rhs]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::bigint[])", [*params, f"{{{','.join(map(str, values))}}}"]
        if not values:
            return "1 = 0", params
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*params, *values]


PromisingPractice._meta.get_field("id").register_lookup(AnyOf)


def among(ids):
    """The published practices whose ids are in the list, as a queryset. (Cached candidates
    outlive a change that skips the save signals, such as an unpublishing `update()`.)"""
    return PromisingPractice.objects.published().filter(pk__any_of=ids)


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


def headlines(ids, text):
    """{id: {"en": html, "fr": html}}: the passages that match, words in <mark>, escaped."""
    if not ids:
        return {}
    if postgres():
        found = {}
        rows = among(ids).values_list(
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
    rows = PromisingPractice.objects.filter(pk__in=ids).values_list(
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
