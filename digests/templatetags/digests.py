from django import template

register = template.Library()


@register.inclusion_tag("digests/_settings_link.html")
def digest_settings_link():
    """The link from the profile page to the digest's regions and themes."""
    return {}
