"""The round's emails: the opening notice to every participant, the reminder two days before
closing to those who have not answered, and the results once published. One ledger row
(Notice) per participant, round and kind; a row is marked sent in the same transaction that
queues its email, so a repeated or restarted run never sends it twice, and a run killed mid-way
leaves the rest pending for the next one."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from lib.emails import send_templated_email
from priorities import ballots
from priorities.models import (
    Ballot,
    ExerciseState,
    Notice,
    NoticeKind,
    NoticeStatus,
    ReminderOptOut,
    Round,
    RoundState,
)
from priorities.rounds import still_takes_part

REMINDER_BEFORE = timedelta(days=2)
UNSUBSCRIBE_SALT = "priorities.reminders"
UNSUBSCRIBE_VALID_FOR = timedelta(days=365)


def unsubscribe_token(user_id):
    return signing.dumps(user_id, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """The user id in a reminder's unsubscribe link; raises signing.BadSignature."""
    return signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_VALID_FOR)


def queue_reminders(now=None):
    """Add a reminder row for each participant who has not answered an open round that closes
    within two days (once: the row is unique). Returns the rounds concerned."""
    now = now or timezone.now()
    due = Round.objects.filter(state=RoundState.OPEN, closes_at__lte=now + REMINDER_BEFORE)
    rounds = list(due.filter(closes_at__gt=now))
    for round in rounds:
        answered = set(
            Ballot.objects.filter(round=round, saved_at__isnull=False).values_list("key", flat=True)
        )
        opted_out = set(ReminderOptOut.objects.values_list("user_id", flat=True))
        invited = Notice.objects.filter(round=round, kind=NoticeKind.OPENING)
        Notice.objects.bulk_create(
            [
                Notice(round=round, user_id=uid, kind=NoticeKind.REMINDER)
                for uid in invited.values_list("user_id", flat=True)
                if uid not in opted_out and ballots.key_for(round, uid) not in answered
            ],
            ignore_conflicts=True,
        )
    return rounds


def queue_results(exercise):
    """One results row for each person asked in the exercise's last round (once: unique).
    Returns that round."""
    last = exercise.rounds.order_by("-number").first()
    invited = Notice.objects.filter(round=last, kind=NoticeKind.OPENING)
    Notice.objects.bulk_create(
        [
            Notice(round=last, user_id=uid, kind=NoticeKind.RESULTS)
            for uid in invited.values_list("user_id", flat=True)
        ],
        ignore_conflicts=True,
    )
    return last


def send_pending(round_id, now=None):
    """Send every pending notice of this round; returns how many were sent."""
    now = now or timezone.now()
    round = Round.objects.select_related("exercise").get(pk=round_id)
    pending = (
        Notice.objects.filter(round=round, status=NoticeStatus.PENDING)
        .select_related("user")
        .order_by("pk")
    )
    links = {}
    sent = 0
    for notice in pending:
        user = notice.user
        if notice.kind == NoticeKind.RESULTS:
            skip = round.exercise.state != ExerciseState.PUBLISHED or not user.is_active
        else:
            skip = round.state != RoundState.OPEN or not still_takes_part(user, round.exercise)
        if notice.kind == NoticeKind.REMINDER and not skip:
            skip = ReminderOptOut.objects.filter(user=user).exists()
        with transaction.atomic():
            status = NoticeStatus.SKIPPED if skip else NoticeStatus.SENT
            won = Notice.objects.filter(pk=notice.pk, status=NoticeStatus.PENDING).update(
                status=status, sent_at=now
            )
            if not won or skip:
                continue
            language = user.preferred_language or "en"
            if (language, notice.kind) not in links:
                page = "results" if notice.kind == NoticeKind.RESULTS else "answer"
                with translation.override(language):
                    links[(language, notice.kind)] = reverse(
                        f"priorities:{page}", kwargs={"slug": round.exercise.slug}
                    )
            _send(notice, round, user, language, links[(language, notice.kind)])
            sent += 1
    return sent


def _send(notice, round, user, language, answer_path):
    context = {"round": round, "exercise": round.exercise, "answer_path": answer_path}
    headers = None
    if notice.kind == NoticeKind.REMINDER:
        with translation.override(language):
            path = reverse("priorities:reminders_off", args=[unsubscribe_token(user.pk)])
        context["unsubscribe_path"] = path
        headers = {
            "List-Unsubscribe": f"<{_absolute(path)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    send_templated_email(
        f"priorities/emails/{notice.kind}", [user.email], context, language, headers
    )


def _absolute(path):
    return f"{settings.SITE_URL}{path}"
