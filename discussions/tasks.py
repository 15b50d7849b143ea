from celery import shared_task
from django.db import transaction

from discussions import emails
from discussions.access import members, posts_every_member_sees, threads_every_member_sees
from discussions.models import Follow, Mention, Post, Thread

# How far back one email reaches, so a task never loads a whole thread.
MAX_POSTS_LOOKED_AT = 200


@shared_task(soft_time_limit=120, time_limit=180, acks_late=True)
def notify_followers(thread_id):
    """Email each follower the replies posted since their last email (one email each)."""
    thread = threads_every_member_sees(Thread.objects.filter(pk=thread_id)).first()
    if thread is None:
        return 0
    last = thread.post_count
    follows = list(
        Follow.objects.filter(thread=thread, last_notified_position__lt=last).select_related("user")
    )
    if not follows:
        return 0
    still_members = set(
        members().filter(pk__in=[f.user_id for f in follows]).values_list("pk", flat=True)
    )
    since = max(min(f.last_notified_position for f in follows), last - MAX_POSTS_LOOKED_AT)
    posts = list(
        posts_every_member_sees(
            Post.objects.filter(thread=thread, position__gt=since, position__lte=last)
        )
        .select_related("author", "thread")
        .order_by("position")
    )
    # Replies that mentioned a follower reached them as a mention email already.
    followers = [f.user_id for f in follows]
    mentions = Mention.objects.filter(post__in=posts, user_id__in=followers)
    mentioned = set(mentions.values_list("post_id", "user_id"))
    sent = 0
    for follow in follows:
        with transaction.atomic():
            claimed = Follow.objects.filter(
                pk=follow.pk, last_notified_position=follow.last_notified_position
            ).update(last_notified_position=last)
            if not claimed or follow.user_id not in still_members:
                continue
            news = [
                post
                for post in posts
                if post.position > follow.last_notified_position
                and post.author_id != follow.user_id
                and (post.pk, follow.user_id) not in mentioned
            ]
            if news:
                emails.send_replies_email(follow, thread, news)
                sent += 1
    return sent


@shared_task(soft_time_limit=60, time_limit=90, acks_late=True)
def notify_mentions(post_id, user_ids):
    """Email each mentioned member once per post (the Mention row is the claim)."""
    post = (
        posts_every_member_sees(Post.objects.filter(pk=post_id))
        .select_related("thread", "author")
        .first()
    )
    if post is None:
        return 0
    sent = 0
    for user in members().filter(pk__in=user_ids):
        with transaction.atomic():
            _mention, created = Mention.objects.get_or_create(post=post, user=user)
            if created:
                emails.send_mention_email(user, post)
                sent += 1
    return sent
