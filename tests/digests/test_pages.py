"""Unsubscribing from an email without signing in, and the digest's settings page."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from digests.emails import unsubscribe_token
from digests.models import DigestPreferences
from workinggroup.models import MemberProfile


def url(name, language, token):
    with translation.override(language):
        return reverse(f"digests:{name}", args=[token])


def frequency(user):
    return MemberProfile.objects.get(user=user).digest_frequency


def one_h1(response):
    return len(re.findall(r"<h1[ >]", response.content.decode())) == 1


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize(
    ("language", "question", "weekly_button"),
    [
        ("en", "You get the digest every day.", "Send it once a week"),
        ("fr", "Vous recevez le résumé chaque jour.", "L’envoyer une fois par semaine"),
    ],
)
def test_opening_the_link_changes_nothing_and_offers_weekly_first(
    reader_en, client, language, question, weekly_button
):
    page = url("unsubscribe", language, unsubscribe_token(reader_en.pk))

    response = client.get(page)

    assert response.status_code == 200
    assert question in response.text
    assert weekly_button in response.text
    assert response.text.index(weekly_button) < response.text.index('value="off"')
    assert one_h1(response)
    assert frequency(reader_en) == "daily"


def test_link_in_a_french_digest_opens_a_french_page(reader_fr, client):
    page = url("unsubscribe", "fr", unsubscribe_token(reader_fr.pk))
    assert page.startswith("/fr/resume/desabonnement/")

    response = client.get(page)

    assert '<html lang="fr">' in response.text
    assert "un seul résumé par semaine, le lundi." in response.text
    # Issue 16, defect 9: « Plus de résumés » read as "more digests" as easily as "no more".
    assert "Ne plus recevoir de résumés" in response.text
    assert ">Plus de résumés<" not in response.text


def test_button_switches_a_daily_digest_to_weekly(reader_en, csrf_client):
    page = url("unsubscribe", "en", unsubscribe_token(reader_en.pk))

    response = csrf_client.post(page, {"choice": "weekly"})

    assert response.status_code == 200
    assert "once a week, on Monday" in response.text
    assert frequency(reader_en) == "weekly"


def test_button_stops_the_digest(reader_fr, csrf_client):
    page = url("unsubscribe", "fr", unsubscribe_token(reader_fr.pk))

    response = csrf_client.post(page, {"choice": "off"})

    assert "vous ne recevrez plus de résumé" in response.text
    assert frequency(reader_fr) == "off"


@pytest.mark.parametrize(
    ("language", "choice", "says"),
    [
        ("en", "weekly", "once a week, on Monday"),
        ("fr", "off", "vous ne recevrez plus de résumé"),
    ],
)
def test_the_buttons_work_with_cookies_blocked(reader_en, csrf_client, language, choice, says):
    """The signed token is the proof: no CSRF cookie, no session, no cookie at all."""
    page = url("unsubscribe", language, unsubscribe_token(reader_en.pk))

    opened = csrf_client.get(page)
    csrf_client.cookies.clear()  # whatever the page set, the browser refused it
    response = csrf_client.post(page, {"choice": choice})

    assert not opened.cookies, "the page sets no cookie"
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text
    assert says in response.text
    assert frequency(reader_en) == choice


def test_a_bad_link_pressed_with_cookies_blocked_gets_the_portals_page_in_french(
    reader_fr, csrf_client
):
    response = csrf_client.post(url("unsubscribe", "fr", "pas-un-jeton"), {"choice": "off"})

    assert response.status_code == 400
    assert '<html lang="fr"' in response.text
    assert "Ce lien ne fonctionne pas" in response.text
    assert frequency(reader_fr) == "daily"


def test_a_weekly_reader_is_offered_only_to_stop(reader_en, client):
    profile = reader_en.member_profile
    profile.digest_frequency, profile.digest_weekday = "weekly", 4
    profile.save()
    page = url("unsubscribe", "en", unsubscribe_token(reader_en.pk))

    response = client.get(page)
    assert "every week, on Friday" in response.text
    assert 'value="weekly"' not in response.text
    # Asking for weekly again by hand does not turn a weekly digest into anything but off.
    client.post(page, {"choice": "weekly"})
    assert frequency(reader_en) == "off"


def test_one_click_post_unsubscribes_at_once_without_csrf(reader_en, csrf_client):
    endpoint = url("one_click", "en", unsubscribe_token(reader_en.pk))

    response = csrf_client.post(
        endpoint,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert frequency(reader_en) == "off"


def test_opening_the_one_click_address_in_a_browser_only_shows_the_page(reader_en, client):
    token = unsubscribe_token(reader_en.pk)

    response = client.get(url("one_click", "en", token))

    assert response.status_code == 302
    assert response["Location"] == url("unsubscribe", "en", token)
    assert frequency(reader_en) == "daily"


@pytest.mark.parametrize("name", ["unsubscribe", "one_click"])
@pytest.mark.parametrize(
    "token",
    ["not-a-token", "MQ:1vGzJq:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x" * 300],
)
def test_a_tampered_link_gets_a_clear_page_and_changes_nothing(reader_en, client, name, token):
    response = client.post(url(name, "en", token), {"choice": "off"})

    assert response.status_code == 400
    assert "This link does not work" in response.text
    assert "not complete or not valid" in response.text
    assert frequency(reader_en) == "daily"


def test_someone_elses_signature_does_not_work(reader_en, client):
    from django.core import signing

    forged = signing.dumps(reader_en.pk, salt="discussions.unfollow")

    response = client.post(url("unsubscribe", "en", forged), {"choice": "off"})

    assert response.status_code == 400
    assert frequency(reader_en) == "daily"


def test_an_expired_link_says_so_in_the_members_language(reader_fr, client):
    with time_machine.travel(datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)):
        token = unsubscribe_token(reader_fr.pk)

    with time_machine.travel(datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)):
        response = client.get(url("unsubscribe", "fr", token))

    assert response.status_code == 400
    assert "Ce lien est trop ancien" in response.text
    assert one_h1(response)


def test_opening_the_link_of_someone_without_a_profile_creates_nothing(client, db):
    from tests.conftest import make_user

    user = make_user("noprofile@example.org")

    response = client.get(url("unsubscribe", "en", unsubscribe_token(user.pk)))

    assert "there is nothing to stop" in response.text
    assert not MemberProfile.objects.filter(user=user).exists()


def test_a_link_for_a_deleted_account_gets_the_clear_page(reader_en, client):
    token = unsubscribe_token(reader_en.pk)
    reader_en.delete()

    response = client.get(url("unsubscribe", "en", token))

    assert response.status_code == 400


# --- Settings -------------------------------------------------------------------------------


def test_settings_need_signing_in(client):
    response = client.get("/en/digest/settings/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/en/digest/settings/", "Your digest email"), ("/fr/resume/parametres/", "Votre résumé")],
)
def test_settings_page_in_both_languages(reader_en, client_for, path, heading):
    response = client_for(reader_en).get(path)

    assert response.status_code == 200
    assert heading in response.text
    assert one_h1(response)
    assert "Atlantic" in response.text or "Atlantique" in response.text


def test_member_chooses_regions_and_themes(reader_en, client_for):
    from practices.models import Theme
    from workinggroup.models import Region

    atlantic = Region.objects.get(code="atlantic")
    housing = Theme.objects.get(slug="housing")

    response = client_for(reader_en).post(
        "/en/digest/settings/", {"regions": [atlantic.pk], "themes": [housing.pk]}
    )

    assert response.status_code == 302
    preferences = DigestPreferences.objects.get(user=reader_en)
    assert list(preferences.regions.all()) == [atlantic]
    assert list(preferences.themes.all()) == [housing]


def test_settings_page_reports_an_unknown_choice(reader_en, client_for):
    response = client_for(reader_en).post("/en/digest/settings/", {"regions": ["999999"]})

    assert response.status_code == 200
    assert "error-summary" in response.text
    assert not DigestPreferences.objects.filter(user=reader_en).exists()


def test_profile_links_to_the_digest_settings(reader_en, client_for):
    response = client_for(reader_en).get("/en/profile/")

    assert "/en/digest/settings/" in response.text


# --- Admin ----------------------------------------------------------------------------------


def test_admin_shows_what_was_sent_to_whom_and_when(alex, reader_en, client_for):
    from digests.models import DigestDelivery

    DigestDelivery.objects.create(
        user=reader_en,
        period="daily",
        period_key="2026-01-07",
        window_start=datetime.datetime(2026, 1, 6, 5, tzinfo=datetime.UTC),
        window_end=datetime.datetime(2026, 1, 7, 5, tzinfo=datetime.UTC),
        status="sent",
        sent_at=datetime.datetime(2026, 1, 7, 11, 2, tzinfo=datetime.UTC),
        item_count=3,
    )

    alex.is_superuser = True  # as administrators invited through the portal are
    alex.save()

    response = client_for(alex).get("/en/admin/digests/digestdelivery/")

    assert response.status_code == 200
    assert "erin@example.org" in response.text
    assert "2026-01-07" in response.text
