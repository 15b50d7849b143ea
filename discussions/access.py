"""Who may see and do what in discussions: the one module that says so (docs/discussions.md).

Members (working-group members, IRCC staff, editors, administrators) read and write; editors and
administrators moderate. Anyone else is sent to sign in (anonymous) or refused (403), before any
thread is even looked up, so a title or a count never leaks through an error page.

On the site, members see the threads a moderator has not hidden, and moderators see every
thread; a hidden post stays in its thread as a notice. Whatever leaves the page (a follower or
mention email, a digest, a quote in a new post) carries only what every member sees: nothing
hidden, whoever receives it.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404

from discussions.models import Post, Thread
from workinggroup import roles

member_required = roles.role_required(*roles.MEMBER_ROLES)
moderator_required = roles.role_required(*roles.MODERATOR_ROLES)
is_member = roles.is_member
is_moderator = roles.is_moderator


def members():
    """Active accounts that may read discussions (for mentions, emails and digests)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=roles.MEMBER_ROLES))
        .distinct()
    )


def visible_threads(user, threads=None):
    """The threads (of `threads`, default all) that `user` may open on the site: every one for
    a moderator, those not hidden for other members, none for anyone else."""
    threads = Thread.objects.all() if threads is None else threads
    if is_moderator(user):
        return threads
    if is_member(user):
        return threads_every_member_sees(threads)
    return threads.none()


def get_thread(request, pk, threads=None):
    """The thread `pk` if the signed-in person may open it (out of `threads`), else 404."""
    return get_object_or_404(visible_threads(request.user, threads), pk=pk)


def get_post(request, pk):
    """The post `pk` if the person may open its thread, else 404 (the post itself may be
    hidden: it then shows as a notice)."""
    return get_object_or_404(
        Post.objects.select_related("thread", "thread__category", "author"),
        pk=pk,
        thread__in=visible_threads(request.user),
    )


def threads_every_member_sees(threads=None):
    """The threads (of `threads`, default all) that no moderator has hidden."""
    threads = Thread.objects.all() if threads is None else threads
    return threads.filter(hidden=False)


def posts_every_member_sees(posts=None):
    """The posts (of `posts`, default all) neither hidden themselves nor in a hidden thread."""
    posts = Post.objects.all() if posts is None else posts
    return posts.filter(hidden=False, thread__hidden=False)


def shown_in_emails_to(user, thread):
    """Whether an email to `user`, or a page opened from one without signing in, may name
    `thread`: only to a member, and only a thread every member sees."""
    return is_member(user) and not thread.hidden
