"""When followers and mentioned members hear about a post (the emails are in emails.py).

Replies are grouped: the first reply after a quiet spell schedules one task per thread
FOLLOWER_DELAY seconds later, and that task sends each follower one email covering every reply
since their last one. Each follower's mark is claimed with a conditional UPDATE before the email
is queued, so a task that runs twice sends nothing twice.
"""

from django.core.cache import cache
from django.db import transaction

from discussions import tasks
from discussions.access import members
from discussions.models import page_of
from notifications import inbox

FOLLOWER_DELAY = 10 * 60


def anchor_of(post):
    """The post's place on its thread's page, the same in both languages: "?page=2#p23"."""
    page = page_of(post.position)
    query = f"?page={page}" if page > 1 else ""
    return f"{query}#p{post.position}"


def post_created(post, mentioned):
    """In the notification centre at once: the mentioned hear of a mention, the other followers
    of a reply (one notification per person per post). After the post's transaction commits:
    schedule the followers' email, email the mentioned."""
    thread_id, post_id = post.thread_id, post.pk
    mentioned_ids = [user.pk for user in mentioned]
    to_inbox(post, mentioned_ids)

    def queue():
        # Mentions first: a follower who is mentioned gets the mention email, and the followers'
        # email leaves that reply out for them (one email for one reply).
        if mentioned_ids:
            tasks.notify_mentions.delay(post_id, mentioned_ids)
        schedule_followers_email(thread_id)

    transaction.on_commit(queue)


def to_inbox(post, mentioned_ids):
    """The post in the notification centres: a mention for the mentioned, a reply for the
    thread's other followers."""
    anchor = anchor_of(post)
    inbox.notify(mentioned_ids, inbox.Kind.MENTION, post.thread, post.author_id, anchor)
    if post.position > 1:
        followers = members().filter(discussion_follows__thread_id=post.thread_id)
        others = set(followers.values_list("pk", flat=True)) - set(mentioned_ids)
        inbox.notify(others, inbox.Kind.REPLY, post.thread, post.author_id, anchor)


def mentions_added(post, mentioned):
    if mentioned:
        ids, post_id = [user.pk for user in mentioned], post.pk
        inbox.notify(ids, inbox.Kind.MENTION, post.thread, post.author_id, anchor_of(post))
        transaction.on_commit(lambda: tasks.notify_mentions.delay(post_id, ids))


def schedule_followers_email(thread_id):
    if tasks.notify_followers.app.conf.task_always_eager:
        # No worker (the quickstart): no countdown either, so send at once.
        tasks.notify_followers.delay(thread_id)
        return
    # Not a cache for speed: the key says a task is already waiting for this thread, so a burst
    # of replies schedules one. It expires a minute before the task runs, so a reply committed
    # in that last minute schedules the next one rather than being missed.
    if cache.add(f"discussions:followers-email:{thread_id}", 1, FOLLOWER_DELAY - 60):
        tasks.notify_followers.apply_async((thread_id,), countdown=FOLLOWER_DELAY)
