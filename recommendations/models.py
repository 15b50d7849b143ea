"""The report's recommendations, the status updates posted on them, and who follows them.

Status updates are append-only: a correction is a new entry that points at the one it corrects,
and both stay in the history. Each recommendation keeps its current status per voice (IRCC, the
working group) on its own row, updated in the same transaction as the update that changes it, so
the tracker reads one table whatever the length of the history.
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lib import cache_versions

# IRCC's foundational principles: one type for the practices that serve them and the
# recommendations that name one (recommendations.views reads it from here).
from notifications import inbox
from practices.models import Principle
from recommendations import schedule


class Kind(models.TextChoices):
    OVERARCHING = "overarching", _("Overarching recommendation")
    RECOMMENDATION = "recommendation", _("Recommendation")
    SUB = "sub", _("Sub-recommendation")


class Horizon(models.TextChoices):
    # A context: "Next" alone is also the pagination link (« Suivante »), not « Ensuite ».
    NOW = schedule.NOW, pgettext_lazy("horizon", "Now")
    NEXT = schedule.NEXT, pgettext_lazy("horizon", "Next")
    LATER = schedule.LATER, pgettext_lazy("horizon", "Later")


class Actor(models.TextChoices):
    IRCC = "ircc", _("IRCC")
    SECTOR = "sector", _("The sector")
    BOTH = "both", _("The sector and IRCC")


class Source(models.TextChoices):
    IRCC = schedule.IRCC, _("IRCC")
    WORKING_GROUP = schedule.WORKING_GROUP, _("Working group")


class Status(models.TextChoices):
    NOT_STARTED = schedule.NOT_STARTED, _("Not started")
    PLANNED = schedule.PLANNED, _("Planned")
    UNDER_WAY = schedule.UNDER_WAY, _("Under way")
    STALLED = schedule.STALLED, _("Stalled")
    IMPLEMENTED = schedule.IMPLEMENTED, _("Implemented")
    WILL_NOT = schedule.WILL_NOT, _("Will not be implemented")
    NO_LONGER_APPLICABLE = schedule.NO_LONGER_APPLICABLE, _("No longer applicable")


STATUS_DEFINITIONS = {
    Status.NOT_STARTED: _("No work has begun and none is committed."),
    Status.PLANNED: _(
        "Committed, with a plan or a budget, but the work itself is not yet under way."
    ),
    Status.UNDER_WAY: _("Work has begun and is moving forward."),
    Status.STALLED: _("Work began but has stopped or is blocked."),
    Status.IMPLEMENTED: _(
        "The recommendation has been carried out. At least one evidence link must show it."
    ),
    Status.WILL_NOT: _("A decision was made not to carry it out; the note says why."),
    Status.NO_LONGER_APPLICABLE: _(
        "Events have overtaken it (for example, another measure replaced it); the note says how."
    ),
}


class RecommendationQuerySet(models.QuerySet):
    def in_report_order(self):
        return self.order_by("order")

    def overdue(self, today):
        return self.filter(schedule.overdue_q(today))

    def with_horizon(self):
        return self.exclude(horizon="")


class Recommendation(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))
    horizon = models.CharField(
        _("horizon"), max_length=10, choices=Horizon.choices, blank=True, db_index=True
    )
    actor = models.CharField(_("lead actor"), max_length=10, choices=Actor.choices)
    principle = models.CharField(_("principle"), max_length=30, choices=Principle.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    priority_rank = models.PositiveSmallIntegerField(
        _("sector's priority rank"),
        null=True,
        blank=True,
        help_text=_("From the report's validation survey; 1 is the highest priority."),
    )
    practices = models.ManyToManyField(
        "practices.PromisingPractice",
        verbose_name=_("related practices"),
        blank=True,
        related_name="recommendations",
    )
    # Current status per voice, kept by StatusUpdate.record(); the history is in StatusUpdate.
    ircc_status = models.CharField(
        _("IRCC's status"), max_length=30, choices=Status.choices, blank=True, editable=False
    )
    ircc_status_date = models.DateField(_("IRCC's status as of"), null=True, editable=False)
    wg_status = models.CharField(
        _("working group's status"),
        max_length=30,
        choices=Status.choices,
        blank=True,
        editable=False,
    )
    wg_status_date = models.DateField(_("working group's status as of"), null=True, editable=False)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["order"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("recommendation_detail", kwargs={"code": self.code})

    # The rules live in schedule.py; these let templates and callers read them off the item.
    @property
    def window(self):
        return schedule.window(self)

    def is_overdue(self, today):
        return schedule.is_overdue(self, today)

    def is_stale(self, today):
        return schedule.is_stale(self, today)

    @property
    def voices_disagree(self):
        return schedule.voices_disagree(self)

    @property
    def last_update_date(self):
        return schedule.last_update_date(self)

    def current_status(self, source):
        return self.ircc_status if source == Source.IRCC else self.wg_status

    def refresh_current_status(self):
        """Recompute the current status of each voice from the whole history and store it."""
        current = schedule.current_updates(self.status_updates.all())
        ircc, wg = current.get(Source.IRCC), current.get(Source.WORKING_GROUP)
        self.ircc_status = ircc.status if ircc else ""
        self.ircc_status_date = ircc.effective_date if ircc else None
        self.wg_status = wg.status if wg else ""
        self.wg_status_date = wg.effective_date if wg else None
        fields = ["ircc_status", "ircc_status_date", "wg_status", "wg_status_date"]
        Recommendation.objects.filter(pk=self.pk).update(
            **{field: getattr(self, field) for field in fields}
        )


class AppendOnlyError(Exception):
    """Status updates are never changed or deleted: post a correction instead."""


class StatusUpdateQuerySet(models.QuerySet):
    def since(self, moment):
        """Updates posted at or after `moment` (a datetime), oldest first: for digests."""
        return self.filter(created_at__gte=moment).order_by("created_at", "pk")

    def followed_by(self, user):
        return self.filter(recommendation__followers__user=user)

    def needs_translation(self):
        return self.filter(models.Q(note_en="") | models.Q(note_fr=""))

    def with_context(self):
        return self.select_related("recommendation", "author_organization")

    def update(self, **kwargs):
        raise AppendOnlyError("Status updates cannot be changed; post a correction.")

    def delete(self):
        raise AppendOnlyError("Status updates cannot be deleted; post a correction.")


class StatusUpdate(models.Model):
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="status_updates",
    )
    source = models.CharField(_("voice"), max_length=5, choices=Source.choices)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    note = models.TextField(_("progress note"), blank=True)
    evidence_links = models.JSONField(_("evidence links"), default=list, blank=True)
    effective_date = models.DateField(_("effective date"))
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The author's role and organization when they posted, so later changes do not rewrite history.
    author_role = models.CharField(_("author's role"), max_length=30, blank=True)
    author_organization = models.ForeignKey(
        "workinggroup.Organization",
        verbose_name=_("author's organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Made up by `seed_demo` (recommendations.demo): shown as demonstration content.
    is_demo = models.BooleanField(_("demo data"), default=False)
    corrects = models.OneToOneField(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrected_by",
    )

    objects = StatusUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_date", "-created_at", "-pk"]
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        indexes = [models.Index(fields=["recommendation", "source", "-effective_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="status_update_known_status"
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=Source.values), name="status_update_known_source"
            ),
        ]

    def __str__(self):
        return (
            f"{self.recommendation.code} {self.get_source_display()}: {self.get_status_display()}"
        )

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Status updates cannot be changed; post a correction.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.recommendation.get_absolute_url()}#update-{self.pk}"

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Status updates cannot be deleted; post a correction.")

    @classmethod
    def record(cls, recommendation, **fields):
        """Append an update and refresh the item's current status, atomically.

        The item row is locked first, so two updates posted at once cannot leave a stale
        current status behind.
        """
        with transaction.atomic():
            locked = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
            update = cls.objects.create(recommendation=locked, **fields)
            locked.refresh_current_status()
            # Its followers see it in their notification centre (the digest emails it).
            followers = locked.followers.values_list("user_id", flat=True)
            inbox.notify(
                followers,
                inbox.Kind.RECOMMENDATION_STATUS,
                locked,
                fields.get("author") or fields.get("author_id"),
                f"#update-{update.pk}",
            )
        for field in ("ircc_status", "ircc_status_date", "wg_status", "wg_status_date"):
            setattr(recommendation, field, getattr(locked, field))
        return update


class Follow(models.Model):
    """A signed-in user follows an item, to hear of its status changes (through the digest)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recommendation_follows"
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "recommendation"], name="unique_follow")
        ]

    def __str__(self):
        return f"{self.user} → {self.recommendation.code}"


# The tracker's version: the briefings cached from it (recommendations.briefing) are keyed by it,
# so a new status update or an edited item makes the next download a fresh one.
TRACKER_VERSION_KEY = "recommendations:tracker-version"


def tracker_version():
    return cache_versions.current(TRACKER_VERSION_KEY)


# Receivers: they keep the tracker's version current, whoever saves (a view, the admin, a script).
@receiver(post_save, sender=StatusUpdate, dispatch_uid="tracker_changed_on_update")
@receiver(post_save, sender=Recommendation, dispatch_uid="tracker_changed_on_item")
def tracker_changed(sender, **kwargs):
    # Once committed: a download in between would cache the old tracker under the new version.
    transaction.on_commit(lambda: cache_versions.bump(TRACKER_VERSION_KEY))
