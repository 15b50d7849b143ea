"""The priorities pages: the list of exercises, a member's answer page, the public results and
the reminders' unsubscribe link. The rules are in rounds.py, ballots.py and consensus.py."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from priorities import ballots, charts, consensus, notices, results, rounds, setup, tasks
from priorities.forms import AnswerForm, initial_from
from priorities.models import (
    Answer,
    Exercise,
    ExerciseState,
    ItemResult,
    Notice,
    NoticeKind,
    ReminderOptOut,
    Round,
    RoundState,
)
from workinggroup import roles
from workinggroup.models import User

# The previous round's feedback never changes once it has closed; a day bounds the memory.
FEEDBACK_CACHE_SECONDS = 24 * 3600


def index(request):
    may_run = roles.may_run_priority_exercises(request.user)
    exercises = Exercise.objects.prefetch_related("rounds")
    if not may_run:  # drafts are seen by those who set them up only
        exercises = exercises.exclude(state=ExerciseState.DRAFT)
    return render(request, "priorities/index.html", {"exercises": exercises, "may_run": may_run})


@login_required
def setup_exercise(request, slug=None):
    """The chair's form: a new exercise, or a draft one's items, questions and rounds
    (administrators and co-chairs; once the first round has opened, nothing here changes)."""
    if not roles.may_run_priority_exercises(request.user):
        raise PermissionDenied
    exercise = get_object_or_404(Exercise, slug=slug) if slug else None
    if exercise and exercise.state != ExerciseState.DRAFT:
        return _not_draft(request, exercise)
    if request.method == "POST":
        form = setup.ExerciseForm(request.POST, exercise=exercise)
        if form.is_valid():
            try:
                saved = setup.save(form, request.user, exercise)
            except setup.NotDraft:
                return _not_draft(request, exercise)
            messages.success(
                request,
                _(
                    "The exercise is saved as a draft. Its first round opens on %(date)s; until "
                    "then, it can still be changed."
                )
                % {
                    "date": date_format(
                        timezone.localtime(saved.rounds.get(number=1).opens_at), "DATETIME_FORMAT"
                    )
                },
            )
            return redirect("priorities:manage", slug=saved.slug)
    else:
        form = setup.ExerciseForm(
            initial=setup.initial_of(exercise) if exercise else None, exercise=exercise
        )
    context = {"form": form, "exercise": exercise}
    return render(request, "priorities/setup.html", context)


def _not_draft(request, exercise):
    context = {
        "form": None,
        "exercise": exercise,
        "refusal": _(
            "The first round of this exercise has opened: its items, questions and rounds can "
            "no longer change."
        ),
    }
    return render(request, "priorities/setup.html", context, status=409)


def results_page(request, slug):
    exercise = get_object_or_404(Exercise.objects.exclude(state=ExerciseState.DRAFT), slug=slug)
    context = {"exercise": exercise, "published": exercise.state == ExerciseState.PUBLISHED}
    if context["published"]:
        context.update(results.exercise_results(exercise))
        context["charts"] = charts.results_chart(context["rows"])
    else:
        context["rounds"] = list(exercise.rounds.order_by("number"))
    context["min_participants"] = consensus.MIN_PARTICIPANTS
    return render(request, "priorities/results.html", context)


MANAGE_ACTIONS = ("open", "close", "publish")


@login_required
def manage(request, slug):
    """The chair's page: where each round stands, and the next change (administrators and
    co-chairs; the items and dates are set on the exercise's form, setup_exercise)."""
    if not roles.may_run_priority_exercises(request.user):
        raise PermissionDenied
    exercise = get_object_or_404(Exercise, slug=slug)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action not in MANAGE_ACTIONS:
                raise rounds.TransitionError(_("Choose one of the buttons below."))
            _manage_action(exercise, action, request.user)
        except rounds.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, MANAGE_DONE[action])
        return redirect("priorities:manage", slug=exercise.slug)
    context = {
        "exercise": exercise,
        "is_draft": exercise.state == ExerciseState.DRAFT,
        "rounds": list(
            exercise.rounds.order_by("number").annotate(
                answered=Count("ballots", filter=Q(ballots__saved_at__isnull=False))
            )
        ),
        "transitions": exercise.transitions.select_related("round", "by").order_by("-at")[:20],
        "min_participants": consensus.MIN_PARTICIPANTS,
    }
    return render(request, "priorities/manage.html", context)


MANAGE_DONE = {
    "open": gettext_lazy("The round is open; every participant is being emailed."),
    "close": gettext_lazy("The round is closed; its figures are computed."),
    "publish": gettext_lazy("The results are published; the participants are being emailed."),
}


def _manage_action(exercise, action, user):
    if action == "open":
        round = exercise.rounds.filter(state=RoundState.DRAFT).order_by("number").first()
        if round is None:
            raise rounds.TransitionError(_("Every round has been opened."))
        tasks.open_and_notify(round, by=user)
    elif action == "close":
        round = exercise.rounds.filter(state=RoundState.OPEN).first()
        if round is None:
            raise rounds.TransitionError(_("No round is open."))
        rounds.close_round(round, by=user)
    else:
        tasks.publish_and_notify(exercise, by=user)


def results_csv(request, slug):
    exercise = get_object_or_404(Exercise, slug=slug, state=ExerciseState.PUBLISHED)
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so that spreadsheet programs read it as UTF-8
    writer = csv.DictWriter(buffer, fieldnames=results.CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(results.csv_records(exercise))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exercise.slug}-results.csv"'
    return response


def _refuse(request, exercise, round, message, status=403):
    context = {"exercise": exercise, "round": round, "refusal": message}
    return render(request, "priorities/answer.html", context, status=status)


@login_required
def answer(request, slug):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    exercise = get_object_or_404(Exercise.objects.exclude(state=ExerciseState.DRAFT), slug=slug)
    every_round = list(exercise.rounds.order_by("number"))  # one query for the open and previous
    round = next((r for r in every_round if r.state == RoundState.OPEN), None)
    if round is None:
        closed = [r for r in every_round if r.state == RoundState.CLOSED]
        last = closed[-1] if closed else None
        if last is None:
            raise Http404
        message = _(
            "Round %(number)s closed on %(date)s: answers are no longer accepted. What was "
            "saved before it closed is counted."
        ) % {"number": last.number, "date": date_format(timezone.localtime(last.closes_at))}
        return _refuse(request, exercise, last, message, status=409 if request.POST else 200)
    invited = Notice.objects.filter(round=round, user=request.user, kind=NoticeKind.OPENING)
    if not invited.exists():
        return _refuse(
            request,
            exercise,
            round,
            _(
                "You are not among the participants of this round: it was sent to the "
                "working group's members when it opened."
            ),
        )
    if not rounds.still_takes_part(request.user, exercise):
        return _refuse(
            request,
            exercise,
            round,
            _(
                "You are no longer a participant: your membership of the working group has "
                "ended. What you saved before stays counted, without your name."
            ),
        )
    items = list(exercise.items.select_related("recommendation").order_by("order", "pk"))
    feedback = _feedback(round, every_round)
    if request.method == "POST":
        return _save(request, exercise, round, items, feedback)
    ballot = ballots.ballot_of(round, request.user)
    saved = _saved_answers(ballot)
    initial = initial_from(saved)
    if ballot and not saved:  # round two and later: start from the previous answers
        initial = {
            f"importance_{item_id}": ("none" if value is None else str(value))
            for item_id, value in ballot.previous.items()
        }
    form = _form(exercise, items, feedback, initial=initial)
    return _render_answer(request, exercise, round, items, form, feedback, ballot, saved)


def _form(exercise, items, feedback, data=None, initial=None):
    return AnswerForm(
        data,
        initial=initial,
        items=items,
        previous=feedback["results"],
        ask_feasibility=exercise.ask_feasibility,
    )


def _save(request, exercise, round, items, feedback):
    form = _form(exercise, items, feedback, data=request.POST)
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round.pk)
        if locked.state != RoundState.OPEN:
            messages.error(request, _("This round closed before your answers arrived."))
            return redirect("priorities:answer", slug=exercise.slug)
        if str(request.POST.get("round")) != str(round.pk):
            form.add_error(
                None,
                _(
                    "This page was for an earlier round; nothing was saved. Check your answers "
                    "below and save them again."
                ),
            )
        elif form.is_valid():
            given = form.answers()
            ballot = ballots.save(locked, request.user, given)
            messages.success(
                request,
                _("Your answers are saved. Until %(date)s, you can come back and change them.")
                % {"date": date_format(timezone.localtime(round.closes_at), "DATETIME_FORMAT")},
            )
            return redirect("priorities:answer", slug=exercise.slug)
    ballot = ballots.ballot_of(round, request.user)
    saved = _saved_answers(ballot)
    return _render_answer(request, exercise, round, items, form, feedback, ballot, saved)


def _saved_answers(ballot):
    if ballot is None:
        return {}
    return {
        item_id: (importance, feasibility, reason)
        for item_id, importance, feasibility, reason in Answer.objects.filter(
            ballot=ballot
        ).values_list("item_id", "importance", "feasibility", "reason")
    }


def _feedback(round, every_round):
    """The previous round's figures per item (for the form's rule), and whether they are
    withheld (under five participants). One small query."""
    feedback = {"results": {}, "previous": None, "withheld": False}
    if round.number == 1:
        return feedback
    previous = next((r for r in every_round if r.number == round.number - 1), None)
    feedback["previous"] = previous
    if previous is None or previous.participant_count < consensus.MIN_PARTICIPANTS:
        feedback["withheld"] = True
        return feedback
    feedback["results"] = {
        r.item_id: r for r in ItemResult.objects.filter(round=previous, median__isnull=False)
    }
    return feedback


def _feedback_html(round, items, feedback):
    """{item id: HTML} of what each item shows from the previous round: figures, chart and the
    anonymous reasons outside the middle half. The same for every member and fixed once the
    previous round has closed, so it is rendered once per round and language, then cached."""
    if not feedback["results"]:
        return {}
    key = f"priorities:feedback:{round.pk}:{translation.get_language()}"
    html = cache.get(key)
    if html is None:
        html = _render_feedback(feedback["previous"], items, feedback["results"])
        cache.set(key, html, FEEDBACK_CACHE_SECONDS)
    return {item_id: mark_safe(part) for item_id, part in html.items()}  # noqa: S308 (rendered)


def _render_feedback(previous, items, found):
    reasons = {}
    for item_id, value, reason in (
        Answer.objects.filter(ballot__round=previous, importance__isnull=False)
        .exclude(reason="")
        .order_by("reason")
        .values_list("item_id", "importance", "reason")
    ):
        result = found.get(item_id)
        if result and consensus.outside_middle_half(value, result.q1, result.q3):
            reasons.setdefault(item_id, []).append((value, reason))
    html = {}
    for item in items:
        result = found.get(item.pk)
        if result is None:
            continue
        context = {
            "f": {
                "result": result,
                "chart": charts.distribution(result, f"item-{item.pk}"),
                "reasons": reasons.get(item.pk, []),
            }
        }
        html[item.pk] = render_to_string("priorities/_feedback.html", context)
    return html


def _render_answer(request, exercise, round, items, form, feedback, ballot, saved):
    previous_answers = ballot.previous if ballot else {}
    shown = _feedback_html(round, items, feedback)
    rows = []
    for item in items:
        before = previous_answers.get(str(item.pk), "absent")
        rows.append(
            {
                "item": item,
                "fields": form.item_html(item),
                "feedback": shown.get(item.pk, ""),
                "answered": item.pk in saved,
                "own_previous": None if before == "absent" else before,
                "had_previous": before != "absent",
                # the previous round's point is checked until something is saved (answer())
                "prefilled": not (form.is_bound or saved) and before != "absent",
            }
        )
    context = {
        "exercise": exercise,
        "round": round,
        "form": form,
        "rows": rows,
        "feedback": feedback,
        "answered_count": len(saved),
        "min_participants": consensus.MIN_PARTICIPANTS,
        "rule": consensus,
    }
    return render(request, "priorities/answer.html", context)


@csrf_exempt  # one-click unsubscribe (RFC 8058): mail clients post without a session
def reminders_off(request, token):
    try:
        user_id = notices.read_unsubscribe_token(token)
    except signing.BadSignature:
        context = {"invalid": True}
        return render(request, "priorities/reminders_off.html", context, status=400)
    user = get_object_or_404(User, pk=user_id)
    if request.method == "POST":
        ReminderOptOut.objects.get_or_create(user=user)
        return render(request, "priorities/reminders_off.html", {"done": True})
    return render(request, "priorities/reminders_off.html", {"token": token})
