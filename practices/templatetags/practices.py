from django import template

from practices.catalogue import practices_for_organization

register = template.Library()


@register.simple_tag
def organization_practices(organization):
    """The organization's published practices, for its page in the directory (the working-group
    app's template loads this library: that app sits below practices and cannot import it)."""
    return practices_for_organization(organization)
