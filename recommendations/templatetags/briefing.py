"""The briefing's links on the tracker page, with the page's valid filters."""

from django import template

from recommendations import briefing
from recommendations.views import TrackerFilters

register = template.Library()


@register.simple_tag(takes_context=True)
def briefing_query(context):
    """The tracker's valid filters as a query string for the briefing's links."""
    return briefing.query_string(TrackerFilters(context.request.GET).values())
