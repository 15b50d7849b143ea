"""What the digest needs from discussions: new threads, and new replies in followed threads.

Both answer for one member and a period, in a fixed number of queries, and answer nothing to
someone who is not a member (so a digest can never leak a title).
"""

from dataclasses import dataclass

from django.db.models import Count, Min

from discussions.access import is_member
from discussions.models import Post, Thread


@dataclass
class FollowedActivity:
    thread: Thread
    new_posts: int
    first_new_position: int

    @property
    def url(self):
        """Relative URL of the first new post, in the active language."""
        return self.thread.url_of_position(self.first_new_position)


def new_threads(user, since, until=None, limit=20):
    """Visible threads started in [since, until) by someone else, newest first."""
    if not is_member(user):
        return []
    threads = Thread.objects.filter(hidden=False, created__gte=since).exclude(author=user)
    if until is not None:
        threads = threads.filter(created__lt=until)
    return list(threads.select_related("category", "author").order_by("-created")[:limit])


def followed_activity(user, since, until=None, limit=20):
    """Threads the member follows with replies by others in [since, until), most active first."""
    if not is_member(user):
        return []
    posts = Post.objects.filter(
        thread__follows__user=user,
        thread__hidden=False,
        hidden=False,
        created__gte=since,
        position__gt=1,
    ).exclude(author=user)
    if until is not None:
        posts = posts.filter(created__lt=until)
    rows = list(
        posts.values("thread")
        .annotate(new_posts=Count("pk"), first=Min("position"))
        .order_by("-new_posts", "thread")[:limit]
    )
    threads = Thread.objects.select_related("category").in_bulk([row["thread"] for row in rows])
    return [
        FollowedActivity(threads[row["thread"]], row["new_posts"], row["first"]) for row in rows
    ]
