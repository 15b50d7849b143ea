from django import template

from workinggroup.models import place_name

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or the key itself when the mapping does not hold it (a theme no longer
    in the list keeps showing its slug)."""
    return mapping.get(key, key)


@register.filter
def place(community_name, province_code):
    """`{{ community.name|place:province.code }}`: « Smithers, BC », « Smithers (C.-B.) »."""
    return place_name(community_name, province_code)
