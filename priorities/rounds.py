"""The state machine of an exercise and its rounds; every change goes through here and is kept.

    exercise: draft → running (its first round opens) → published
    round:    draft → open → closed; the next round opens only once the one before has closed,
              the results only once the last round has closed.

Each change writes a Transition row (who, when; nobody when the schedule made it). Opening a
round lists its participants (one ledger row each; tasks.open_and_notify queues their emails
once the opening is committed); closing
it computes its figures (consensus.py) and drops the link between answers and people
(ballots.py).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from priorities import ballots, consensus, results
from priorities.models import (
    Answer,
    Exercise,
    ExerciseState,
    ItemResult,
    Notice,
    NoticeKind,
    Round,
    RoundState,
    Transition,
)
from workinggroup import roles
from workinggroup.models import User


class TransitionError(Exception):
    """A change the state machine refuses; the message says why, in the user's language."""


def participant_roles(exercise):
    if exercise.include_sector_users:
        return (roles.MEMBER, roles.SECTOR_USER)
    return (roles.MEMBER,)


def participants(exercise):
    """Who takes part: active working-group members (and sector users if the exercise says so)."""
    return (
        User.objects.filter(is_active=True, groups__name__in=participant_roles(exercise))
        .distinct()
        .order_by("pk")
    )


def still_takes_part(user, exercise):
    """False for a member removed from the group (or deactivated) since the round opened."""
    return user.is_active and bool(
        set(participant_roles(exercise)) & set(user.groups.values_list("name", flat=True))
    )


def schedule_errors(schedule):
    """The rule of rounds' dates, for the chair's form (setup.py) and the admin alike: each round
    closes after it opens, and rounds follow one another, each opening once the one before has
    closed. `schedule` is [(number, opens, closes)]; the answer is [(number, "opens" or
    "closes", message in the active language)], empty when the dates hold."""
    problems = []
    ordered = sorted(schedule, key=lambda round: round[0])
    for index, (number, opens, closes) in enumerate(ordered):
        if closes <= opens:
            problems.append(
                (number, "closes", _("Round %(n)s must close after it opens.") % {"n": number})
            )
        before, _opens, before_closes = ordered[index - 1] if index else (None, None, None)
        if before is not None and opens < before_closes:
            message = _(
                "Round %(n)s would open before round %(before)s closes: rounds follow "
                "one another without overlapping."
            ) % {"n": number, "before": before}
            problems.append((number, "opens", message))
    return problems


def _record(exercise, round, before, after, by, now):
    Transition.objects.create(
        exercise=exercise, round=round, from_state=before, to_state=after, by=by, at=now
    )


def record_created(exercise, by, now=None):
    """A new exercise starts as a draft; its creation is the first change kept."""
    _record(exercise, None, "", ExerciseState.DRAFT, by, now or timezone.now())


def _locked(round):
    return Round.objects.select_for_update().select_related("exercise").get(pk=round.pk)


@transaction.atomic
def open_round(round, by=None, now=None):
    now = now or timezone.now()
    round = _locked(round)
    exercise = round.exercise
    if round.state != RoundState.DRAFT:
        raise TransitionError(_("This round has already been opened."))
    if exercise.state == ExerciseState.PUBLISHED:
        raise TransitionError(_("The results of this exercise are published; it is over."))
    before = exercise.rounds.filter(number__lt=round.number).exclude(state=RoundState.CLOSED)
    if before.exists():
        raise TransitionError(_("The previous round must close before this one opens."))
    if not exercise.items.exists():
        raise TransitionError(_("Add the items to rate before opening a round."))
    if not round.salt:
        round.salt = ballots.new_salt()
    round.state = RoundState.OPEN
    people = list(participants(exercise).values_list("pk", flat=True))
    Notice.objects.bulk_create(
        [Notice(round=round, user_id=pk, kind=NoticeKind.OPENING) for pk in people],
        ignore_conflicts=True,
    )
    round.invited_count = len(people)
    round.save(update_fields=["state", "salt", "invited_count"])
    _record(exercise, round, RoundState.DRAFT, RoundState.OPEN, by, now)
    if exercise.state == ExerciseState.DRAFT:
        Exercise.objects.filter(pk=exercise.pk).update(state=ExerciseState.RUNNING)
        _record(exercise, None, ExerciseState.DRAFT, ExerciseState.RUNNING, by, now)
    return round


@transaction.atomic
def close_round(round, by=None, now=None):
    now = now or timezone.now()
    round = _locked(round)
    if round.state != RoundState.OPEN:
        raise TransitionError(_("Only an open round can be closed."))
    exercise = round.exercise
    compute_results(round)
    next_round = exercise.rounds.filter(number=round.number + 1).first()
    ballots.forget(round, next_round)
    round.state = RoundState.CLOSED
    round.save(update_fields=["state"])
    _record(exercise, round, RoundState.OPEN, RoundState.CLOSED, by, now)
    return round


def compute_results(round):
    """Store each item's figures for this round: one read of the answers, one insert."""
    items = list(round.exercise.items.order_by("order", "pk"))
    importance = {item.pk: [] for item in items}
    feasibility = {item.pk: [] for item in items}
    for item_id, value, feasible in Answer.objects.filter(
        ballot__round=round, ballot__saved_at__isnull=False
    ).values_list("item_id", "importance", "feasibility"):
        importance[item_id].append(value)
        if feasible is not None:
            feasibility[item_id].append(feasible)
    summaries = {item.pk: consensus.summarize(importance[item.pk]) for item in items}
    ranks = consensus.rank(summaries)
    feasibility = {pk: consensus.summarize(values) for pk, values in feasibility.items()}
    before, feasible_before = {}, {}
    for r in ItemResult.objects.filter(
        round__exercise=round.exercise, round__number=round.number - 1
    ):
        before[r.item_id] = consensus.Summary(median=r.median, q1=r.q1, q3=r.q3)
        feasible_before[r.item_id] = consensus.Summary(
            median=r.feasibility_median, q1=r.feasibility_q1, q3=r.feasibility_q3
        )
    ItemResult.objects.filter(round=round).delete()
    ItemResult.objects.bulk_create(
        [
            ItemResult(
                round=round,
                item_id=pk,
                answers=s.answers,
                no_opinion=s.no_opinion,
                distribution=list(s.distribution),
                median=s.median,
                q1=s.q1,
                q3=s.q3,
                share_top=s.share_top,
                share_bottom=s.share_bottom,
                consensus=s.consensus,
                stable=consensus.is_stable(before.get(pk), s),
                feasibility_answers=feasibility[pk].answers,
                feasibility_median=feasibility[pk].median,
                feasibility_q1=feasibility[pk].q1,
                feasibility_q3=feasibility[pk].q3,
                feasibility_consensus=feasibility[pk].consensus,
                feasibility_stable=consensus.is_stable(feasible_before.get(pk), feasibility[pk]),
                rank=ranks[pk],
            )
            for pk, s in summaries.items()
        ]
    )
    round.participant_count = round.ballots.filter(saved_at__isnull=False).count()
    round.save(update_fields=["participant_count"])


@transaction.atomic
def publish(exercise, by=None, now=None):
    now = now or timezone.now()
    exercise = Exercise.objects.select_for_update().get(pk=exercise.pk)
    if exercise.state == ExerciseState.PUBLISHED:
        raise TransitionError(_("The results are already published."))
    if not exercise.rounds.exists() or exercise.rounds.exclude(state=RoundState.CLOSED).exists():
        raise TransitionError(_("Every round must be closed before the results are published."))
    before = exercise.state
    exercise.state = ExerciseState.PUBLISHED
    exercise.published_at = now
    exercise.save(update_fields=["state", "published_at"])
    _record(exercise, None, before, ExerciseState.PUBLISHED, by, now)
    transaction.on_commit(results.forget_cache)
    return exercise


def due_changes(now):
    """What the schedule must do now: (open rounds past their closing time, draft rounds whose
    opening time has come and whose previous round has closed)."""
    to_close = list(Round.objects.filter(state=RoundState.OPEN, closes_at__lte=now))
    due = Round.objects.filter(
        state=RoundState.DRAFT, opens_at__lte=now, closes_at__gt=now
    ).exclude(exercise__state=ExerciseState.PUBLISHED)
    to_open = [
        r
        for r in due.select_related("exercise")
        if not r.exercise.rounds.filter(number__lt=r.number)
        .exclude(state=RoundState.CLOSED)
        .exists()
    ]
    return to_close, to_open
