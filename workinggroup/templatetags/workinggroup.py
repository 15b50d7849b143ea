from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or the key itself when the mapping does not hold it (a theme no longer
    in the list keeps showing its slug)."""
    return mapping.get(key, key)
