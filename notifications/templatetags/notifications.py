from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from notifications import inbox

register = template.Library()


@register.inclusion_tag("notifications/_nav_link.html", takes_context=True)
def notifications_nav_link(context):
    """ "Notifications (N)" in the header for a signed-in person: one indexed COUNT."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    url = reverse("notifications:inbox")
    return {
        "show": True,
        "url": url,
        "count": inbox.unread_count(user),
        "current": request.path == url,
    }


@register.filter
def actor_name(user):
    """How the person who acted is named: their name, else their @handle (never an address)."""
    if user is None:
        return _("A former member")
    return user.get_full_name() or f"@{user.email.split('@', 1)[0]}"
