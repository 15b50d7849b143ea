"""The catalogue's filters (facets), their choices, and how many results each choice gives
without a keyword (a keyword's counts: keyword.py).

Counts follow the usual faceted-search rule: a facet's counts apply every *other* selected filter
(and the keyword), so picking another region shows how many results that region would give.

Counting the whole published set (or the set behind one filter) takes a few hundred
milliseconds at 100,000 practices, and those sets change only when something is published: such
counts are cached under the publication version (versions.py). Narrower sets (two or more
filters) are counted when first asked for, in one query, and kept under the same version, keyed
by that query.
"""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.fields import ArrayField
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Q, TextField
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from lib.typography import collation_key
from practices import bitmaps
from practices.models import (
    RESOURCE_LANGUAGES,
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
from practices.versions import publication_version, reference_version
from workinggroup.models import LANGUAGE_BITS, ProvinceTerritory, Region, SizeClass

CACHE_SECONDS = 24 * 3600
# The practice columns the filters test: fetched with a keyword's candidates, so that their
# counts are made in Python, with no query (keyword.py).
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
    "resource_language_bits",
)


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


# Each published practice's filter values as terms ("region_id=4", "theme_bits=3"), GIN-indexed
# (migration 0007). Unqualified column names, as in search.vector: it works in subqueries too.
FACETS_SQL = (
    "practice_facets(region_id, province_id, size_class, theme_bits, client_group_bits, "
    "principle_bits, kind, delivery_mode, origin, evidence_level, stage, has_en, has_fr, "
    "resource_language_bits)"
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


@dataclass(frozen=True)
class ResourceLanguageChoice(Choice):
    """ "Has resources in": few practices have resources, so the condition also says
    `resource_language_bits > 0`, which lets PostgreSQL walk the small partial indexes of
    practices with resources (practice_pub_resources_*) in the list's order instead of testing
    the bit on every published practice (200 ms at 100,000 practices)."""

    @cached_property
    def condition(self):
        return has_bit(self.column, self.bit) & Q(resource_language_bits__gt=0)


# The select's first option, no filter: "Any" agrees with the filtered noun in French
# (docs/french-style.md), « Région : Toutes ».
ANY = pgettext_lazy("practice filter", "Any")
ANY_FEMININE = pgettext_lazy("practice filter of a feminine noun", "Any")


@dataclass
class Facet:
    param: str
    label: str
    group: str  # the fieldset it is shown in
    choices: list = field(default_factory=list)
    anything: str = ANY

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
    tables change (versions.reference_changed): four queries and some fifty objects fewer on
    every list page and API request."""
    key = (get_language(), reference_version())
    found = _built.get(key)
    if found is None:
        for past in [k for k in _built if k[1] != key[1]]:  # a past version is never asked for
            _built.pop(past, None)
        found = _built[key] = build_facets()
    return found


_built = {}


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
            anything=ANY_FEMININE,
        ),
        Facet(
            "province",
            pgettext_lazy("practice filter", "Province or territory"),
            WHERE,
            sorted(
                (equal_choice(p.code, p.name, "province_id", p.pk) for p in provinces),
                key=lambda c: collation_key(c.label),
            ),
        ),
        Facet(
            "size",
            pgettext_lazy("practice filter", "Community size"),
            WHERE,
            text_choices("size_class", SizeClass.choices),
            anything=ANY_FEMININE,
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
            anything=ANY_FEMININE,
        ),
        Facet(
            "origin",
            pgettext_lazy("practice filter", "Origin of the idea"),
            HOW,
            text_choices("origin", Origin.choices),
            anything=ANY_FEMININE,
        ),
        Facet(
            "evidence",
            pgettext_lazy("practice filter", "Evidence"),
            HOW,
            text_choices("evidence_level", EvidenceLevel.choices),
            anything=ANY_FEMININE,
        ),
        Facet(
            "stage",
            pgettext_lazy("practice filter", "Stage"),
            HOW,
            text_choices("stage", Stage.choices),
            anything=ANY_FEMININE,
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
        Facet(
            "reslang",
            pgettext_lazy("practice filter", "Has resources in"),
            HOW,
            [
                ResourceLanguageChoice(
                    code, name, "resource_language_bits", bit=LANGUAGE_BITS[code].bit_length() - 1
                )
                for code, name in RESOURCE_LANGUAGES.items()
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
        rows, params = queryset.order_by().values(*columns or ["pk"]).query.sql_with_params()
    except EmptyResultSet:
        rows, params = None, ()
    counts = {facet.param: dict.fromkeys((c.value for c in facet.choices), 0) for facet in facets}
    counts["_total"] = 0
    if rows is None:
        return counts
    quote = connection.ops.quote_name
    tests = [choice.as_sql(quote) for _param, choice in choices]
    counted = ", ".join(["COUNT(*)", *(f"COUNT(*) FILTER (WHERE {sql})" for sql, _v in tests)])
    sql = f"SELECT {counted} FROM ({rows}) AS result"  # noqa: S608 - our columns
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


def community_counts(queryset, selection=None):
    """{community id: count} over `queryset`, one query, kept under the publication version
    and keyed by the query (like count_all's). With `selection` (the published practices it
    keeps: no keyword) and PostgreSQL, from the bitmaps: 5 ms where the GROUP BY over every
    published practice took some 150-500 ms at 100,019 practices."""
    grouped = (
        queryset.order_by()
        .filter(community__isnull=False)
        .values_list("community_id")
        .annotate(number=Count("pk"))
    )
    try:
        sql, params = grouped.query.sql_with_params()
    except EmptyResultSet:
        return {}
    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:32]
    key = f"practices:communities:{publication_version()}:{digest}"
    found = cache.get(key)
    if found is None:
        if selection is not None and connection.vendor == "postgresql":
            found = bitmaps.community_counts(selection)
        else:
            found = dict(grouped)
        cache.set(key, found, CACHE_SECONDS)
    return found


def cached_counts(facets, selection):
    """Counts of every facet over the published set narrowed by at most one filter."""
    assert len(selection) <= 1
    key = ":".join(
        ["practices:facets", publication_version(), reference_version()]
        + [f"{p}={c.value}" for p, c in selection.items()]
    )
    counts = cache.get(key)
    if counts is None:
        every = bitmaps.Counter.published(facets)
        if every is not None:
            # One query either way; the bitmaps' is 5 ms where counting every published row
            # took 193-256 ms at 100,019 practices (the first list request after a publication).
            counts, total = every.counts(facets, selection)
            counts["_total"] = total
        else:
            queryset = PromisingPractice.objects.published().filter(
                *[c.condition for c in selection.values()]
            )
            counts = count_all(queryset, facets)
        cache.set(key, counts, CACHE_SECONDS)
    return counts


def total(selection):
    """How many published practices the chosen filters keep, in one count (kept until the next
    publication), for a caller that needs no facet counts (facet_counts gives both)."""
    conditions = [choice.condition for choice in selection.values()]
    queryset = PromisingPractice.objects.published().filter(*conditions)
    return count_all(queryset, [], cached=True)["_total"]


def facet_counts(facets, selection):
    """{param: {value: count}} and the number of results, with no keyword (a keyword's:
    keyword.Match.counts). `selection` maps a facet's param to the chosen Choice.

    Two filters or more on PostgreSQL: from the bitmaps, in one query (each set of filters is
    a new set to count, which took 32-65 ms p95 at 100,019 practices in SQL, 218 ms at worst)."""
    if len(selection) > 1:
        every = bitmaps.Counter.published(facets)
        if every is not None:
            return every.counts(facets, selection)
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
