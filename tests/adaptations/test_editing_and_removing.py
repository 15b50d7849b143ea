"""An author changes or removes their own adaptation; editors remove any; nobody else can."""

import pytest
from django.urls import reverse
from django.utils import translation

from adaptations.models import Adaptation, recount, remove_adaptation
from practices.models import PromisingPractice, Status
from tests.adaptations.conftest import adapt, count_of, form_data, organization, url_in
from tests.conftest import make_user
from workinggroup import roles


def edit_url(adaptation, language="en"):
    with translation.override(language):
        return reverse("adaptations:edit", kwargs={"pk": adaptation.pk})


def delete_url(adaptation, language="en"):
    with translation.override(language):
        return reverse("adaptations:delete", kwargs={"pk": adaptation.pk})


@pytest.fixture
def adaptation(nadia, swim):
    return adapt(swim, nadia, changes="Sunday mornings.")


@pytest.fixture
def colleague(seeded):
    """Someone else at the same organization: still not the author."""
    return make_user(
        "colleague@example.org", roles.MEMBER, organization=organization("sm-bulkley-valley")
    )


def test_the_author_sees_edit_and_remove_links_others_do_not(
    client_for, client, adaptation, swim, colleague
):
    own = client_for(adaptation.author).get(url_in(swim, "en")).content.decode()
    assert f'href="{edit_url(adaptation)}"' in own
    assert f'href="{delete_url(adaptation)}"' in own
    other = client_for(colleague).get(url_in(swim, "en")).content.decode()
    assert edit_url(adaptation) not in other
    assert delete_url(adaptation) not in other


def test_the_author_edits_their_adaptation(client_for, adaptation, swim):
    client = client_for(adaptation.author)
    form = client.get(edit_url(adaptation)).content.decode()
    assert "Sunday mornings." in form
    assert 'name="organization"' not in form

    response = client.post(
        edit_url(adaptation), form_data(changes="Saturday mornings.", would_recommend="no")
    )

    assert response.status_code == 302
    adaptation.refresh_from_db()
    assert (adaptation.changes, adaptation.would_recommend) == ("Saturday mornings.", "no")
    assert count_of(swim) == 1


def test_an_edit_with_a_missing_answer_is_refused_and_kept(client_for, adaptation):
    response = client_for(adaptation.author).post(
        edit_url(adaptation), form_data(changes="Kept edit.", outcome="")
    )
    assert response.status_code == 400
    assert "Kept edit." in response.content.decode()
    adaptation.refresh_from_db()
    assert adaptation.changes == "Sunday mornings."


@pytest.mark.parametrize("persona", ["colleague", "elodie", "alex"])
def test_nobody_else_may_edit_it(client_for, adaptation, persona, request):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(edit_url(adaptation)).status_code == 403
    assert client.post(edit_url(adaptation), form_data(changes="Taken over.")).status_code == 403
    adaptation.refresh_from_db()
    assert adaptation.changes == "Sunday mornings."


def test_editing_needs_signing_in(client, adaptation):
    response = client.post(edit_url(adaptation), form_data(changes="Anonymous."))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_an_unknown_adaptation_is_not_found(client_for, nadia):
    client = client_for(nadia)
    assert client.get("/en/adaptations/999999/edit/").status_code == 404
    assert client.post("/en/adaptations/999999/remove/").status_code == 404


def test_an_adaptation_of_a_practice_taken_offline_cannot_be_edited(client_for, adaptation, swim):
    PromisingPractice.objects.filter(pk=swim.pk).update(status=Status.ARCHIVED)
    assert client_for(adaptation.author).get(edit_url(adaptation)).status_code == 404


def test_the_author_removes_their_adaptation_after_confirming(client_for, adaptation, swim):
    client = client_for(adaptation.author)
    confirm = client.get(delete_url(adaptation))
    assert confirm.status_code == 200
    assert Adaptation.objects.filter(pk=adaptation.pk).exists()

    page = client.post(delete_url(adaptation), follow=True).content.decode()

    assert not Adaptation.objects.exists()
    assert count_of(swim) == 0
    assert "The adaptation is removed." in page
    assert "Adaptations (0)" in page


@pytest.mark.parametrize("persona", ["elodie", "alex"])
def test_editors_remove_any_adaptation(client_for, adaptation, swim, persona, request):
    editor = request.getfixturevalue(persona)
    page = client_for(editor).get(url_in(swim, "fr")).content.decode()
    assert f'href="{delete_url(adaptation, "fr")}"' in page
    assert client_for(editor).post(delete_url(adaptation, "fr")).status_code == 302
    assert count_of(swim) == 0


@pytest.mark.parametrize("persona", ["colleague", "marie", "ian"])
def test_nobody_else_may_remove_it(client_for, adaptation, swim, persona, request):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(delete_url(adaptation)).status_code == 403
    assert client.post(delete_url(adaptation)).status_code == 403
    assert count_of(swim) == 1


def test_the_count_never_goes_below_zero_nor_counts_a_removal_twice(nadia, swim):
    adaptation = adapt(swim, nadia)
    assert remove_adaptation(adaptation) is True
    assert remove_adaptation(adaptation) is False
    assert count_of(swim) == 0


def test_recount_repairs_a_count_that_drifted(nadia, swim):
    adapt(swim, nadia, changes="One.")
    adapt(swim, nadia, changes="Two.")
    PromisingPractice.objects.filter(pk=swim.pk).update(adaptation_count=7)
    recount()
    assert count_of(swim) == 2
