"""The state machine (priorities/rounds.py) and anonymity by design (priorities/ballots.py)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from priorities import ballots, personal_data, rounds
from priorities.models import (
    Answer,
    Ballot,
    ExerciseState,
    ItemResult,
    Notice,
    RoundState,
    Transition,
)
from tests.priorities.conftest import answer_all, items_of
from workinggroup import roles
from workinggroup.models import MemberProfile


def test_a_round_opens_closes_and_the_exercise_is_published_each_change_recorded(
    exercise, members, alex
):
    first, second = exercise.rounds.order_by("number")
    with pytest.raises(rounds.TransitionError, match="previous round must close"):
        rounds.open_round(second, by=alex)
    rounds.open_round(first, by=alex)
    assert Notice.objects.filter(round=first).count() == 5
    with pytest.raises(rounds.TransitionError, match="already been opened"):
        rounds.open_round(first)
    with pytest.raises(rounds.TransitionError, match="Every round must be closed"):
        rounds.publish(exercise)
    rounds.close_round(first, by=alex)
    rounds.open_round(second)
    rounds.close_round(second)
    rounds.publish(exercise, by=alex)
    exercise.refresh_from_db()
    assert exercise.state == ExerciseState.PUBLISHED
    changes = [
        (t.round.number if t.round else None, t.from_state, t.to_state, t.by)
        for t in Transition.objects.filter(exercise=exercise)
    ]
    assert changes == [
        (1, "draft", "open", alex),
        (None, "draft", "running", alex),
        (1, "open", "closed", alex),
        (2, "draft", "open", None),
        (2, "open", "closed", None),
        (None, "running", "published", alex),
    ]


def test_a_second_save_replaces_the_first_never_two(exercise, members):
    first = rounds.open_round(exercise.rounds.get(number=1))
    item = items_of(exercise)["O1"]
    ballots.save(first, members[0], {item.pk: (2, None, "")})
    ballots.save(first, members[0], {item.pk: (5, None, "Changed my mind")})
    assert list(Answer.objects.values_list("importance", "reason")) == [(5, "Changed my mind")]
    assert Ballot.objects.count() == 1


def test_closing_a_round_drops_every_link_to_people_and_keeps_the_figures(exercise, members):
    first = rounds.open_round(exercise.rounds.get(number=1))
    answer_all(
        first,
        members,
        [
            {"O1": (5, ""), "R3": (1, "")},
            {"O1": (5, ""), "R3": (2, "")},
            {"O1": (4, "")},
            {"O1": (5, ""), "R3": (None, "")},
            {"O1": (4, "")},
        ],
        exercise,
    )
    assert ballots.ballot_of(first, members[0]) is not None
    rounds.close_round(first)
    first.refresh_from_db()
    assert first.salt == ""
    assert first.participant_count == 5
    assert not Ballot.objects.filter(round=first, key__isnull=False).exists()
    # Nothing in a round-one ballot names or finds a person any more.
    left = list(Ballot.objects.filter(round=first).values_list("key", "previous"))
    assert left == [(None, {})] * 5
    o1 = ItemResult.objects.get(round=first, item__recommendation__code="O1")
    assert (o1.answers, o1.median, o1.consensus, o1.rank) == (5, 5, True, 1)
    r3 = ItemResult.objects.get(round=first, item__recommendation__code="R3")
    assert (r3.answers, r3.no_opinion, r3.distribution) == (2, 1, [1, 1, 0, 0, 0])
    # Each member finds their own previous answers on their round-two ballot, and only there.
    second = exercise.rounds.get(number=2)
    second.refresh_from_db()
    items = items_of(exercise)
    assert ballots.ballot_of(second, members[0]).previous == {
        str(items["O1"].pk): 5,
        str(items["R3"].pk): 1,
    }
    rounds.open_round(second)
    rounds.close_round(second)
    assert list(Ballot.objects.values_list("key", "previous")) == [(None, {})] * 10


def test_only_members_take_part_unless_sector_users_are_asked(exercise, members, sam):
    assert sam not in rounds.participants(exercise)
    exercise.include_sector_users = True
    assert sam in rounds.participants(exercise)


def test_the_schedule_closes_and_opens_rounds_on_time(exercise, members):
    first = exercise.rounds.get(number=1)
    to_close, to_open = rounds.due_changes(first.opens_at + timedelta(minutes=1))
    assert (to_close, to_open) == ([], [first])
    rounds.open_round(first)
    to_close, to_open = rounds.due_changes(first.closes_at)
    assert to_close == [first] and to_open == []
    assert exercise.rounds.get(number=1).state == RoundState.OPEN


def test_a_persons_data_holds_the_emails_asked_never_their_answers(exercise, members):
    first = rounds.open_round(exercise.rounds.get(number=1))
    ballots.save(first, members[0], {items_of(exercise)["O1"].pk: (5, None, "My reason")})
    data = personal_data.export(members[0])
    assert [(e["round__number"], e["kind"]) for e in data["priority_emails"]] == [(1, "opening")]
    assert "My reason" not in str(data)


def manage_url(exercise):
    with translation.override("en"):
        return reverse("priorities:manage", kwargs={"slug": exercise.slug})


def test_a_co_chair_runs_the_rounds_from_their_page_and_a_member_cannot(
    exercise, members, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    chair = members[0]
    MemberProfile.objects.update_or_create(user=chair, defaults={"wg_role": roles.CO_CHAIR_SEAT})
    assert client_for(members[1]).post(manage_url(exercise), {"action": "open"}).status_code == 403
    client = client_for(chair)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(manage_url(exercise), {"action": "open"}, follow=True)
    assert "The round is open; every participant is being emailed." in page.content.decode()
    assert len(mailoutbox) == 5
    page = client.post(manage_url(exercise), {"action": "publish"}, follow=True).content.decode()
    assert "Every round must be closed before the results are published." in page
    page = client.post(manage_url(exercise), {"action": "close"}, follow=True).content.decode()
    assert "The round is closed; its figures are computed." in page
    assert "0 of 5 invited" in page and "too few: figures withheld" in page
    assert (
        Transition.objects.filter(by=chair).count() == 3
    )  # round opened, exercise running, closed
