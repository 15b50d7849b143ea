"""Who may see and do what in discussions. Every view goes through these helpers.

Members (working-group members, IRCC staff, editors, administrators) read and write; editors and
administrators moderate. Anyone else is sent to sign in (anonymous) or refused (403), before any
thread is even looked up, so a title or a count never leaks through an error page.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404

from workinggroup import roles

member_required = roles.role_required(*roles.MEMBER_ROLES)
moderator_required = roles.role_required(*roles.MODERATOR_ROLES)
is_member = roles.is_member
is_moderator = roles.is_moderator


def members():
    """Active accounts that may read discussions (for mentions and notifications)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=roles.MEMBER_ROLES))
        .distinct()
    )


def get_thread(request, pk, queryset=None):
    """A thread the member may see: hidden threads are 404 except to moderators."""
    from discussions.models import Thread

    queryset = queryset if queryset is not None else Thread.objects.all()
    return get_object_or_404(queryset.visible_to(request.user), pk=pk)


def get_post(request, pk):
    """A post in a thread the member may see (the post itself may be hidden)."""
    from discussions.models import Post, Thread

    threads = Thread.objects.visible_to(request.user)
    return get_object_or_404(
        Post.objects.select_related("thread", "thread__category", "author"),
        pk=pk,
        thread__in=threads,
    )
