"""The recommendations a person follows and the status updates they posted."""

from lib.exports import rows
from recommendations.models import Follow, StatusUpdate


def export(user):
    return {
        "recommendations_followed": rows(
            Follow.objects.filter(user=user).order_by("created_at"),
            "recommendation__code",
            "created_at",
        ),
        "status_updates_posted": rows(
            StatusUpdate.objects.filter(author=user).order_by("created_at"),
            "recommendation__code",
            "source",
            "status",
            "note",
            "effective_date",
            "created_at",
        ),
    }
