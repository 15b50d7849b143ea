"""Opening a round emails each participant once, in their language; the reminder two days
before closing goes once to those who have not answered; one-click unsubscribe from reminders."""

from datetime import timedelta

from django.urls import reverse
from django.utils import translation

from priorities import ballots, notices, tasks
from priorities.models import Notice, NoticeKind, NoticeStatus, ReminderOptOut
from tests.priorities.conftest import items_of


def test_opening_emails_each_participant_once_in_their_language(
    exercise, members, sam, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        round = tasks.open_and_notify(exercise.rounds.get(number=1))
    assert sorted(m.to[0] for m in mailoutbox) == sorted(m.email for m in members)
    by_address = {m.to[0]: m for m in mailoutbox}
    assert by_address["member0@example.org"].subject == "Priorities 2027: round 1 is open"
    # The subject keeps its non-breaking space before « : » (docs/french-style.md).
    assert by_address["member1@example.org"].subject == "Priorités 2027\u00a0: le tour 1 est ouvert"
    assert "/fr/priorites/priorities-2027/repondre/" in by_address["member1@example.org"].body
    # A repeated or restarted run sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert notices.send_pending(round.pk) == 0
    assert len(mailoutbox) == 5
    assert set(Notice.objects.values_list("status", flat=True)) == {NoticeStatus.SENT}


def test_a_run_killed_midway_leaves_the_rest_pending_for_the_next(
    exercise, members, mailoutbox, django_capture_on_commit_callbacks
):
    round = tasks.rounds.open_round(exercise.rounds.get(number=1))
    # Two were sent before the worker died.
    first_two = Notice.objects.filter(round=round).order_by("pk")[:2]
    Notice.objects.filter(pk__in=[n.pk for n in first_two]).update(status=NoticeStatus.SENT)
    with django_capture_on_commit_callbacks(execute=True):
        assert notices.send_pending(round.pk) == 3
    assert len(mailoutbox) == 3


def test_the_reminder_goes_once_to_those_who_have_not_answered(
    exercise, members, mailoutbox, django_capture_on_commit_callbacks
):
    round = tasks.rounds.open_round(exercise.rounds.get(number=1))
    Notice.objects.update(status=NoticeStatus.SENT)
    ballots.save(round, members[0], {items_of(exercise)["O1"].pk: (5, None, "")})
    ReminderOptOut.objects.create(user=members[2])
    too_early = round.closes_at - timedelta(days=3)
    assert notices.queue_reminders(too_early) == []
    in_time = round.closes_at - timedelta(days=1)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            notices.queue_reminders(in_time)
            notices.send_pending(round.pk)
    reminded = sorted(m.to[0] for m in mailoutbox)
    assert reminded == ["member1@example.org", "member3@example.org", "member4@example.org"]
    english = next(m for m in mailoutbox if m.to[0] == "member4@example.org")
    assert english.subject == "Two days left to answer round 1 of Priorities 2027"
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notice.objects.filter(kind=NoticeKind.REMINDER).count() == 3


def test_one_click_unsubscribe_from_reminders(client, members):
    token = notices.unsubscribe_token(members[0].pk)
    with translation.override("en"):
        address = reverse("priorities:reminders_off", args=[token])
    page = client.get(address).content.decode()
    assert "Stop the reminders" in page
    assert not ReminderOptOut.objects.exists()
    response = client.post(address)
    assert "you will no longer get reminders" in response.content.decode()
    assert ReminderOptOut.objects.filter(user=members[0]).exists()
    forged = client.get(address.replace(token, token[:-2] + "xx"))
    assert forged.status_code == 400
    assert "This link is not valid or has expired." in forged.content.decode()


def test_publishing_emails_the_results_once_to_those_asked(
    exercise, members, mailoutbox, django_capture_on_commit_callbacks
):
    for number in (1, 2):
        round = tasks.rounds.open_round(exercise.rounds.get(number=number))
        tasks.rounds.close_round(round)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.publish_and_notify(exercise)
    assert len(mailoutbox) == 5
    french = next(m for m in mailoutbox if m.to[0] == "member1@example.org")
    assert french.subject == "Priorités 2027\u00a0: les résultats sont publiés"
    assert "/fr/priorites/priorities-2027/" in french.body
    with django_capture_on_commit_callbacks(execute=True):
        notices.queue_results(exercise)
        notices.send_pending(exercise.rounds.get(number=2).pk)
    assert len(mailoutbox) == 5


def test_the_schedule_sends_what_a_killed_worker_left_pending(
    exercise, members, mailoutbox, django_capture_on_commit_callbacks
):
    tasks.rounds.open_round(exercise.rounds.get(number=1))  # listed, but nothing sent
    with django_capture_on_commit_callbacks(execute=True):
        tasks.advance_priorities()
    assert len(mailoutbox) == 5
    with django_capture_on_commit_callbacks(execute=True):
        tasks.advance_priorities()
    assert len(mailoutbox) == 5
