"""Priority exercises: Delphi rounds in which participants rate tracker items, anonymously.

An exercise has items (tracker recommendations), two or three rounds and a state. Answers are
kept on a Ballot, one per participant and round, found while the round is open by a key the
server derives from the round's secret salt and the participant's id (ballots.py); closing the
round erases the salt and every key, so nothing left links an answer to a person
(docs/priorities.md). Each round's figures are computed once when it closes (ItemResult).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The 1 to 5 importance scale and its labelled points.
SCALE = (1, 2, 3, 4, 5)
IMPORTANCE_LABELS = {
    1: _("Not important"),
    2: _("Slightly important"),
    3: _("Moderately important"),
    4: _("Very important"),
    5: _("Essential"),
}
FEASIBILITY_LABELS = {
    1: _("Not feasible"),
    2: _("Hardly feasible"),
    3: _("Feasible with effort"),
    4: _("Feasible"),
    5: _("Easily feasible"),
}


class ExerciseState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    RUNNING = "running", _("Under way")
    PUBLISHED = "published", _("Results published")


class RoundState(models.TextChoices):
    DRAFT = "draft", _("Not yet open")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Exercise(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    intro = models.TextField(_("introduction"), blank=True)
    ask_feasibility = models.BooleanField(
        _("also ask about feasibility"),
        default=False,
        help_text=_("Importance is always asked; feasibility is optional."),
    )
    include_sector_users = models.BooleanField(
        _("sector users take part too"),
        default=False,
        help_text=_("Working-group members always take part."),
    )
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous exercise"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The results page shows the change from it."),
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ExerciseState.choices,
        default=ExerciseState.DRAFT,
        editable=False,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("priority exercise")
        verbose_name_plural = _("priority exercises")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("priorities:results", kwargs={"slug": self.slug})


class Item(models.Model):
    exercise = models.ForeignKey(
        Exercise, verbose_name=_("exercise"), on_delete=models.CASCADE, related_name="items"
    )
    recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("item to rate")
        verbose_name_plural = _("items to rate")
        constraints = [
            models.UniqueConstraint(
                fields=["exercise", "recommendation"], name="priority_item_once_per_exercise"
            )
        ]

    def __str__(self):
        return str(self.recommendation)


class Round(models.Model):
    exercise = models.ForeignKey(
        Exercise, verbose_name=_("exercise"), on_delete=models.CASCADE, related_name="rounds"
    )
    number = models.PositiveSmallIntegerField(_("round"))
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=RoundState.choices,
        default=RoundState.DRAFT,
        editable=False,
    )
    # Secret while the round is open; erased when it closes (ballots.py).
    salt = models.CharField(max_length=64, blank=True, editable=False)
    participant_count = models.PositiveIntegerField(_("participants"), default=0, editable=False)
    invited_count = models.PositiveIntegerField(_("invited"), default=0, editable=False)

    class Meta:
        ordering = ["exercise", "number"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        constraints = [
            models.UniqueConstraint(fields=["exercise", "number"], name="priority_round_number"),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="priority_round_closes_after_opening",
            ),
        ]

    def __str__(self):
        return f"{self.exercise} · {self.number}"

    @property
    def is_open(self):
        return self.state == RoundState.OPEN


class Transition(models.Model):
    """Every change of state of an exercise or a round, kept (rounds.py writes them)."""

    exercise = models.ForeignKey(
        Exercise, verbose_name=_("exercise"), on_delete=models.CASCADE, related_name="transitions"
    )
    round = models.ForeignKey(
        Round, verbose_name=_("round"), null=True, blank=True, on_delete=models.CASCADE
    )
    from_state = models.CharField(_("from"), max_length=10)
    to_state = models.CharField(_("to"), max_length=10)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the schedule made the change."),
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("change of state")
        verbose_name_plural = _("changes of state")

    def __str__(self):
        return f"{self.from_state} → {self.to_state}"


class Ballot(models.Model):
    """One participant's answers in one round. `key` finds it while the round is open and is
    erased when the round closes; `previous` holds, during the next round only, the same
    participant's answers of the round before ({item id: value or null})."""

    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="ballots"
    )
    key = models.CharField(max_length=64, null=True, blank=True, editable=False)
    previous = models.JSONField(default=dict, blank=True, editable=False)
    saved_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(fields=["round", "key"], name="priority_one_ballot_per_key")
        ]

    def __str__(self):
        return f"{self.round} · {self.pk}"


class Answer(models.Model):
    """A rating of one item on a ballot; importance null means "no opinion"."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="answers")
    importance = models.PositiveSmallIntegerField(null=True, blank=True)
    feasibility = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "item"], name="priority_one_answer_per_item"),
            models.CheckConstraint(
                condition=models.Q(importance__isnull=True) | models.Q(importance__range=(1, 5)),
                name="priority_importance_on_scale",
            ),
            models.CheckConstraint(
                condition=models.Q(feasibility__isnull=True) | models.Q(feasibility__range=(1, 5)),
                name="priority_feasibility_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.item_id}: {self.importance}"


class ItemResult(models.Model):
    """One item's figures in one round, computed when the round closes (consensus.py)."""

    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="results"
    )
    item = models.ForeignKey(
        Item, verbose_name=_("item"), on_delete=models.CASCADE, related_name="results"
    )
    answers = models.PositiveIntegerField(_("answers"), default=0)
    no_opinion = models.PositiveIntegerField(_("no opinion"), default=0)
    distribution = models.JSONField(_("answers per point"), default=list)
    median = models.FloatField(_("median"), null=True)
    q1 = models.FloatField(_("first quartile"), null=True)
    q3 = models.FloatField(_("third quartile"), null=True)
    share_top = models.FloatField(_("share in the two top points"), null=True)
    share_bottom = models.FloatField(_("share in the two bottom points"), null=True)
    consensus = models.BooleanField(_("consensus"), default=False)
    stable = models.BooleanField(_("stable since the previous round"), null=True)
    # Feasibility, when the exercise asks it: the same figures and rule as importance.
    feasibility_answers = models.PositiveIntegerField(_("feasibility answers"), default=0)
    feasibility_median = models.FloatField(_("feasibility median"), null=True)
    feasibility_q1 = models.FloatField(_("feasibility first quartile"), null=True)
    feasibility_q3 = models.FloatField(_("feasibility third quartile"), null=True)
    feasibility_consensus = models.BooleanField(_("consensus on feasibility"), default=False)
    feasibility_stable = models.BooleanField(_("feasibility stable"), null=True)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True)

    class Meta:
        ordering = ["round", "rank", "item"]
        verbose_name = _("item result")
        verbose_name_plural = _("item results")
        constraints = [
            models.UniqueConstraint(fields=["round", "item"], name="priority_one_result_per_round")
        ]

    def __str__(self):
        return f"{self.round} · {self.item}"

    @property
    def iqr(self):
        return None if self.q1 is None else self.q3 - self.q1


class NoticeKind(models.TextChoices):
    OPENING = "opening", _("Round open")
    REMINDER = "reminder", _("Reminder")
    RESULTS = "results", _("Results published")


class NoticeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Skipped")


class Notice(models.Model):
    """The ledger of emails: one row per participant, round and kind, so each goes once.

    The opening rows are also the round's list of participants (who may answer). They say who
    was asked, never what anyone answered."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="priority_notices"
    )
    kind = models.CharField(max_length=10, choices=NoticeKind.choices)
    status = models.CharField(
        max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.PENDING
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("email notice")
        verbose_name_plural = _("email notices")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "user", "kind"], name="priority_one_notice_per_kind"
            )
        ]
        indexes = [models.Index(fields=["status", "claimed_at"], name="priority_notice_todo")]

    def __str__(self):
        return f"{self.round} · {self.kind} · {self.user_id}"


class ReminderOptOut(models.Model):
    """People who turned off priority reminders (the one-click link in a reminder)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="priority_opt_out"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return str(self.user_id)
