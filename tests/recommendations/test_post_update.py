"""Posting an update: what is accepted, what is refused with a clear message, and corrections."""

import datetime

import pytest
import time_machine

from notifications.models import Notification
from recommendations.models import AppendOnlyError, Follow, Recommendation, StatusUpdate
from tests.recommendations.conftest import post

pytestmark = pytest.mark.django_db

URL = "/en/recommendations/R1.1/ircc-update/"
URL_FR = "/fr/recommandations/R1.1/mise-a-jour-ircc/"
VALID = {
    "status": "under_way",
    "effective_date": "2022-01-10",
    "note_en": "A draft definition went out for comment.",
    "note_fr": "",
    "evidence_links": "",
}


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC), tick=False):
        yield


def refused(client, data, url=URL):
    response = client.post(url, {**VALID, **data})
    assert response.status_code == 200
    assert not StatusUpdate.objects.exists(), "a refused update must leave the history unchanged"
    return response.content.decode()


def test_ian_posts_an_update_that_becomes_irccs_current_status(client_for, ian):
    response = client_for(ian).post(URL, {**VALID, "evidence_links": "https://example.ca/a\n"})
    update = StatusUpdate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/recommendations/R1.1/#update-{update.pk}"
    assert update.author == ian and update.author_role == "ircc_staff"
    assert update.evidence_links == ["https://example.ca/a"]
    item = Recommendation.objects.get(code="R1.1")
    assert (item.ircc_status, item.ircc_status_date) == ("under_way", datetime.date(2022, 1, 10))
    assert item.wg_status == ""


def test_a_status_outside_the_vocabulary_is_refused(client_for, ian):
    html = refused(client_for(ian), {"status": "done-ish"})
    assert "Choose one of the statuses in the list." in html


def test_an_effective_date_in_the_future_is_refused(client_for, ian):
    html = refused(client_for(ian), {"effective_date": "2024-06-16"})
    assert "The effective date cannot be in the future." in html


def test_today_is_an_acceptable_effective_date(client_for, ian):
    client_for(ian).post(URL, {**VALID, "effective_date": "2024-06-15"})
    assert StatusUpdate.objects.count() == 1


def test_an_effective_date_before_the_report_is_refused(client_for, ian):
    html = refused(client_for(ian), {"effective_date": "2021-07-31"})
    assert "cannot be before the report (August 1, 2021)" in html


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "ftp://example.ca/file", "example.ca", "mailto:a@b.ca"]
)
def test_an_evidence_link_that_is_not_http_is_refused(client_for, ian, link):
    html = refused(client_for(ian), {"evidence_links": f"https://ok.ca\n{link}"})
    assert "is not a web address starting with https:// or http://" in html


def test_a_note_missing_in_both_languages_is_refused_and_tied_to_its_field(client_for, ian):
    html = refused(client_for(ian), {"note_en": "  ", "note_fr": ""})
    assert 'id="id_note_en_error"' in html
    assert 'aria-describedby="id_note_en_error"' in html
    assert "Write the progress note in English, French or both." in html
    assert 'class="error-summary"' in html and 'href="#id_note_en"' in html


def test_implemented_needs_an_evidence_link(client_for, ian):
    html = refused(client_for(ian), {"status": "implemented"})
    assert "“Implemented” needs at least one evidence link" in html


def test_refusals_are_explained_in_french_on_the_french_form(client_for, ian):
    html = refused(client_for(ian), {"effective_date": "2030-01-01"}, url=URL_FR)
    assert "La date d’entrée en vigueur ne peut pas être postérieure à aujourd’hui." in html
    assert 'lang="fr"' in html


def test_what_was_typed_is_kept_when_the_form_is_refused(client_for, ian):
    html = refused(client_for(ian), {"status": "implemented", "note_en": "Kept note"})
    assert "Kept note" in html


def test_a_correction_is_a_new_entry_and_the_earlier_one_stays_visible(client_for, ian, item):
    wrong = post(item("R1.1"), status="implemented", evidence_links=["https://x.ca"])
    client = client_for(ian)
    form = client.get(f"{URL}?corrects={wrong.pk}").content.decode()
    assert "You are correcting the entry posted on" in form
    client.post(URL, {**VALID, "corrects": wrong.pk})
    assert StatusUpdate.objects.count() == 2
    correction = StatusUpdate.objects.get(corrects=wrong)
    page = client.get("/en/recommendations/R1.1/").content.decode()
    assert f'id="update-{wrong.pk}"' in page and "Corrected by" in page
    assert f'id="update-{correction.pk}"' in page
    assert Recommendation.objects.get(code="R1.1").ircc_status == "under_way"


def test_an_entry_cannot_be_corrected_twice_nor_across_voices(client_for, ian, elodie, item):
    wrong = post(item("R1.1"), status="planned")
    client_for(ian).post(URL, {**VALID, "corrects": wrong.pk})
    assert client_for(ian).post(URL, {**VALID, "corrects": wrong.pk}).status_code == 404
    other = post(item("R1.1"), status="planned")
    wg_url = "/en/recommendations/R1.1/assessment/"
    assert client_for(elodie).post(wg_url, {**VALID, "corrects": other.pk}).status_code == 404
    assert StatusUpdate.objects.count() == 3


def test_updates_cannot_be_edited_or_deleted_in_code_either(item):
    update = post(item("R1.1"))
    update.status = "implemented"
    with pytest.raises(AppendOnlyError):
        update.save()
    with pytest.raises(AppendOnlyError):
        update.delete()
    with pytest.raises(AppendOnlyError):
        StatusUpdate.objects.filter(pk=update.pk).update(status="stalled")
    with pytest.raises(AppendOnlyError):
        StatusUpdate.objects.all().delete()
    assert StatusUpdate.objects.get().status == "under_way"


@pytest.mark.parametrize("value", ["²", "٣", "9" * 30, "9" * 5000, "1\x00", "-1"])
def test_a_hostile_corrects_parameter_is_not_found(client_for, ian, value):
    assert client_for(ian).get(URL, {"corrects": value}).status_code == 404


def test_followers_find_a_status_update_in_their_notification_centre(item, marie, ian, client_for):
    """Issue 16: status changes of the recommendations I follow, in the notification centre."""
    recommendation = item("R1.1")
    Follow.objects.create(user=marie, recommendation=recommendation)
    update = post(recommendation, author=ian)
    note = Notification.objects.get()
    assert (note.recipient, note.kind, note.actor) == (marie, "recommendation_status", ian)
    opened = client_for(marie).get(f"/en/notifications/{note.pk}/")
    assert opened["Location"] == f"/en/recommendations/R1.1/#update-{update.pk}"
    page = client_for(marie).get("/fr/notifications/").content.decode()
    assert "Nouvelle mise à jour du statut de" in page
