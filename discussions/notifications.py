"""Emails to followers and to mentioned members, in each recipient's language.

Replies are grouped: the first reply after a quiet spell schedules one task per thread
FOLLOWER_DELAY seconds later, and that task sends each follower one email covering every reply
since their last one. Each follower's mark is claimed with a conditional UPDATE before the email
is queued, so a task that runs twice sends nothing twice.
"""

from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from config.celery import app as celery_app
from lib.emails import send_templated_email

FOLLOWER_DELAY = 10 * 60
MAX_POSTS_PER_EMAIL = 20
UNFOLLOW_SALT = "discussions.unfollow"


def unfollow_token(user_id, thread_id):
    return signing.dumps([user_id, thread_id], salt=UNFOLLOW_SALT, compress=True)


def read_unfollow_token(token):
    """(user_id, thread_id), or None for a token that is not ours."""
    try:
        user_id, thread_id = signing.loads(token, salt=UNFOLLOW_SALT)
        return int(user_id), int(thread_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def post_created(post, mentioned):
    """After the post's transaction commits: schedule the followers' email, notify mentions."""
    thread_id, post_id = post.thread_id, post.pk
    mentioned_ids = [user.pk for user in mentioned]

    def queue():
        from discussions import tasks

        schedule_followers_email(thread_id)
        if mentioned_ids:
            tasks.notify_mentions.delay(post_id, mentioned_ids)

    transaction.on_commit(queue)


def mentions_added(post, mentioned):
    if mentioned:
        ids, post_id = [user.pk for user in mentioned], post.pk

        def queue():
            from discussions import tasks

            tasks.notify_mentions.delay(post_id, ids)

        transaction.on_commit(queue)


def schedule_followers_email(thread_id):
    from discussions import tasks

    if celery_app.conf.task_always_eager:
        # No worker (the quickstart): no countdown either, so send at once.
        tasks.notify_followers.delay(thread_id)
        return
    # One pending task per thread; the key expires a minute before the task runs, so a reply
    # committed in that last minute schedules the next one rather than being missed.
    if cache.add(f"discussions:followers-email:{thread_id}", 1, FOLLOWER_DELAY - 60):
        tasks.notify_followers.apply_async((thread_id,), countdown=FOLLOWER_DELAY)


def absolute(path):
    from django.conf import settings

    return f"{settings.SITE_URL}{path}"


def _post_context(post):
    from discussions.templatetags.discussions import member_name

    return {
        "author": member_name(post.author),
        "created": post.created,
        "body": post.body,
        "url": absolute(post.get_absolute_url()),
    }


def send_replies_email(follow, thread, posts):
    """One email for `posts` (new replies) to the follower of `follow`."""
    user = follow.user
    language = user.preferred_language
    with translation.override(language):
        unfollow_url = absolute(
            reverse("discussions:unfollow_email", args=[unfollow_token(user.pk, thread.pk)])
        )
        shown = posts[:MAX_POSTS_PER_EMAIL]
        context = {
            "user": user,
            "thread_title": thread.title,
            "thread_url": absolute(thread.url_of_position(posts[0].position)),
            "posts": [_post_context(post) for post in shown],
            "count": len(posts),
            "more": len(posts) - len(shown),
            "unfollow_url": unfollow_url,
        }
    headers = {
        "List-Unsubscribe": f"<{unfollow_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    send_templated_email("discussions/email/replies", [user.email], context, language, headers)


def send_mention_email(user, post):
    language = user.preferred_language
    with translation.override(language):
        context = {
            "user": user,
            "thread_title": post.thread.title,
            "post": _post_context(post),
        }
    send_templated_email("discussions/email/mention", [user.email], context, language)
