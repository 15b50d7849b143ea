"""Setting up an exercise in the admin: its pages open for administrators, the actions add the
report's items and open the first round."""

import pytest

from priorities import rounds
from priorities.models import Exercise, ExerciseState, Notice, RoundState


@pytest.mark.parametrize(
    "url", ["/en/admin/priorities/exercise/", "/en/admin/priorities/exercise/add/"]
)
def test_administrator_opens_the_exercise_pages(client_for, alex, url):
    assert client_for(alex).get(url).status_code == 200


def test_a_member_cannot_open_the_admin_pages(client_for, members):
    response = client_for(members[0]).get("/en/admin/priorities/exercise/")
    assert response.status_code in (302, 403)


def test_the_actions_add_the_main_recommendations_and_open_the_first_round(
    client_for, alex, exercise, members, django_capture_on_commit_callbacks, mailoutbox
):
    blank = Exercise.objects.create(title_en="Blank", title_fr="Vide", slug="blank")
    client = client_for(alex)
    client.post(
        "/en/admin/priorities/exercise/",
        {"action": "add_main_recommendations", "_selected_action": [blank.pk]},
    )
    assert sorted(blank.items.values_list("recommendation__code", flat=True)) == [
        "O1", "O2", "R1", "R2", "R3", "R4",
    ]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/admin/priorities/exercise/",
            {"action": "open_next_round", "_selected_action": [exercise.pk]},
        )
    assert exercise.rounds.get(number=1).state == RoundState.OPEN
    assert Notice.objects.count() == len(mailoutbox) == 5


def _exercise_form(schedule):
    """The admin's add form for a new exercise with `schedule`: [(number, opens, closes)], each
    date "YYYY-MM-DD HH:MM"."""
    data = {
        "title_en": "Priorities 2029",
        "title_fr": "Priorités 2029",
        "slug": "priorities-2029",
        "intro_en": "Kept as typed",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        "rounds-TOTAL_FORMS": str(len(schedule)),
        "rounds-INITIAL_FORMS": "0",
        "transitions-TOTAL_FORMS": "0",
        "transitions-INITIAL_FORMS": "0",
    }
    for index, (number, opens, closes) in enumerate(schedule):
        for name, value in (("opens_at", opens), ("closes_at", closes)):
            day, time = value.split()
            data[f"rounds-{index}-{name}_0"] = day
            data[f"rounds-{index}-{name}_1"] = time
        data[f"rounds-{index}-number"] = str(number)
    return data


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "Round 2 would open before round 1 closes: rounds follow one another without "
            "overlapping.",
        ),
        (
            "fr",
            "Le tour 2 ouvrirait avant la fermeture du tour 1",
        ),
    ],
)
def test_the_admin_refuses_overlapping_rounds_as_the_chairs_form_does(
    client_for, alex, language, message
):
    overlapping = [
        (1, "2030-03-01 09:00", "2030-03-15 17:00"),
        (2, "2030-03-10 09:00", "2030-03-25 17:00"),
    ]
    page = client_for(alex).post(
        f"/{language}/admin/priorities/exercise/add/", _exercise_form(overlapping)
    )
    assert page.status_code == 200  # the form again, not a redirect
    html = page.content.decode()
    assert message in html
    assert "Kept as typed" in html and "2030-03-10" in html
    assert not Exercise.objects.filter(slug="priorities-2029").exists()


def test_the_admin_refuses_a_round_closing_before_it_opens_and_saves_rounds_that_follow(
    client_for, alex
):
    client = client_for(alex)
    backwards = [
        (1, "2030-03-10 09:00", "2030-03-01 17:00"),
        (2, "2030-04-01 09:00", "2030-04-15 17:00"),
    ]
    page = client.post("/en/admin/priorities/exercise/add/", _exercise_form(backwards))
    assert "Round 1 must close after it opens." in page.content.decode()
    assert not Exercise.objects.exists()
    following = [
        (2, "2030-03-15 17:00", "2030-03-25 17:00"),  # opens as round 1 closes: no overlap
        (1, "2030-03-01 09:00", "2030-03-15 17:00"),
    ]
    page = client.post("/en/admin/priorities/exercise/add/", _exercise_form(following))
    assert page.status_code == 302
    exercise = Exercise.objects.get(slug="priorities-2029")
    assert list(exercise.rounds.order_by("number").values_list("number", flat=True)) == [1, 2]
    created = exercise.transitions.get()
    assert (created.to_state, created.by) == (ExerciseState.DRAFT, alex)


def test_an_administrator_sees_a_drafts_rounds_to_change_and_a_running_ones_only_to_read(
    client_for, alex, exercise
):
    page = f"/en/admin/priorities/exercise/{exercise.pk}/change/"
    client = client_for(alex)
    draft = client.get(page).content.decode()
    assert 'name="rounds-0-opens_at_0"' in draft and 'name="items-0-recommendation"' in draft
    rounds.open_round(exercise.rounds.get(number=1))
    exercise.refresh_from_db()
    running = client.get(page).content.decode()
    assert "Rounds" in running and "O1" in running  # shown
    assert 'name="rounds-0-opens_at_0"' not in running  # not changed once the first has opened
    assert 'name="items-0-recommendation"' not in running
