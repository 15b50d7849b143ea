from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from discussions import attachments, rendering
from discussions.access import is_member
from discussions.mentions import handle_of
from discussions.models import Thread

register = template.Library()


@register.filter
def member_name(user):
    """How members appear to each other: their name and @handle, never the full address."""
    if user is None:
        return _("A former member")
    full = user.get_full_name()
    handle = handle_of(user)
    return f"{full} (@{handle})" if full else f"@{handle}"


@register.inclusion_tag("discussions/_nav_link.html", takes_context=True)
def discussions_nav_link(context):
    """The "Discussions" item of the main menu, for members only."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not is_member(user):
        return {"show": False}
    url = reverse("discussions:category_list")
    return {"show": True, "url": url, "current": request.path.startswith(url)}


@register.inclusion_tag("discussions/_discussion_box.html", takes_context=True)
def discussion_box(context, obj):
    """'Discussion (N)' on a practice or recommendation page: members only, nothing otherwise.

    N counts the posts of the object's visible threads. One query."""
    request = context.get("request")
    user = getattr(request, "user", None)
    kind = attachments.kind_of(obj)
    if user is None or kind is None or not is_member(user):
        return {"show": False}
    threads = list(Thread.objects.attached_to(obj).visible_to(user).in_listing_order())
    return {
        "show": True,
        "threads": threads,
        "post_count": sum(thread.post_count for thread in threads),
        "start_url": f"{reverse('discussions:thread_new')}?{kind}={obj.pk}",
    }


@register.filter
def post_html(post):
    """{{ post|post_html }}: the post's text as HTML, sanitised at output."""
    return rendering.safe_html(post)
