from django import template

from submissions import access
from submissions.models import Submission
from workinggroup import roles

register = template.Library()


@register.inclusion_tag("submissions/_nav_links.html", takes_context=True)
def submissions_nav_links(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    reviewer = roles.is_editor(user)
    return {
        "show": True,
        "reviewer": reviewer,
        "waiting": Submission.objects.awaiting_review().count() if reviewer else 0,
        "path": request.path,
    }


@register.inclusion_tag("submissions/_practice_tools.html", takes_context=True)
def practice_tools(context, practice):
    """ "Change this practice" for its organization's people and editors; history for editors."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not access.can_edit_practice(user, practice):
        return {"show": False}
    return {"show": True, "practice": practice, "reviewer": roles.is_editor(user)}
