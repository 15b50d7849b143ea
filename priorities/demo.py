"""Made-up priority exercises for the quickstart: "Priorities 2026", published with its results,
"Priorities 2027", whose second round is open for the demo member to answer, and
"Sub-recommendations 2027", a draft the chair may still change (/en/priorities/<slug>/edit/).

Loaded by `manage.py seed_demo` only. The 2026 answers are synthetic anonymous ballots (no
account behind them); the 2027 first round was answered by the demo working-group members.
"""

import random
from datetime import timedelta

from django.utils import timezone

from priorities import ballots, rounds
from priorities.models import Ballot, Exercise, Item, Notice, NoticeKind, NoticeStatus, Round
from recommendations.models import Kind, Recommendation
from workinggroup.demo import load_accounts
from workinggroup.models import User

MEMBER_EMAIL = "member@demo.example"
ADMIN_EMAIL = "admin@demo.example"
# How each of the six overarching and main recommendations leans in the made-up answers.
LEANINGS_2026 = {"O1": 4.6, "O2": 3.4, "R1": 3.0, "R2": 3.6, "R3": 4.5, "R4": 4.1}
# How feasible each looks in 2026 (that exercise asked it).
FEASIBILITY_2026 = {"O1": 3.8, "O2": 2.6, "R1": 4.3, "R2": 3.2, "R3": 2.4, "R4": 3.6}
LEANINGS_2027 = {"O1": 4.4, "O2": 3.2, "R1": 3.1, "R2": 4.2, "R3": 4.6, "R4": 3.9}
REASONS = [
    "Our two-person office cannot wait for the next call for proposals.",
    "Sans financement souple, aucune idée nouvelle ne dure plus d'un an.",
    "Newcomers in our town already shape the services; this is done here.",
    "Nos outils numériques datent de dix ans; c'est la priorité.",
]


def load():
    if Exercise.objects.filter(slug__in=["priorities-2026", "priorities-2027"]).exists():
        return
    load_accounts()
    now = timezone.now()
    recommendations = list(Recommendation.objects.exclude(kind=Kind.SUB).order_by("order"))
    past = _exercise("2026", recommendations, now - timedelta(days=300), None, feasibility=True)
    _run_synthetic(past, LEANINGS_2026, 14, random.Random(2026))
    rounds.publish(past)
    current = _exercise("2027", recommendations, now - timedelta(days=20), past)
    _run_members(current, LEANINGS_2027, random.Random(2027))
    _draft(now)


def _draft(now):
    """A three-round exercise on the 21 sub-recommendations, not yet open."""
    draft = Exercise.objects.create(
        title_en="Sub-recommendations 2027",
        title_fr="Sous-recommandations 2027",
        slug="sub-recommendations-2027",
        ask_feasibility=True,
        include_sector_users=True,
    )
    rounds.record_created(draft, User.objects.get(email=ADMIN_EMAIL))
    subs = Recommendation.objects.filter(kind=Kind.SUB).order_by("order")
    Item.objects.bulk_create(
        Item(exercise=draft, recommendation=r, order=n) for n, r in enumerate(subs)
    )
    start = timezone.localtime(now + timedelta(days=45)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    for number in (1, 2, 3):
        opens = start + timedelta(days=16 * (number - 1))
        Round.objects.create(
            exercise=draft, number=number, opens_at=opens, closes_at=opens + timedelta(days=14)
        )


def _exercise(year, recommendations, start, previous, feasibility=False):
    exercise = Exercise.objects.create(
        title_en=f"Priorities {year}",
        title_fr=f"Priorités {year}",
        slug=f"priorities-{year}",
        intro_en="The working group rated the six overarching and main recommendations.",
        intro_fr=(
            "Le groupe de travail a évalué les six recommandations fondamentales et principales."
        ),
        previous=previous,
        ask_feasibility=feasibility,
    )
    Item.objects.bulk_create(
        Item(exercise=exercise, recommendation=r, order=r.order) for r in recommendations
    )
    for number in (1, 2):
        opens = start + timedelta(days=16 * (number - 1))
        Round.objects.create(
            exercise=exercise, number=number, opens_at=opens, closes_at=opens + timedelta(days=14)
        )
    return exercise


def _answers(exercise, leanings, rng, reasons=True, spread=0.8):
    given = {}
    for item in exercise.items.select_related("recommendation"):
        leaning = leanings[item.recommendation.code]
        value = max(1, min(5, round(rng.gauss(leaning, spread))))
        reason = rng.choice(REASONS) if reasons and value in (1, 5) and rng.random() < 0.5 else ""
        given[item.pk] = (None if rng.random() < 0.04 else value, None, reason)
    return given


def _run_synthetic(exercise, leanings, people, rng):
    for round in exercise.rounds.order_by("number"):
        round = rounds.open_round(round)
        Notice.objects.filter(round=round).update(status=NoticeStatus.SENT)
        Round.objects.filter(pk=round.pk).update(invited_count=people + 3)
        # Answers draw closer to the group's in the second round.
        spread = 0.9 if round.number == 1 else 0.5
        for n in range(people):
            ballot = Ballot.objects.create(
                round=round, key=f"demo-{round.pk}-{n}", saved_at=round.opens_at
            )
            given = _answers(exercise, leanings, rng, spread=spread)
            feasible = _answers(exercise, FEASIBILITY_2026, rng, reasons=False, spread=spread)
            for item_id, (value, _feasible, reason) in given.items():
                ballot.answers.create(
                    item_id=item_id,
                    importance=value,
                    feasibility=feasible[item_id][0] if exercise.ask_feasibility else None,
                    reason=reason,
                )
        rounds.close_round(round)


def _run_members(exercise, leanings, rng):
    first, second = exercise.rounds.order_by("number")
    first = rounds.open_round(first)
    Notice.objects.filter(round=first).update(status=NoticeStatus.SENT)
    people = User.objects.filter(
        priority_notices__round=first, priority_notices__kind=NoticeKind.OPENING
    ).order_by("pk")
    for person in people:
        if person.email != MEMBER_EMAIL:
            ballots.save(first, person, _answers(exercise, leanings, rng))
    member = User.objects.get(email=MEMBER_EMAIL)
    ballots.save(first, member, _answers(exercise, {k: 4.0 for k in leanings}, rng, reasons=False))
    Round.objects.filter(pk=first.pk).update(closes_at=timezone.now() - timedelta(days=2))
    rounds.close_round(first)
    Round.objects.filter(pk=second.pk).update(
        opens_at=timezone.now() - timedelta(days=1), closes_at=timezone.now() + timedelta(days=12)
    )
    second = rounds.open_round(second)
    Notice.objects.filter(round=second).update(status=NoticeStatus.SENT)
