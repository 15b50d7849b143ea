"""An exercise on three tracker items, with two rounds, and five working-group members."""

from datetime import timedelta

import pytest
from django.utils import timezone

from priorities.models import Exercise, Item, Round
from recommendations.models import Recommendation
from tests.conftest import make_user
from workinggroup import roles


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
