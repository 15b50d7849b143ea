"""The chair's form that sets up an exercise without the admin (priorities/setup.py)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from priorities import rounds
from priorities.models import Exercise, ExerciseState, Transition
from recommendations.models import Kind, Recommendation
from tests.conftest import make_user
from workinggroup import roles
from workinggroup.models import MemberProfile


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"priorities:{name}", kwargs=kwargs)


def when(days, hour=9):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def filled(**changes):
    data = {
        "title_en": "Priorities 2028",
        "title_fr": "Priorités 2028",
        "slug": "",
        "intro_en": "",
        "intro_fr": "",
        "item_set": "main",
        "previous": "",
        "round1_opens": when(3),
        "round1_closes": when(10),
        "round2_opens": when(12),
        "round2_closes": when(20),
        "round3_opens": "",
        "round3_closes": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def chair(db):
    chair = make_user("chair@example.org", roles.MEMBER)
    MemberProfile.objects.update_or_create(user=chair, defaults={"wg_role": roles.CO_CHAIR_SEAT})
    return chair


def test_a_co_chair_sets_up_a_two_round_exercise_on_the_six_recommendations(client_for, chair):
    client = client_for(chair)
    assert "Set up a priority exercise" in client.get(url("index")).content.decode()
    page = client.post(url("new"), filled(ask_feasibility="on"), follow=True)
    assert page.redirect_chain[-1][0] == url("manage", slug="priorities-2028")
    assert "The exercise is saved as a draft." in page.content.decode()
    assert "exercise created as a draft" in page.content.decode()  # its changes of state
    exercise = Exercise.objects.get(slug="priorities-2028")
    assert exercise.state == ExerciseState.DRAFT and exercise.ask_feasibility
    codes = list(exercise.items.order_by("order").values_list("recommendation__code", flat=True))
    assert codes == list(
        Recommendation.objects.exclude(kind=Kind.SUB)
        .order_by("order")
        .values_list("code", flat=True)
    )
    assert len(codes) == 6
    assert list(exercise.rounds.values_list("number", flat=True)) == [1, 2]
    created = Transition.objects.get(exercise=exercise)
    assert (created.from_state, created.to_state, created.by) == ("", "draft", chair)
    # A draft is not public.
    client.logout()
    assert client.get(url("results", slug=exercise.slug)).status_code == 404
    assert "Priorities 2028" not in client.get(url("index")).content.decode()


def test_the_sub_recommendations_three_rounds_and_an_edit_while_draft(client_for, alex):
    client = client_for(alex)
    client.post(url("new"), filled(item_set="sub", slug="p-2028"))
    exercise = Exercise.objects.get(slug="p-2028")
    assert exercise.items.count() == 21
    form = client.get(url("edit", slug="p-2028")).content.decode()
    assert re.search(r'value="sub"[^>]*checked', form)
    picked = list(Recommendation.objects.filter(code__in=["R4", "O1"]).values_list("pk", flat=True))
    client.post(
        url("edit", slug="p-2028"),
        filled(
            slug="p-2028",
            item_set="chosen",
            items=[str(pk) for pk in picked],
            round3_opens=when(22),
            round3_closes=when(30),
        ),
    )
    codes = list(exercise.items.order_by("order").values_list("recommendation__code", flat=True))
    assert codes == ["O1", "R4"]
    assert exercise.rounds.count() == 3
    # Back to two rounds: round three goes.
    client.post(url("edit", slug="p-2028"), filled(slug="p-2028"))
    assert exercise.rounds.count() == 2 and exercise.items.count() == 6


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"round1_closes": when(2)}, "round1_closes", "Round 1 must close after it opens."),
        (
            {"round2_opens": when(8)},
            "round2_opens",
            "Round 2 would open before round 1 closes: rounds follow one another without "
            "overlapping.",
        ),
        (
            {"round2_opens": "", "round2_closes": ""},
            "round2_opens",
            "Give the time round 2 opens: an exercise has two or three rounds.",
        ),
        ({"round3_opens": when(25)}, "round3_closes", "Give both dates of round 3, or neither."),
        ({"round1_opens": "next tuesday"}, "round1_opens", "Enter a date and time such as"),
        ({"item_set": "chosen"}, "items", "Tick at least one item, or choose one of the two sets"),
        ({"slug": "Not A Slug!"}, "slug", "Use only lower-case letters, digits and hyphens."),
        ({"slug": "new"}, "slug", "This address is used by the portal itself"),
        ({"title_fr": ""}, "title_fr", "Give the title in French."),
        (
            {"round1_opens": when(-10), "round1_closes": when(-3)},
            "round1_closes",
            "Round 1 would already be closed",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_typed_is_lost(
    client_for, alex, changes, field, message
):
    data = filled(intro_en="Kept as typed", **changes)
    page = client_for(alex).post(url("new"), data)
    html = page.content.decode()
    assert page.status_code == 200
    assert message in html
    assert f'href="#id_{field}' in html  # the error summary links to the field
    assert "Kept as typed" in html and 'value="Priorities 2028"' in html
    assert not Exercise.objects.filter(title_en="Priorities 2028").exists()


def test_a_taken_address_or_title_is_refused(client_for, alex, exercise):
    client = client_for(alex)
    page = client.post(url("new"), filled(slug=exercise.slug)).content.decode()
    assert "The address “priorities-2027” is taken by another exercise; choose another." in page
    page = client.post(url("new"), filled(title_en="priorities 2027")).content.decode()
    assert "Another exercise already has this title; choose another." in page
    assert Exercise.objects.count() == 1


def test_the_form_speaks_french(client_for, alex):
    client = client_for(alex)
    assert url("new", "fr") == "/fr/priorites/nouveau/"
    page = client.post(url("new", "fr"), filled(round1_closes=when(2)), HTTP_ACCEPT_LANGUAGE="fr")
    html = page.content.decode()
    assert "Créer un exercice de priorisation" in html
    assert "Le tour 1 doit fermer après son ouverture." in html


@pytest.mark.parametrize("role", [roles.SECTOR_USER, roles.MEMBER, roles.EDITOR])
def test_only_administrators_and_co_chairs_may_set_up_an_exercise(client_for, exercise, role):
    client = client_for(make_user(f"{role}@example.org", role))
    assert client.get(url("new")).status_code == 403
    assert client.post(url("new"), filled()).status_code == 403
    assert client.post(url("edit", slug=exercise.slug), filled(slug="stolen")).status_code == 403
    assert Exercise.objects.get().slug == "priorities-2027"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(url("new")).status_code == 302


def test_once_the_first_round_has_opened_nothing_changes(client_for, alex, exercise, members):
    rounds.open_round(exercise.rounds.get(number=1))
    client = client_for(alex)
    page = client.post(url("edit", slug=exercise.slug), filled(slug=exercise.slug, title_en="X"))
    assert page.status_code == 409
    assert "its items, questions and rounds can no longer change" in page.content.decode()
    exercise.refresh_from_db()
    assert exercise.title_en == "Priorities 2027" and exercise.items.count() == 3


def test_the_form_page_reads_a_fixed_number_of_queries(
    client_for, alex, exercise, django_assert_max_num_queries
):
    client = client_for(alex)
    with django_assert_max_num_queries(12):
        assert client.get(url("edit", slug=exercise.slug)).status_code == 200


def test_a_fourth_round_cannot_be_sent(client_for, alex):
    """The form has three rounds at most; a forged fourth is not read."""
    client_for(alex).post(
        url("new"),
        filled(
            round3_opens=when(22),
            round3_closes=when(30),
            round4_opens=when(32),
            round4_closes=when(40),
        ),
    )
    exercise = Exercise.objects.get(slug="priorities-2028")
    assert list(exercise.rounds.values_list("number", flat=True)) == [1, 2, 3]
