"""The emails discussions send: new replies to a thread's followers, a mention to the member
mentioned. Each in its recipient's language, through lib.emails; the follower email carries a
signed link (and one-click headers) to stop following without signing in.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from discussions.mentions import member_name
from lib.emails import send_templated_email

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


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def _post_context(post):
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
    send_templated_email("discussions/emails/replies", [user.email], context, language, headers)


def send_mention_email(user, post):
    language = user.preferred_language
    with translation.override(language):
        context = {
            "user": user,
            "thread_title": post.thread.title,
            "post": _post_context(post),
        }
    send_templated_email("discussions/emails/mention", [user.email], context, language)


def send_moderation_email(author, what, thread, url, reason):
    """Tell `author` that a moderator hid their post (`what`="hidden_post") or thread
    ("hidden_thread") or edited their post ("edited_post"), and why. Nobody is told about their
    own act, and a former member (or a deleted account) is not written to."""
    if author is None or not author.is_active or not author.email:
        return
    language = author.preferred_language
    with translation.override(language):
        context = {
            "user": author,
            "what": what,
            "thread_title": thread.title,
            "url": absolute(url),
            "reason": reason,
            "report_url": absolute(reverse("report_problem")),
        }
    send_templated_email("discussions/emails/moderated", [author.email], context, language)
