"""What lower apps' pages show of the priorities: the tracker loads these tags (a template is
not an import, so recommendations stays unaware of this app; docs/conventions.md)."""

from django import template

from priorities import results

register = template.Library()


@register.simple_tag
def latest_priorities():
    """{recommendation id: Standing} of the latest published exercise, or {} (cached)."""
    return results.latest_standings()


@register.simple_tag
def priority_of(standings, item):
    """The item's Standing in `standings` (from latest_priorities), or None."""
    return standings.get(item.pk) if standings else None


@register.filter
def figure(value):
    """3, 3.5 or 3.25 in the page's language (« 3,5 » in French); "–" for none."""
    return results.figure(value)


@register.filter
def percent(share):
    """0.93 → "93%" (« 93 % » in French)."""
    return results.percent(share)
