from django import template
from django.urls import reverse
from django.utils.html import format_html

from discussions import attachments, mentions, rendering
from discussions.access import is_member, visible_threads

register = template.Library()


register.filter("member_name", mentions.member_name)


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
    threads = list(visible_threads(user, attachments.threads_about(obj)).in_listing_order())
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


@register.filter
def written_in(obj):
    """` lang="xx"` for a thread or post whose language is known: a French page marks an
    English title, so screen readers speak it in English (nothing when not known)."""
    if getattr(obj, "language", ""):
        return format_html(' lang="{}"', obj.language)
    return ""
