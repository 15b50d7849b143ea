"""What a person wrote and followed in the discussions."""

from discussions.models import Flag, Follow, Post, Thread
from lib.exports import rows


def export(user):
    return {
        "threads_started": rows(
            Thread.objects.filter(author=user).order_by("created"), "id", "title", "created"
        ),
        "posts": rows(
            Post.objects.filter(author=user).order_by("created"),
            "id",
            "thread__title",
            "body",
            "created",
            "edited_at",
            "hidden",
        ),
        "threads_followed": rows(
            Follow.objects.filter(user=user).order_by("created"), "thread__title", "created"
        ),
        "flags_raised": rows(
            Flag.objects.filter(user=user).order_by("created"),
            "post_id",
            "reason",
            "details",
            "created",
            "resolved",
        ),
    }
