from django import template

from digests import runs

register = template.Library()


@register.inclusion_tag("digests/_settings_link.html")
def digest_settings_link():
    """The link from the profile page to the digest's regions and themes."""
    return {}


@register.inclusion_tag("digests/_unknown_notice.html")
def unknown_digests_notice():
    """The admin dashboard's count of digests whose fate is unknown (one query)."""
    return {"unknown": runs.unknown_count()}
