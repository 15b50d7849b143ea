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
