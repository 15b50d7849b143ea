"""The catalogue's filters (facets), their choices, and how many results each choice gives.

Counts follow the usual faceted-search rule: a facet's counts apply every *other* selected filter
and the keyword, so picking another region shows how many results that region would give.

Counting the whole published set (or the set behind one filter) takes a few hundred
milliseconds at 100,000 practices, and those sets change only when something is published: such
counts are cached under the catalogue's publication version, which every change to a practice
bumps. Narrower sets (a keyword, or two or more filters) are counted when first asked for, in
one query, and kept under the same version, keyed by that query.
"""

import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.fields import ArrayField
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q, TextField
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from practices.models import (
    ClientGroup,
    DeliveryMode,
    EvidenceLevel,
    Kind,
    Origin,
    Principle,
    PromisingPractice,
    Stage,
    Theme,
    has_bit,
)
from workinggroup.models import ProvinceTerritory, Region, SizeClass

VERSION_KEY = "practices:publication-version"
REFERENCE_VERSION_KEY = "practices:reference-version"
CACHE_SECONDS = 24 * 3600
# The practice columns the filters test: fetched with a search's candidates, so that their
# counts are made in Python, with no query (count_rows).
COUNTED_COLUMNS = (
    "region_id",
    "province_id",
    "size_class",
    "theme_bits",
    "client_group_bits",
    "principle_bits",
    "kind",
    "delivery_mode",
    "origin",
    "evidence_level",
    "stage",
    "has_en",
    "has_fr",
)


def publication_version():
    return _version(VERSION_KEY)


def _version(key):
    """The version kept under `key`, made up the first time it is asked for (add(): two
    processes asking at once agree on one)."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key)
    return version


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


def publication_changed():
    """Call after anything that may change what is published (saves, bulk loads)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


@dataclass(frozen=True)
class Choice:
    value: str  # as it appears in the URL
    label: str
    column: str  # the practice column the choice tests
    wanted: object = None  # the value it wants in it (unless a bit)
    bit: int | None = None  # for bit columns (themes, client groups, principles): the bit

    @cached_property
    def condition(self):
        """The choice as a queryset filter (built when first asked for: most choices of a
        page are only shown, and eighty Q objects cost milliseconds on every page)."""
        if self.bit is not None:
            return has_bit(self.column, self.bit)
        return Q(**{self.column: self.wanted})

    def as_sql(self, quote):
        """`condition` as SQL over a row set with the practice's column names, and its param."""
        if self.bit is not None:
            return f"({quote(self.column)} & %s) > 0", 1 << self.bit
        return f"{quote(self.column)} = %s", self.wanted

    @property
    def term(self):
        """The choice as one of the practice's filter terms (practice_facets, migration 0007)."""
        if self.bit is not None:
            return f"{self.column}={self.bit}"
        if isinstance(self.wanted, bool):
            return f"{self.column}={'true' if self.wanted else 'false'}"
        return f"{self.column}={self.wanted}"

    def holds(self, value):
        """`condition`, tested on the value of its column (as the database gives it)."""
        if self.bit is not None:
            return value is not None and value & (1 << self.bit) > 0
        return value is not None and value == self.wanted


# Each published practice's filter values as terms ("region_id=4", "theme_bits=3"), GIN-indexed
# (migration 0007). Unqualified column names, as in search.vector: it works in subqueries too.
FACETS_SQL = (
    "practice_facets(region_id, province_id, size_class, theme_bits, client_group_bits, "
    "principle_bits, kind, delivery_mode, origin, evidence_level, stage, has_en, has_fr)"
)


def within(queryset, selection):
    """`queryset` narrowed to the chosen filters. On PostgreSQL, as one test of the facets
    index, which yields exactly the practices that pass them all: the separate columns' own
    indexes made PostgreSQL read every row of the broadest filter to test the others."""
    if not selection:
        return queryset
    if connection.vendor != "postgresql":
        return queryset.filter(*[choice.condition for choice in selection.values()])
    facets = RawSQL(FACETS_SQL, [], output_field=ArrayField(TextField()))  # noqa: S611
    terms = sorted(choice.term for choice in selection.values())
    return queryset.alias(facets=facets).filter(facets__contains=terms)


@dataclass
class Facet:
    param: str
    label: str
    group: str  # the fieldset it is shown in
    choices: list = field(default_factory=list)

    def choice(self, value):
        return next((c for c in self.choices if c.value == value), None)


def equal_choice(value, label, column, wanted):
    return Choice(value, label, column, wanted)


def bit_choice(value, label, column, bit):
    return Choice(value, label, column, bit=bit)


def text_choices(column, choices):
    return [equal_choice(value, label, column, value) for value, label in choices]


def bit_choices(column, rows):
    return [bit_choice(row.slug, row.name, column, row.bit) for row in rows]


WHERE = pgettext_lazy("filter group", "Where")
WHAT = pgettext_lazy("filter group", "What and for whom")
HOW = pgettext_lazy("filter group", "How")


def current_facets():
    """build_facets() in the current language, built once per process until the reference
    tables change (reference_changed): four queries and some fifty objects fewer on every
    list page."""
    key = (get_language(), reference_version())
    found = _built.get(key)
    if found is None:
        if len(_built) > 16:  # versions past: only the current ones are ever asked for
            _built.clear()
        found = _built[key] = build_facets()
    return found


_built = {}


def reference_version():
    return _version(REFERENCE_VERSION_KEY)


def reference_changed():
    """Call after a change to regions, provinces, themes or client groups that skipped their
    save signals (a bulk update): every process rebuilds its filters."""
    cache.set(REFERENCE_VERSION_KEY, uuid.uuid4().hex, None)


def build_facets():
    """Every filter with its choices; four small queries for the reference tables."""
    regions = Region.objects.order_by("order", "code")
    provinces = ProvinceTerritory.objects.all()
    return [
        Facet(
            "region",
            pgettext_lazy("practice filter", "IRCC region"),
            WHERE,
            [equal_choice(r.code, r.name, "region_id", r.pk) for r in regions],
        ),
        Facet(
            "province",
            pgettext_lazy("practice filter", "Province or territory"),
            WHERE,
            sorted(
                (equal_choice(p.code, p.name, "province_id", p.pk) for p in provinces),
                key=lambda c: str(c.label),
            ),
        ),
        Facet(
            "size",
            pgettext_lazy("practice filter", "Community size"),
            WHERE,
            text_choices("size_class", SizeClass.choices),
        ),
        Facet(
            "theme",
            pgettext_lazy("practice filter", "Theme"),
            WHAT,
            bit_choices("theme_bits", Theme.objects.all()),
        ),
        Facet(
            "group",
            pgettext_lazy("practice filter", "Client group"),
            WHAT,
            bit_choices("client_group_bits", ClientGroup.objects.all()),
        ),
        Facet(
            "principle",
            pgettext_lazy("practice filter", "IRCC foundational principle"),
            WHAT,
            [bit_choice(p, p.label, "principle_bits", Principle.bit(p)) for p in Principle],
        ),
        Facet(
            "kind",
            pgettext_lazy("practice filter", "Kind"),
            HOW,
            text_choices("kind", Kind.choices),
        ),
        Facet(
            "mode",
            pgettext_lazy("practice filter", "Delivery"),
            HOW,
            text_choices("delivery_mode", DeliveryMode.choices),
        ),
        Facet(
            "origin",
            pgettext_lazy("practice filter", "Origin of the idea"),
            HOW,
            text_choices("origin", Origin.choices),
        ),
        Facet(
            "evidence",
            pgettext_lazy("practice filter", "Evidence"),
            HOW,
            text_choices("evidence_level", EvidenceLevel.choices),
        ),
        Facet(
            "stage",
            pgettext_lazy("practice filter", "Stage"),
            HOW,
            text_choices("stage", Stage.choices),
        ),
        Facet(
            "lang",
            pgettext_lazy("practice filter", "Available in"),
            HOW,
            [
                equal_choice("en", _("English"), "has_en", True),
                equal_choice("fr", _("French"), "has_fr", True),
            ],
        ),
    ]


def count_all(queryset, facets, cached=False):
    """{param: {value: count}} for `facets` over `queryset`, plus the total, in one query.

    The query is written here from each choice's column: as eighty filtered aggregates
    through the ORM it cost some 10 ms of Python on every keyword search, more than it runs.
    `cached`: kept under the publication version, keyed by that query (a search paged or
    asked in the other language counts the same set again).
    """
    # In a fixed order (not the labels' order, which follows the language): one cache key.
    choices = sorted(
        ((facet.param, choice) for facet in facets for choice in facet.choices),
        key=lambda pair: (pair[0], pair[1].value),
    )
    columns = sorted({choice.column for _param, choice in choices})
    try:
        rows, params = queryset.order_by().values(*columns).query.sql_with_params()
    except EmptyResultSet:
        rows, params = None, ()
    counts = {facet.param: dict.fromkeys((c.value for c in facet.choices), 0) for facet in facets}
    counts["_total"] = 0
    if rows is None:
        return counts
    quote = connection.ops.quote_name
    tests = [choice.as_sql(quote) for _param, choice in choices]
    filtered = ", ".join(f"COUNT(*) FILTER (WHERE {sql})" for sql, _value in tests)
    sql = f"SELECT COUNT(*), {filtered} FROM ({rows}) AS result"  # noqa: S608 - our columns
    params = [*(value for _sql, value in tests), *params]
    key = None
    if cached:
        digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
        key = f"practices:counts:{publication_version()}:{digest}"
        found = cache.get(key)
        if found is not None:
            return found
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        total, *found = cursor.fetchone()
    for (param, choice), number in zip(choices, found, strict=True):
        counts[param][choice.value] = number
    counts["_total"] = total
    if key:
        cache.set(key, counts, CACHE_SECONDS)
    return counts


def count_rows(rows, facets):
    """count_all's {param: {value: count}} for `facets`, from rows (id, *COUNTED_COLUMNS)
    already fetched (a search's candidates): no query."""
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
    choice's `holds`, inlined (a thousand rows, on every search within filters)."""
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


def search_counts(facets, selection, text, matched, everywhere):
    """facet_counts for a keyword search, from its candidates' rows (search.candidate_rows).

    `matched`: the rows of the candidates within the selection (the results); a facet that
    is not chosen is counted among them. `everywhere`: the rows of the keyword's own
    candidates (needed only with a selection); a chosen facet's other choices are counted
    among those of them that the other chosen filters keep (exact below CANDIDATES matches).
    Kept until the next publication, as the candidates are.
    """
    from practices.search import cleaned

    what = [
        cleaned(text).casefold(),
        *sorted(f"{p}={c.value}" for p, c in selection.items()),
        *(f"{f.param}:{','.join(c.value for c in f.choices)}" for f in facets),
    ]
    digest = hashlib.sha256("\n".join(what).encode()).hexdigest()[:32]
    key = f"practices:search-counts:{publication_version()}:{digest}"
    counts = cache.get(key)
    if counts is None:
        counts = count_rows(matched, [f for f in facets if f.param not in selection])
        for facet in facets:
            if facet.param not in selection:
                continue
            others = {p: c for p, c in selection.items() if p != facet.param}
            counts[facet.param] = count_rows(kept(everywhere, others), [facet])[facet.param]
        counts["_total"] = len(matched)
        cache.set(key, counts, CACHE_SECONDS)
    counts = dict(counts)
    return counts, counts.pop("_total")


def cached_counts(facets, selection):
    """Counts of every facet over the published set narrowed by at most one filter."""
    assert len(selection) <= 1
    key = ":".join(
        ["practices:facets", publication_version()]
        + [f"{p}={c.value}" for p, c in selection.items()]
    )
    counts = cache.get(key)
    if counts is None:
        queryset = PromisingPractice.objects.published().filter(
            *[c.condition for c in selection.values()]
        )
        counts = count_all(queryset, facets)
        cache.set(key, counts, CACHE_SECONDS)
    return counts


def facet_counts(facets, selection):
    """{param: {value: count}} and the number of results, with no keyword (a keyword's:
    search_counts). `selection` maps a facet's param to the chosen Choice."""
    counts = {}
    unselected = [f for f in facets if f.param not in selection]
    if len(selection) <= 1:
        counts.update(cached_counts(facets, selection))
    else:
        published = PromisingPractice.objects.published()
        counts.update(count_all(within(published, selection), unselected, cached=True))
    for facet in facets:
        if facet.param not in selection:
            continue
        others = {p: c for p, c in selection.items() if p != facet.param}
        if len(others) <= 1:
            counts[facet.param] = cached_counts(facets, others)[facet.param]
        else:
            queryset = within(PromisingPractice.objects.published(), others)
            counts[facet.param] = count_all(queryset, [facet], cached=True)[facet.param]
    return counts, counts.pop("_total")


def _changed(sender, **kwargs):
    publication_changed()


# Any change to a practice may change what is published: saves, deletions, theme changes.
post_save.connect(_changed, sender=PromisingPractice, dispatch_uid="practices-version-save")
post_delete.connect(_changed, sender=PromisingPractice, dispatch_uid="practices-version-delete")


def _reference_changed(sender, **kwargs):
    reference_changed()


# The filters' choices come from these tables: a new theme or a renamed region shows at once.
for _model in (Region, ProvinceTerritory, Theme, ClientGroup):
    for _signal in (post_save, post_delete):
        _signal.connect(
            _reference_changed,
            sender=_model,
            dispatch_uid=f"practices-reference-{_signal is post_save}-{_model.__name__}",
        )
