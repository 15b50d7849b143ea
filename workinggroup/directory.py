"""The organization directory: filtered results and the counts beside each filter option.

A constant number of queries whatever the filters: one for the results' count, one for the
page, one for the page's communities, and four for the counts (place, size, language,
francophone). Each facet's counts apply every filter except its own, so they tell how many
results choosing that option would give. Region and province count as one facet (place).

Counting scans every matching organization (tens of milliseconds for 10,000), so the counts are
cached per filter combination and directory version; any change to an organization, its
communities or a community starts a new version (bulk changes must call `changed()`).
"""

import time
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connections
from django.db.models import Count

from workinggroup.models import Organization

FACET_OF = {
    "region": "place",
    "province": "place",
    "size": "size",
    "language": "language",
    "francophone": "francophone",
}


def filtered(filters, *, regions, provinces, skip_facet=None):
    """Organizations matching `filters` ({name: value}), leaving out `skip_facet`'s filters."""
    organizations = Organization.objects.all()
    active = {k: v for k, v in filters.items() if FACET_OF[k] != skip_facet}
    # Codes become ids from the lists already loaded for the form: no join on region/province.
    if "region" in active:
        region = next(r for r in regions if r.code == active["region"])
        organizations = organizations.filter(
            province_id__in=[p.pk for p in provinces if p.region_id == region.pk]
        )
    if "province" in active:
        province = next(p for p in provinces if p.code == active["province"])
        organizations = organizations.in_province(province)
    if "size" in active:
        organizations = organizations.serving_size_class(active["size"])
    if "language" in active:
        organizations = organizations.offering_language(active["language"])
    if active.get("francophone"):
        organizations = organizations.francophone_minority()
    return organizations


def results(filters, language, *, regions, provinces):
    return (
        filtered(filters, regions=regions, provinces=provinces)
        .by_name(language)
        .select_related("province__region")
        .prefetch_related("communities")
        # Descriptions are long and not shown in the list.
        .defer("description", "description_en", "description_fr")
    )


VERSION_KEY = "directory:version"
COUNTS_TIMEOUT = 3600


def changed(**kwargs):
    """Start a new directory version: counts cached so far are no longer read."""
    # A timestamp, not a counter: a version lost from the cache is never reused.
    cache.set(VERSION_KEY, time.time_ns(), None)


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY)
    return version


def page_key(language, query):
    """Cache key of a rendered directory page: version, language and the whole query string."""
    return f"directory:page:{_version()}:{language}:{urlencode(sorted(query.items()))}"


def cached_facet_counts(filters, *, regions, provinces):
    key = f"directory:counts:{_version()}:{urlencode(sorted(filters.items()))}"
    counts = cache.get(key)
    if counts is None:
        counts = facet_counts(filters, regions=regions, provinces=provinces)
        cache.set(key, counts, COUNTS_TIMEOUT)
    return counts


def facet_counts(filters, *, regions, provinces):
    """{"region": {code: n}, "province": {code: n}, "size": {...}, "language": {...},
    "francophone": n}."""

    def base(facet):
        return filtered(filters, regions=regions, provinces=provinces, skip_facet=facet)

    by_province_id = dict(
        base("place").order_by().values_list("province_id").annotate(n=Count("pk"))
    )
    province_counts = {p.code: by_province_id.get(p.pk, 0) for p in provinces}
    region_counts = {
        r.code: sum(by_province_id.get(p.pk, 0) for p in provinces if p.region_id == r.pk)
        for r in regions
    }
    through = Organization.communities.through
    size_counts = dict(
        through.objects.filter(organization__in=base("size").values("pk"))
        .order_by()
        .values_list("community__size_class")
        .annotate(n=Count("organization_id", distinct=True))
    )
    language_counts = _language_counts(base("language"))
    francophone = base("francophone").filter(francophone_minority=True).count()
    return {
        "region": region_counts,
        "province": province_counts,
        "size": size_counts,
        "language": language_counts,
        "francophone": francophone,
    }


def _language_counts(organizations):
    """{code: organizations offering it} in one pass over the codes of the matching rows."""
    connection = connections[organizations.db]
    ids_sql, params = organizations.order_by().values("pk").query.sql_with_params()
    if connection.vendor == "postgresql":
        codes = "CROSS JOIN LATERAL jsonb_array_elements_text(o.languages) AS code(value)"
    else:
        codes = "CROSS JOIN json_each(o.languages) AS code"
    table = connection.ops.quote_name(Organization._meta.db_table)
    sql = (
        f"SELECT code.value, COUNT(DISTINCT o.id) FROM {table} o {codes} "  # noqa: S608 - no input
        f"WHERE o.id IN ({ids_sql}) GROUP BY code.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def result_count(filters, counts, *, regions, provinces):
    """The number of results, read from the cached place counts (which apply every other
    filter) instead of counting again."""
    codes = [p.code for p in provinces]
    if "region" in filters:
        region = next(r for r in regions if r.code == filters["region"])
        codes = [p.code for p in provinces if p.region_id == region.pk]
    if "province" in filters:
        codes = [code for code in codes if code == filters["province"]]
    return sum(counts["province"].get(code, 0) for code in codes)
