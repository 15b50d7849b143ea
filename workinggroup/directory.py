"""The organization directory: filtered results and the counts beside each filter option.

A constant number of queries whatever the filters: one for the page, one for the page's
communities, and one for all the counts (which also give the number of results). Each facet's
counts apply every filter except its own, so they tell how many results choosing that option
would give. Region and province count as one facet (place).

The filters read only the organization row: province id, francophone flag, and two bit sets
kept on the row (`Organization.language_bits`, `size_class_bits`), all in one index. The counts
are one pass over that index (see `facet_counts()`).

Nothing is cached: a request reads the current rows (see views.organization_list for the figure).
"""

from django.db import connection
from django.db.models import F, Q
from django.db.models.lookups import GreaterThan

from lib.typography import collated
from workinggroup.models import LANGUAGE_BITS, SIZE_CLASS_BITS, Organization, StaffSizeBand

FACET_OF = {
    "region": "place",
    "province": "place",
    "size": "size",
    "language": "language",
    "francophone": "francophone",
    "staff": "staff",
}


def _has_bit(field, bit):
    return GreaterThan(F(field).bitand(bit), 0)


def _conditions(filters, *, regions, provinces):
    """{facet: Q} for the facets `filters` ({name: value}) restrict."""
    conditions = {}
    # Codes become ids from the lists already loaded for the form: no join on region/province.
    if "region" in filters:
        region = next(r for r in regions if r.code == filters["region"])
        ids = [p.pk for p in provinces if p.region_id == region.pk]
        conditions["place"] = Q(province_id__in=ids)
    if "province" in filters:
        province = next(p for p in provinces if p.code == filters["province"])
        conditions["place"] = conditions.get("place", Q()) & Q(province_id=province.pk)
    if "size" in filters:
        conditions["size"] = Q(_has_bit("size_class_bits", SIZE_CLASS_BITS[filters["size"]]))
    if "language" in filters:
        conditions["language"] = Q(_has_bit("language_bits", LANGUAGE_BITS[filters["language"]]))
    if filters.get("francophone"):
        conditions["francophone"] = Q(francophone_minority=True)
    if "staff" in filters:
        conditions["staff"] = Q(staff_size=filters["staff"])
    return conditions


def filtered(filters, *, regions, provinces, skip_facet=None):
    """Organizations matching `filters` ({name: value}), leaving out `skip_facet`'s filters."""
    conditions = _conditions(filters, regions=regions, provinces=provinces)
    return Organization.objects.filter(
        *[condition for facet, condition in conditions.items() if facet != skip_facet]
    )


def results(filters, language, *, regions, provinces):
    """The matching organizations in name order. Their province and region come from the lists
    already loaded, their communities from `communities_served()`."""
    return (
        filtered(filters, regions=regions, provinces=provinces)
        .by_name(language)
        # Descriptions are long and not shown in the list.
        .defer("description", "description_en", "description_fr")
    )


def communities_served(organization_ids):
    """{organization id: [(community name, size class)]} in name order, in one query (none for
    no organizations)."""
    served = {}
    if not organization_ids:
        return served
    rows = (
        Organization.communities.through.objects.filter(organization_id__in=organization_ids)
        .order_by(collated("community__name"), "community_id")
        .values_list("organization_id", "community__name", "community__size_class")
    )
    for organization_id, name, size_class in rows:
        served.setdefault(organization_id, []).append((name, size_class))
    return served


def facet_counts(filters, *, regions, provinces):
    """{"region": {code: n}, "province": {code: n}, "size": {...}, "language": {...},
    "francophone": n, "staff": {...}}, in one pass over the organizations (an index-only scan
    on PostgreSQL).

    One query written by hand (the ORM takes longer to build 38 conditional aggregates than the
    database takes to compute them): the organizations are grouped by which of the filters they
    pass (at most 16 groups), with a count per option in each group. A facet's counts add up
    the groups that pass every other facet's filter. Each row is tested once per filter and
    once per option, instead of once per option and filter."""
    conditions = _sql_conditions(filters, regions=regions, provinces=provinces)
    options = {
        "place": [f"province_id = {p.pk:d}" for p in provinces],
        "size": [f"(size_class_bits & {bit:d}) <> 0" for bit in SIZE_CLASS_BITS.values()],
        "language": [f"(language_bits & {bit:d}) <> 0" for bit in LANGUAGE_BITS.values()],
        "francophone": [FRANCOPHONE],
        "staff": [_staff_is(band) for band in StaffSizeBand.values],
    }
    facets = list(conditions)
    columns = [*conditions.values()]
    columns += [f"COUNT(*) FILTER (WHERE {test})" for tests in options.values() for test in tests]
    table = connection.ops.quote_name(Organization._meta.db_table)
    sql = f"SELECT {', '.join(columns)} FROM {table}"  # noqa: S608 - constants and ids only
    if facets:
        sql += f" GROUP BY {', '.join(conditions.values())}"
    totals = {facet: [0] * len(tests) for facet, tests in options.items()}
    with connection.cursor() as cursor:
        cursor.execute(sql)
        for row in cursor.fetchall():
            passes = dict(zip(facets, row[: len(facets)], strict=True))
            counts = iter(row[len(facets) :])
            for facet, tests in options.items():
                group = [next(counts) for _test in tests]
                if all(passes[other] for other in facets if other != facet):
                    totals[facet] = [a + b for a, b in zip(totals[facet], group, strict=True)]

    by_province = dict(zip((p.pk for p in provinces), totals["place"], strict=True))
    return {
        "region": {
            r.code: sum(by_province[p.pk] for p in provinces if p.region_id == r.pk)
            for r in regions
        },
        "province": {p.code: by_province[p.pk] for p in provinces},
        "size": dict(zip(SIZE_CLASS_BITS, totals["size"], strict=True)),
        "language": dict(zip(LANGUAGE_BITS, totals["language"], strict=True)),
        "francophone": totals["francophone"][0],
        "staff": dict(zip(StaffSizeBand.values, totals["staff"], strict=True)),
    }


FRANCOPHONE = "francophone_minority = TRUE"


def _staff_is(band):
    """SQL: the staff size is `band`, one of StaffSizeBand's constant codes (checked)."""
    if band not in StaffSizeBand.values:
        raise ValueError(band)
    return f"staff_size = '{band}'"


def _sql_conditions(filters, *, regions, provinces):
    """{facet: SQL condition} for the facets `filters` restrict: `_conditions()` as SQL, on the
    columns of the organization table."""
    conditions = {}
    if "region" in filters:
        region = next(r for r in regions if r.code == filters["region"])
        ids = [p.pk for p in provinces if p.region_id == region.pk]
        listed = ", ".join(f"{pk:d}" for pk in ids)
        conditions["place"] = f"province_id IN ({listed})" if ids else "1 = 0"
    if "province" in filters:
        province = next(p for p in provinces if p.code == filters["province"])
        place = f"province_id = {province.pk:d}"
        conditions["place"] = (
            f"{conditions['place']} AND {place}" if "place" in conditions else place
        )
    if "size" in filters:
        conditions["size"] = f"(size_class_bits & {SIZE_CLASS_BITS[filters['size']]:d}) <> 0"
    if "language" in filters:
        conditions["language"] = f"(language_bits & {LANGUAGE_BITS[filters['language']]:d}) <> 0"
    if filters.get("francophone"):
        conditions["francophone"] = FRANCOPHONE
    if "staff" in filters:
        conditions["staff"] = _staff_is(filters["staff"])
    return conditions


def result_count(filters, counts, *, regions, provinces):
    """The number of results, read from the place counts (which apply every other filter)
    instead of counting again."""
    codes = [p.code for p in provinces]
    if "region" in filters:
        region = next(r for r in regions if r.code == filters["region"])
        codes = [p.code for p in provinces if p.region_id == region.pk]
    if "province" in filters:
        codes = [code for code in codes if code == filters["province"]]
    return sum(counts["province"].get(code, 0) for code in codes)
