"""What a keyword matches within the chosen filters: which practices, how many, and the filters'
counts among them.

Ranking every match of a common word costs more than a page's whole budget at 100,000 practices,
so a keyword keeps only its CANDIDATES newest matches: those are the results, ranked, counted and
shown (the list page says so when a word has more). Issue 15 replaces this bound with exact
ranking; this module is what it replaces, behind `catalogue.find`.

A keyword's candidates are fetched with the small columns the filters test (facets.
COUNTED_COLUMNS), so their counts are made in Python, with no count query. The candidates are
kept under the publication version: paging, another filter's counts and the other language ask
for the same words again.
"""

import hashlib
from collections import Counter
from datetime import timedelta
from functools import cached_property

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import DateTimeField, ExpressionWrapper, F, Lookup

from practices import search
from practices.facets import CACHE_SECONDS, COUNTED_COLUMNS, within
from practices.models import PromisingPractice
from practices.versions import publication_version

CANDIDATES = 1000
WINDOWS = (4_000, 20_000)  # newest published practices searched first (see find_candidates)


class Match:
    """The matches of `text` among the published practices that the chosen filters
    (`selection`: {param: Choice}) keep: the CANDIDATES newest, as rows (id, *COUNTED_COLUMNS)."""

    def __init__(self, selection, text):
        self.selection = selection
        self.text = text

    @cached_property
    def everywhere(self):
        """The keyword's own candidates, whatever the filters: what another choice of a chosen
        filter would give is counted among them (exact below CANDIDATES matches)."""
        return candidate_rows(PromisingPractice.objects.published(), self.text)

    @cached_property
    def rows(self):
        if self.selection and len(self.everywhere) < CANDIDATES:
            # They are all its matches: those the filters keep are the results, no query.
            return kept(self.everywhere, self.selection)
        published = PromisingPractice.objects.published()
        return candidate_rows(within(published, self.selection), self.text, bool(self.selection))

    @property
    def total(self):
        return len(self.rows)

    @property
    def limited(self):
        """True when the word may have more matches than were kept (and ranked)."""
        return self.total >= CANDIDATES

    def practices(self):
        """The matches, as an unordered queryset."""
        return among([row[0] for row in self.rows])

    def counts(self, facets):
        """{param: {value: count}} for `facets`: see search_counts."""
        everywhere = self.everywhere if self.selection else []
        return search_counts(facets, self.selection, self.rows, everywhere)


def candidate_rows(queryset, text, narrowed=False):
    """(id, *COUNTED_COLUMNS) of the CANDIDATES newest matches, cached until the next
    publication: a common word's candidates cost 10 to 30 ms of SQL. The cache key is the
    query's SQL and the words (both searches ignore case)."""
    if not search.words(text):
        return []
    try:
        sql = str(queryset.query)
    except EmptyResultSet:
        return []
    what = f"{sql}\n{search.cleaned(text).casefold()}\n{narrowed}\n{CANDIDATES}\n{WINDOWS}"
    digest = hashlib.sha256(f"{what}\n{COUNTED_COLUMNS}".encode()).hexdigest()[:32]
    key = f"practices:candidates:{publication_version()}:{digest}"
    rows = cache.get(key)
    if rows is None:
        rows = find_candidates(queryset, text, narrowed, COUNTED_COLUMNS)
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def find_candidates(queryset, text, narrowed, columns):
    """Rows (id, *columns) of the CANDIDATES newest matches.

    PostgreSQL: looking for the newest matches of a common word by walking the date index
    reads the large vector of every row it passes. Instead, match within the newest practices
    first (the GIN bitmap ANDed with a date range, dates sorted here), widening the window only
    when it holds too few matches; a rare word ends in the last, unbounded step, which is cheap
    because it has few matches.

    A queryset already `narrowed` by filters skips the windows: its few matches would seldom
    fill one. Given as `facets.within` (one test of the practice_facets GIN index),
    PostgreSQL reads only the rows that pass every filter, each holding its vectors inline
    (migration 0007), and tests the word on them: 10 to 25 ms for three filters and a common
    word at 100,000 practices. Given as separate column conditions, it read every row of the
    broadest filter to test the others (13,000 rows for a region, 40 to 100 ms).
    """
    if not search.postgres():
        matches = search.matching(queryset, text).newest_first()
        return list(matches.values_list("pk", *columns)[:CANDIDATES])
    for cutoff in [*([] if narrowed else recent_cutoffs(WINDOWS)), None]:
        window = matches_by_bitmap(queryset, text)
        if cutoff is not None:
            window = window.filter(published_at__gte=cutoff)
        rows = list(window.values_list("pk", *columns)[:CANDIDATES])
        if cutoff is None or len(rows) == CANDIDATES:
            return rows


def recent_cutoffs(sizes):
    """The publication date of the n-th newest published practice, for each n in `sizes`
    (smaller than the catalogue); cached under the publication version."""
    key = f"practices:cutoffs:{publication_version()}:{','.join(map(str, sizes))}"
    cutoffs = cache.get(key)
    if cutoffs is None:
        newest = PromisingPractice.objects.published().newest_first()
        cutoffs = []
        for size in sizes:
            date = next(iter(newest.values_list("published_at", flat=True)[size - 1 : size]), None)
            if date is None:
                break
            cutoffs.append(date)
        cache.set(key, cutoffs, CACHE_SECONDS)
    return cutoffs


def matches_by_bitmap(queryset, text):
    """The matches newest first, ordered on an expression: that keeps PostgreSQL off the date
    indexes (a walk that reads and tests row after row), so it takes the GIN bitmaps (the
    word's, the filters') and sorts what it finds."""
    not_the_index = ExpressionWrapper(F("published_at") + timedelta(0), DateTimeField())
    return search.matching(queryset, text).order_by(not_the_index.desc(), "-id")


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


def search_counts(facets, selection, matched, everywhere):
    """The facets' counts for a keyword search, from its candidates' rows, in Python (about
    2 ms for a thousand rows: not cached, see docs/catalogue.md).

    `matched`: the rows of the candidates within the selection (the results); a facet that
    is not chosen is counted among them. `everywhere`: the rows of the keyword's own
    candidates (needed only with a selection); a chosen facet's other choices are counted
    among those of them that the other chosen filters keep (exact below CANDIDATES matches).
    """
    counts = count_rows(matched, [f for f in facets if f.param not in selection])
    for facet in facets:
        if facet.param not in selection:
            continue
        others = {p: c for p, c in selection.items() if p != facet.param}
        counts[facet.param] = count_rows(kept(everywhere, others), [facet])[facet.param]
    return counts


def count_rows(rows, facets):
    """{param: {value: count}} for `facets`, from rows (id, *COUNTED_COLUMNS) already
    fetched: no query."""
    position = {column: i for i, column in enumerate(COUNTED_COLUMNS, start=1)}
    tallies = {}
    counts = {}
    for facet in facets:
        found = counts[facet.param] = {}
        for choice in facet.choices:
            column = choice.column
            if column not in tallies:
                tallies[column] = Counter(row[position[column]] for row in rows)
            tally = tallies[column]
            if choice.bit is None:
                found[choice.value] = (
                    tally.get(choice.wanted, 0) if choice.wanted is not None else 0
                )
                continue
            bits = f"{column}:bits"
            if bits not in tallies:
                tallies[bits] = bit_tally(tally)
            found[choice.value] = tallies[bits].get(choice.bit, 0)
    return counts


def bit_tally(tally):
    """{bit: how many rows have it set} from {column value: how many rows}."""
    found = Counter()
    for value, number in tally.items():
        if value is None or value == 0:
            continue
        if value < 0:  # (never stored; tested as the database would, bit by bit)
            for bit in range(63):
                if value & (1 << bit):
                    found[bit] += number
            continue
        bit = 0
        while value:
            if value & 1:
                found[bit] += number
            value >>= 1
            bit += 1
    return found


def kept(rows, selection):
    """The rows (id, *COUNTED_COLUMNS) that every chosen filter of `selection` keeps: each
    choice's `condition`, tested in Python (a thousand rows, on every search within filters)."""
    position = {column: i for i, column in enumerate(COUNTED_COLUMNS, start=1)}
    rows = list(rows)
    for choice in selection.values():
        i = position[choice.column]
        if choice.bit is not None:
            mask = 1 << choice.bit
            rows = [row for row in rows if row[i] is not None and row[i] & mask > 0]
        elif choice.wanted is None:
            rows = []
        else:
            wanted = choice.wanted
            rows = [row for row in rows if row[i] is not None and row[i] == wanted]
    return rows
