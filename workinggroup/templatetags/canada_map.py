"""`{% map_of_canada %}` (library canada_map): the map of Canada (lib.svgmap) from counts.

A tag, so the home page, the catalogue and the directory share it without importing this app's
private modules. The map and its tables are cached as HTML, keyed by everything they are drawn
from (the counts, the links, the language, the places' version: models.map_version): a hit costs
one cache read; a miss, two queries (the provinces with their regions, the counted
communities), the drawing and the template.
"""

import hashlib
from urllib.parse import urlencode

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from lib.svgmap import Area, Place, canada_map
from workinggroup.models import Community, ProvinceTerritory, map_version

register = template.Library()

NOUNS = {
    "practices": lambda n: (
        ngettext("%(count)s practice", "%(count)s practices", n)
        % {"count": f"{n:,}".replace(",", "\u00a0")}
    ),
    "organizations": lambda n: (
        ngettext("%(count)s organization", "%(count)s organizations", n)
        % {"count": f"{n:,}".replace(",", "\u00a0")}
    ),
}
# Filters a province link replaces (a region would contradict it; a page number would not exist).
REPLACED = ("province", "region", "page")
CACHE_SECONDS = 24 * 3600


@register.simple_tag(takes_context=True)
def map_of_canada(context, province_counts, community_counts, noun, list_url, heading, keep=True):
    """The map and its table, as HTML. `province_counts`: {province code: n}; `community_counts`:
    {community id: n}; `noun`: a key of NOUNS; `list_url`: the list a province links to,
    with the page's other filters when `keep`."""
    request = context.get("request")
    kept = []
    if keep and request is not None:
        kept = [(k, v) for k, v in request.GET.items() if k not in REPLACED and v]
    selected = request.GET.get("province", "") if keep and request is not None else ""
    drawn_from = (
        map_version(),
        get_language(),
        noun,
        list_url,
        str(heading),
        kept,
        selected,
        sorted(province_counts.items()),
        sorted((pk, n) for pk, n in community_counts.items() if n),
    )
    key = "workinggroup:map:" + hashlib.sha256(repr(drawn_from).encode()).hexdigest()[:32]
    html = cache.get(key)
    if html is None:
        drawn = _drawn(province_counts, community_counts, noun, list_url, heading, kept, selected)
        html = render_to_string("workinggroup/_canada_map.html", drawn)
        cache.set(key, html, CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by the template above, autoescaped


def _drawn(province_counts, community_counts, noun, list_url, heading, kept, selected):
    provinces = ProvinceTerritory.objects.select_related("region").order_by(
        "region__order", "region__code", "name"
    )
    areas = [
        Area(
            code=province.code,
            name=province.name,
            region=province.region.name,
            region_code=province.region.code,
            count=province_counts.get(province.code, 0),
            href=f"{list_url}?{urlencode([*kept, ('province', province.code)])}",
            selected=province.code == selected,
        )
        for province in provinces
    ]
    counted = {pk: n for pk, n in community_counts.items() if n}
    communities = Community.objects.filter(pk__in=counted).select_related("province")
    places = [
        Place(str(c), counted[c.pk], c.latitude, c.longitude)
        if c.on_map
        else Place(str(c), counted[c.pk])
        for c in communities
    ]
    describe = NOUNS[noun]
    return {
        "map": canada_map(areas, places, title=heading, describe=describe),
        "heading": heading,
        "count_heading": _("Practices") if noun == "practices" else _("Organizations"),
    }
