"""The door of notifications: other apps call notify() where something happens to someone.

    inbox.notify(recipients, inbox.Kind.REPLY, thread, actor=author, anchor="#p3")

Writers: discussions (replies to followed threads, mentions), submissions (review decisions),
adaptations (an adaptation of a practice someone shared), recommendations (a status update on a
followed recommendation). Each call is one INSERT for all its recipients.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from notifications.models import Kind, Notification

__all__ = ["Kind", "notify", "unread_count", "mark_read", "mark_all_read"]


def notify(recipients, kind, target, actor=None, anchor="", url_name="", detail=""):
    """One notification for each of `recipients` (users or user ids), about `target`; nobody is
    notified of their own act. Returns how many were written."""
    actor_id = getattr(actor, "pk", actor)
    ids = {getattr(r, "pk", r) for r in recipients} - {actor_id, None}
    if not ids:
        return 0
    target_type = ContentType.objects.get_for_model(target)
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(
            recipient_id=recipient_id,
            kind=kind,
            actor_id=actor_id,
            target_type=target_type,
            target_id=target.pk,
            anchor=anchor,
            url_name=url_name,
            detail=detail,
            created=now,
        )
        for recipient_id in sorted(ids)
    )
    return len(ids)


def unread_count(user):
    """One COUNT over the partial index of unread notifications."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.unread().filter(recipient=user).count()


def mark_read(user, pk):
    mine = Notification.objects.unread().filter(recipient=user, pk=pk)
    return mine.update(read_at=timezone.now())


def mark_all_read(user):
    return Notification.objects.unread().filter(recipient=user).update(read_at=timezone.now())
