"""A person's notifications: what happened that concerns them, each pointing at its place.

A notification stores what happened (its kind), who did it, and what it is about (a generic
target and, for a place inside a page, an anchor); never a sentence. The text is written when the
page is shown, in the reader's language, from the kind and the target's name at that moment.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    REPLY = "reply", _("Reply in a thread you follow")
    MENTION = "mention", _("Mention")
    REVIEW_DECISION = "review", _("Review decision")
    ADAPTATION = "adaptation", _("Adaptation of your practice")
    RECOMMENDATION_STATUS = "recommendation_status", _("Status of a recommendation you follow")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    # The place inside the target's page: "?page=2#p23", "#update-4". Same in both languages.
    anchor = models.CharField(max_length=60, blank=True)
    # For a target without get_absolute_url: the name of its URL, taking its pk.
    url_name = models.CharField(max_length=60, blank=True)
    # A word the text needs: the decision of a review ("published", "changes_requested", ...).
    detail = models.CharField(max_length=30, blank=True)
    created = models.DateTimeField(_("when"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "-created", "-id"], name="notification_inbox"),
            # The header's count: an index of the unread ones only.
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient}"

    @staticmethod
    def inbox_url():
        return reverse("notifications:inbox")

    def target_url(self):
        """The target's address in the active language, or "" when it is gone."""
        target = self.target
        if target is None:
            return ""
        if self.url_name:
            path = reverse(self.url_name, kwargs={"pk": target.pk})
        else:
            path = target.get_absolute_url()
        return f"{path}{self.anchor}"
