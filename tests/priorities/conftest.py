"""An exercise on three tracker items, with two rounds, and five working-group members."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from priorities import ballots, rounds
from priorities.models import Exercise, Item, Round
from recommendations.models import Recommendation
from tests.conftest import make_user
from workinggroup import roles


@pytest.fixture(autouse=True)
def _english():
    """Messages read outside a request are in English, whatever an earlier test left active."""
    with translation.override("en"):
        yield


@pytest.fixture
def members(db):
    languages = ["en", "fr", "en", "fr", "en"]
    return [
        make_user(f"member{n}@example.org", roles.MEMBER, language=language)
        for n, language in enumerate(languages)
    ]


@pytest.fixture
def exercise(db):
    now = timezone.now()
    exercise = Exercise.objects.create(
        title_en="Priorities 2027", title_fr="Priorités 2027", slug="priorities-2027"
    )
    for order, code in enumerate(["O1", "R3", "R4"]):
        Item.objects.create(
            exercise=exercise, recommendation=Recommendation.objects.get(code=code), order=order
        )
    for number in (1, 2):
        start = now + timedelta(days=14 * (number - 1))
        Round.objects.create(
            exercise=exercise,
            number=number,
            opens_at=start - timedelta(hours=1),
            closes_at=start + timedelta(days=10),
        )
    return exercise


def items_of(exercise):
    return {
        item.recommendation.code: item for item in exercise.items.select_related("recommendation")
    }


def answer_all(round, people, values_by_code, exercise):
    """Each person saves their answers ({code: value or None}) through ballots.save."""
    items = items_of(exercise)
    for person, values in zip(people, values_by_code, strict=False):
        ballots.save(
            round,
            person,
            {items[code].pk: (value, None, reason) for code, (value, reason) in values.items()},
        )


# Round one of the fixture's exercise: O1 rated high by all, R3 spread, R4 low with one outlier.
ROUND_ONE = [
    {"O1": (5, ""), "R3": (1, "Funding rules already changed here"), "R4": (2, "")},
    {"O1": (5, ""), "R3": (3, ""), "R4": (1, "")},
    {"O1": (4, ""), "R3": (4, ""), "R4": (2, "")},
    {"O1": (5, ""), "R3": (5, "Nothing moves without flexible money"), "R4": (1, "")},
    {"O1": (4, ""), "R3": (3, ""), "R4": (5, "Our tools are ten years old")},
]


@pytest.fixture
def second_round(exercise, members):
    """Round one answered by the five members and closed; round two open."""
    first = rounds.open_round(exercise.rounds.get(number=1))
    answer_all(first, members, ROUND_ONE, exercise)
    rounds.close_round(first)
    return rounds.open_round(exercise.rounds.get(number=2))
