from django import template
from django.urls import reverse
from django.utils.http import urlencode

register = template.Library()


@register.inclusion_tag("opendata/_footer_link.html", takes_context=True)
def open_data_footer_link(context):
    """The "Open data" item of the site footer."""
    request = context.get("request")
    url = reverse("open_data")
    return {"url": url, "current": request is not None and request.path == url}


@register.inclusion_tag("opendata/_export_links.html", takes_context=True)
def practice_export_links(context):
    """Links to the CSV, JSON and feed of the catalogue's current results (filters kept)."""
    query = urlencode(catalogue_selection(context))
    suffix = f"?{query}" if query else ""
    return {
        "csv_url": reverse("open_data_practices_csv") + suffix,
        "json_url": reverse("open_data_practices_json") + suffix,
        "feed_url": reverse("open_data_practice_feed") + suffix,
        "open_data_url": reverse("open_data"),
    }


def catalogue_selection(context):
    """The catalogue page's valid filters, keyword and sort, read from its context (values it
    dropped as unknown are not carried over)."""
    pairs = [
        (facet["param"], facet["active"].value)
        for _legend, facets in context.get("filter_groups", [])
        for facet in facets
        if facet.get("active")
    ]
    if context.get("query"):
        pairs.append(("q", context["query"]))
        if context.get("sort") == "newest":
            pairs.append(("sort", "newest"))
    return pairs
