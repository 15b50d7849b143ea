"""What each member's digest covers (their regions and themes) and the ledger of digests.

The ledger holds one DigestDelivery per member and period (a day, or an ISO week), created once
by the run that finds the member due. Its window (from the end of the member's previous digest to
the start of the period's day) is fixed when the row is created, so a late or repeated run builds
the same digest. Its states and the rules between them are digests.ledger's.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workinggroup.models import DigestFrequency

# The sending task's hard time limit (seconds).
SEND_TIME_LIMIT = 300


# A digest's period is the member's digest frequency (workinggroup.models.DigestFrequency), any
# but "off": one type, so a profile's choice and a ledger row compare as equals.
PERIODS = (DigestFrequency.DAILY, DigestFrequency.WEEKLY)


class DeliveryStatus(models.TextChoices):
    """A row's state; the moves between them are digests.ledger's (docs/digests.md)."""

    PENDING = "pending", _("Waiting to be sent")
    CLAIMED = "claimed", _("Claimed by a worker")
    HANDOVER = "handover", _("Being handed to the mail server")
    SENT = "sent", _("Sent")
    UNKNOWN = "unknown", _("Fate unknown: the worker stopped while handing it over")
    EMPTY = "empty", _("Nothing new: not sent")
    SKIPPED = "skipped", _("Skipped")
    FAILED = "failed", _("Refused by the mail server")


FINISHED = (
    DeliveryStatus.SENT,
    DeliveryStatus.EMPTY,
    DeliveryStatus.SKIPPED,
    DeliveryStatus.FAILED,
)


class DigestPreferences(models.Model):
    """The regions and themes a member's digest covers; none chosen means all of them.

    How often (off, daily, weekly) and in which language live on the member's profile and account.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="digest_preferences",
    )
    regions = models.ManyToManyField(
        "workinggroup.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField(
        "practices.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("digest preferences")
        verbose_name_plural = _("digest preferences")

    def __str__(self):
        return str(self.user)


class DigestDelivery(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="digest_deliveries",
    )
    period = models.CharField(
        _("period"), max_length=6, choices=[(p.value, p.label) for p in PERIODS]
    )
    period_key = models.CharField(
        _("day or week"), max_length=10, help_text=_("2026-01-07 for a day, 2026-W02 for a week.")
    )
    window_start = models.DateTimeField(_("news since"))
    window_end = models.DateTimeField(_("news until"))
    status = models.CharField(
        _("status"), max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    claim_id = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    lease_until = models.DateTimeField(_("claim held until"), null=True, blank=True)
    handed_over_at = models.DateTimeField(_("handed to the mail server"), null=True, blank=True)
    queued_at = models.DateTimeField(_("last queued"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=2, blank=True)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        ordering = ["-window_end", "user_id"]
        constraints = [
            # The at-most-once guarantee: one digest per member per day or week.
            models.UniqueConstraint(
                fields=["user", "period", "period_key"], name="one_digest_per_member_and_period"
            )
        ]
        indexes = [
            models.Index(fields=["status", "lease_until"], name="digest_delivery_todo"),
            models.Index(fields=["user", "-window_end"], name="digest_delivery_latest"),
            models.Index(fields=["claim_id"], name="digest_delivery_claim"),
            models.Index(fields=["window_end"], name="digest_delivery_window_end"),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_period_display()} {self.period_key}"

    @property
    def message_id(self):
        """The same Message-ID on every attempt, so mail clients can drop a rare duplicate."""
        domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "localhost"
        return f"<digest-{self.pk}-{self.period_key}@{domain}>"


class DigestRun(models.Model):
    """A run made for a period on a day (beat's, the sweep's or send_digests'): the sweep makes
    today's run itself when none was made, e.g. when Redis lost beat's task (docs/digests.md)."""

    period = models.CharField(
        _("period"), max_length=6, choices=[(p.value, p.label) for p in PERIODS]
    )
    day = models.DateField(_("day"))
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)

    class Meta:
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")
        constraints = [
            models.UniqueConstraint(fields=["period", "day"], name="one_digest_run_per_day")
        ]

    def __str__(self):
        return f"{self.get_period_display()} {self.day}"
