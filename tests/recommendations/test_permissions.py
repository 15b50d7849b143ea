"""Who may post: IRCC staff for IRCC, editors (and co-chairs) for the working group."""

import pytest

from recommendations.models import StatusUpdate

pytestmark = pytest.mark.django_db

VALID = {
    "status": "under_way",
    "effective_date": "2022-01-10",
    "note_en": "Work has begun.",
    "note_fr": "Le travail a commencé.",
    "evidence_links": "",
}

# persona -> (may post IRCC's update, may post the working group's assessment)
MATRIX = {
    "sam": (False, False),
    "marie": (False, False),
    "ian": (True, False),
    "elodie": (False, True),
    "alex": (True, True),
}
SEGMENTS = {
    ("en", "ircc"): ("recommendations", "ircc-update"),
    ("fr", "ircc"): ("recommandations", "mise-a-jour-ircc"),
    ("en", "wg"): ("recommendations", "assessment"),
    ("fr", "wg"): ("recommandations", "evaluation"),
}


def form_url(lang, source):
    prefix, segment = SEGMENTS[(lang, source)]
    return f"/{lang}/{prefix}/R1.1/{segment}/"


@pytest.mark.parametrize("persona", list(MATRIX))
@pytest.mark.parametrize("source", ["ircc", "wg"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_role_sees_the_forms_it_may_use_and_a_403_for_the_others(
    request, client_for, persona, source, lang
):
    user = request.getfixturevalue(persona)
    allowed = MATRIX[persona][0 if source == "ircc" else 1]
    response = client_for(user).get(form_url(lang, source))
    assert response.status_code == (200 if allowed else 403)


@pytest.mark.parametrize("persona", list(MATRIX))
@pytest.mark.parametrize("source", ["ircc", "wg"])
def test_a_forged_post_from_a_role_without_the_right_changes_nothing(
    request, client_for, persona, source
):
    user = request.getfixturevalue(persona)
    allowed = MATRIX[persona][0 if source == "ircc" else 1]
    response = client_for(user).post(form_url("en", source), VALID)
    if allowed:
        assert response.status_code == 302
        assert StatusUpdate.objects.filter(source=source).count() == 1
    else:
        assert response.status_code == 403
        assert not StatusUpdate.objects.exists()


@pytest.mark.parametrize("source", ["ircc", "wg"])
def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_is_posted(client, source):
    response = client.post(form_url("en", source), VALID)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not StatusUpdate.objects.exists()


def test_the_detail_page_offers_each_form_only_to_those_who_may_use_it(client_for, ian, sam):
    html = client_for(ian).get("/en/recommendations/R1.1/").content.decode()
    assert "Post an IRCC update" in html and "Post an assessment" not in html
    html = client_for(sam).get("/en/recommendations/R1.1/").content.decode()
    assert "Post an IRCC update" not in html and "Post an assessment" not in html


@pytest.mark.parametrize(
    ("persona", "source", "role"),
    [
        ("ian", "ircc", "ircc_staff"),
        ("elodie", "wg", "editor"),
        ("alex", "ircc", "ircc_staff"),
        ("alex", "wg", "editor"),
    ],
)
def test_the_role_kept_with_an_update_is_the_one_it_was_posted_under(
    request, client_for, persona, source, role
):
    client_for(request.getfixturevalue(persona)).post(form_url("en", source), VALID)
    assert StatusUpdate.objects.get().author_role == role


def test_a_working_group_co_chair_may_post_assessments_but_not_irccs_updates(client_for, marie):
    from workinggroup.models import MemberProfile, WorkingGroupRole

    MemberProfile.objects.create(user=marie, wg_role=WorkingGroupRole.CO_CHAIR)
    client = client_for(marie)
    assert client.post(form_url("fr", "wg"), VALID).status_code == 302
    assert client.post(form_url("fr", "ircc"), VALID).status_code == 403
    update = StatusUpdate.objects.get()
    assert (update.source, update.author_role) == ("wg", "co_chair")
    html = client.get("/en/recommendations/R1.1/").content.decode()
    assert "Posted on" in html and "by Working-group co-chair" in html


def test_other_working_group_seats_may_not_post_assessments(client_for, marie):
    from workinggroup.models import MemberProfile, WorkingGroupRole

    MemberProfile.objects.create(user=marie, wg_role=WorkingGroupRole.SECTOR_REPRESENTATIVE)
    assert client_for(marie).post(form_url("en", "wg"), VALID).status_code == 403
    assert not StatusUpdate.objects.exists()
