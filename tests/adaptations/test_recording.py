"""Recording an adaptation of a practice: who may, for which organization, and every bad input."""

import pytest
from django.urls import reverse
from django.utils import translation

from adaptations.models import Adaptation
from notifications.models import Notification
from practices.models import Status
from submissions.models import Kind, Submission
from tests.adaptations.conftest import (
    adapt,
    count_of,
    form_data,
    make_practice,
    organization,
    stored,
    url_in,
)
from tests.conftest import assert_too_many, make_user
from workinggroup import roles


def new_url(practice, language="en"):
    with translation.override(language):
        return reverse("adaptations:new", kwargs={"pk": practice.pk})


def test_a_worker_records_an_adaptation_and_sees_it_on_the_practice_page(client_for, nadia, swim):
    client = client_for(nadia)
    form_page = client.get(new_url(swim)).content.decode()
    assert "Bulkley Valley Newcomer Centre" in form_page  # recorded for their organization
    assert '<label for="id_changes">What did you change to fit local realities?</label>' in (
        form_page
    )

    response = client.post(
        new_url(swim), form_data(community=_community_id("Smithers")), follow=True
    )

    adaptation = Adaptation.objects.get()
    assert response.redirect_chain[-1][0].endswith(f"#adaptation-{adaptation.pk}")
    assert adaptation.organization.slug == "sm-bulkley-valley"
    assert adaptation.author == nadia
    assert count_of(swim) == 1
    page = response.content.decode()
    assert "your adaptation is recorded" in page
    assert "Adaptations (1)" in page
    assert f'id="adaptation-{adaptation.pk}"' in page
    assert "Smithers, BC" in page
    assert "<strong>Sunday mornings</strong>" in page  # Markdown, rendered
    assert "Yes, with changes" in page


def test_a_francophone_records_in_french_and_reads_everything_in_french(client_for, luc, swim):
    client = client_for(luc)
    form_page = client.get(new_url(swim, "fr")).content.decode()
    assert "Qu’avez-vous changé pour tenir compte des réalités locales?" in form_page
    french = 'value="fr" id="id_language_1" required checked> <label for="id_language_1">Français'
    assert french in form_page  # they write in the page's language unless they say otherwise

    data = form_data(
        changes="Nous avons réservé la piscine le dimanche.",
        outcome="Douze femmes sont venues.",
        language="fr",
        would_recommend="yes",
    )
    page = client.post(new_url(swim, "fr"), data, follow=True).content.decode()

    assert Adaptation.objects.get().language == "fr"
    assert "votre adaptation est enregistrée" in page
    assert "Adaptations (1)" in page
    assert "L’organisme la recommanderait-il?" in page


def test_an_adaptation_written_in_the_other_language_is_marked_as_such(client, nadia, swim):
    adapt(swim, nadia, changes="Le dimanche matin.", outcome="Bien.", language="fr")
    page = client.get(url_in(swim, "en")).content.decode()
    assert "Written in French" in page
    assert '<div lang="fr"><p>Le dimanche matin.</p></div>' in page


def test_adaptations_are_shown_newest_first_with_organization_and_community(client, nadia, swim):
    kamloops = make_user(
        "kim@example.org", roles.SECTOR_USER, organization=organization("ka-two-rivers")
    )
    adapt(swim, nadia, changes="First one.")
    adapt(swim, kamloops, community=_community("Kamloops"), changes="Second one.")
    page = client.get(url_in(swim, "en")).content.decode()
    assert page.index("Second one.") < page.index("First one.")
    assert "Two Rivers Newcomer Society</a> · Kamloops, BC" in page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_visitors_who_are_not_signed_in_are_invited_to_sign_in(client, swim, language):
    page = client.get(url_in(swim, language)).content.decode()
    login = "/en/accounts/login/" if language == "en" else "/fr/comptes/connexion/"
    assert f'href="{login}?next=' in page

    response = client.post(new_url(swim, language), form_data())
    assert response.status_code == 302
    assert response.url.startswith(login)
    assert stored() == 0


@pytest.mark.parametrize(
    "language, told",
    [
        ("en", "ask to join your organization"),
        ("fr", "demandez d’abord à rejoindre votre organisme"),
    ],
)
def test_someone_without_an_organization_is_sent_to_their_profile(client_for, swim, language, told):
    person = make_user("solo@example.org", roles.SECTOR_USER, language=language)
    client = client_for(person)
    with translation.override(language):
        profile = reverse("my_organizations")

    practice_page = client.get(url_in(swim, language)).content.decode()
    assert told in practice_page.lower()
    assert f'href="{profile}"' in practice_page
    form_page = client.get(new_url(swim, language)).content.decode()
    assert f'href="{profile}"' in form_page
    assert 'name="changes"' not in form_page  # nothing to type that could not be saved

    response = client.post(new_url(swim, language), form_data(changes="Kept text."))
    assert response.status_code == 400
    assert stored() == 0
    page = response.content.decode()
    assert "Kept text." in page  # nothing typed is lost
    assert ("Ask to join yours" if language == "en" else "Demandez à rejoindre le vôtre") in page


@pytest.mark.parametrize(
    "language, refused",
    [
        ("en", "You can record an adaptation only for an organization you are an approved"),
        ("fr", "Vous ne pouvez enregistrer une adaptation que pour un organisme dont vous"),
    ],
)
def test_an_adaptation_on_behalf_of_another_organization_is_refused(
    client_for, nadia, swim, language, refused
):
    other = organization("ka-two-rivers")
    response = client_for(nadia).post(
        new_url(swim, language), form_data(organization=other.pk, changes="Kept text.")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert refused in page
    assert "Kept text." in page
    assert stored() == 0
    assert count_of(swim) == 0


@pytest.mark.parametrize(
    "language, messages",
    [
        ("en", ["Say what you changed", "Say how it went", "Say whether you would recommend"]),
        ("fr", ["Dites ce que vous avez changé", "Dites comment", "Dites si vous recommanderiez"]),
    ],
)
def test_missing_answers_are_named_in_the_users_language(
    client_for, nadia, swim, language, messages
):
    response = client_for(nadia).post(
        new_url(swim, language), {"changes": "", "outcome": " ", "language": language}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary" role="alert"' in page
    for message in messages:
        assert message in page
    assert 'aria-invalid="true"' in page
    assert stored() == 0


@pytest.mark.parametrize(
    "language, message",
    [("en", "characters long; the limit is 5000"), ("fr", "caractères; la limite est de 5000")],
)
def test_over_long_text_is_refused_and_kept(client_for, nadia, swim, language, message):
    long_text = "Snow " * 1001  # 5005 characters
    response = client_for(nadia).post(new_url(swim, language), form_data(outcome=long_text))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page.replace("\u202f", " ").replace("&nbsp;", " ")
    assert long_text.strip() in page
    assert stored() == 0


def test_script_tags_are_removed_when_shown(client_for, client, nadia, swim):
    client_for(nadia).post(
        new_url(swim),
        form_data(
            changes='<script>alert("x")</script>We **changed** the day.',
            outcome='<img src=x onerror="alert(1)">[link](javascript:alert(1)) Fine.',
        ),
    )
    client.logout()
    page = client.get(url_in(swim, "en")).content.decode()
    box = page[page.index('id="adaptations-heading"') :]
    assert "<script>alert" not in box
    assert "onerror" not in box
    assert "javascript:" not in box
    assert "<strong>changed</strong>" in box


@pytest.mark.parametrize("status", [Status.DRAFT, Status.ARCHIVED])
def test_a_practice_that_is_not_published_takes_no_adaptation(client_for, nadia, seeded, status):
    hidden = make_practice(title_en="Not public", status=status)
    client = client_for(nadia)
    assert client.get(new_url(hidden)).status_code == 404
    assert client.post(new_url(hidden), form_data()).status_code == 404
    assert client.get(f"/en/adaptations/practice/{hidden.pk}/").status_code == 404
    assert stored() == 0


def test_a_double_submit_is_stored_once(client_for, nadia, swim):
    client = client_for(nadia)
    first = client.post(new_url(swim), form_data())
    second = client.post(new_url(swim), form_data(), follow=True)
    assert first.status_code == 302
    assert stored() == 1
    assert count_of(swim) == 1
    assert "already recorded; it was not recorded twice" in second.content.decode()


def test_the_same_text_a_minute_later_is_a_new_adaptation(client_for, nadia, swim):
    import time_machine
    from django.utils import timezone

    client = client_for(nadia)
    client.post(new_url(swim), form_data())
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=2)):
        client.post(new_url(swim), form_data())
    assert stored() == 2


@pytest.mark.parametrize("language", ["en", "fr"])
def test_more_than_ten_adaptations_an_hour_are_refused_and_the_text_kept(
    client_for, nadia, seeded, language
):
    client = client_for(nadia)
    practices = [make_practice(title_en=f"Practice {n}") for n in range(11)]
    for practice in practices[:10]:
        assert client.post(new_url(practice, language), form_data()).status_code == 302
    response = client.post(new_url(practices[10], language), form_data(changes="Kept text."))
    assert_too_many(response, language, "Kept text.")
    assert stored() == 10


def _community(name):
    from workinggroup.models import Community

    return Community.objects.get(name=name)


def _community_id(name):
    return _community(name).pk


def test_whoever_shared_the_practice_hears_of_an_adaptation(nadia, luc, swim, client_for):
    """Issue 16: adaptations of my practices in the notification centre."""
    Submission.objects.create(author=luc, practice=swim, kind=Kind.NEW, state=Status.PUBLISHED)
    adaptation = adapt(swim, nadia)
    note = Notification.objects.get(recipient=luc)
    assert (note.kind, note.actor, note.target) == ("adaptation", nadia, swim)
    with translation.override("fr"):
        assert note.target_url() == f"{swim.get_absolute_url()}#adaptation-{adaptation.pk}"
    page = client_for(luc).get("/fr/notifications/").content.decode()
    assert "Nadia a consigné une adaptation de votre pratique" in page
    assert not Notification.objects.filter(recipient=nadia).exists()
