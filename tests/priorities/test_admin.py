"""Setting up an exercise in the admin: its pages open for administrators, the actions add the
report's items and open the first round."""

import pytest

from priorities.models import Exercise, Notice, RoundState


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
