"""A person's notifications (what happened, about what, when, read or not)."""

from lib.exports import rows
from notifications.models import Notification


def export(user):
    return {
        "notifications": rows(
            Notification.objects.filter(recipient=user).order_by("created"),
            "kind",
            "target_type__model",
            "target_id",
            "detail",
            "created",
            "read_at",
        )
    }
