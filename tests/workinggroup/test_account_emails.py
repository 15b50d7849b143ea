"""allauth's emails are the portal's: its name (never a blank « c'est  ! »), Canadian French, the
sender named in the recipient's language, and links in that same language (docs/french-style.md
§4: the account's language wins over the page's)."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from lib.typography import french_problems
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def _sign_up(client, language, email):
    path = "/fr/comptes/inscription/" if language == "fr" else "/en/accounts/signup/"
    client.post(path, {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def test_sign_up_email_in_french_names_the_portal(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "fr", "nouvelle@example.org")
    (email,) = mail.outbox
    assert email.subject == "Confirmez votre adresse courriel"
    assert "Bonjour! Ici le Portail des petits centres." in email.body
    assert "Merci d’utiliser le Portail des petits centres!" in email.body
    assert "c'est  !" not in email.body and "e-mail" not in email.body
    assert "/fr/comptes/" in email.body
    assert email.from_email.startswith("Portail des petits centres <")
    assert french_problems(email.subject + "\n" + email.body) == []


def test_sign_up_email_in_english_names_the_portal(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "en", "new@example.org")
    (email,) = mail.outbox
    assert "Hello from Small Centres Portal!" in email.body
    assert "Thank you for using Small Centres Portal!" in email.body
    assert "Hello from !" not in email.body
    assert "/en/accounts/" in email.body
    assert email.from_email.startswith("Small Centres Portal <")


def test_reset_asked_from_a_french_page_follows_the_account_language(
    client, sam, django_capture_on_commit_callbacks
):
    """Sam's account is in English: the email and its link are English, not a mix."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/comptes/mot-de-passe/reinitialiser/", {"email": sam.email})
    (email,) = mail.outbox
    assert "password" in email.subject.lower()
    assert "Small Centres Portal" in email.body
    link = re.search(r"https?://\S+", email.body.split("Hello from", 1)[1]).group(0)
    assert "/en/accounts/password/reset/key/" in link
    assert "/fr/" not in email.body


def test_reset_for_a_french_account_is_french_with_french_links(
    client, marie, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/accounts/password/reset/", {"email": marie.email})
    (email,) = mail.outbox
    assert email.subject == "Courriel de réinitialisation de mot de passe"
    assert "Portail des petits centres" in email.body
    assert "/fr/comptes/mot-de-passe/reinitialiser/cle/" in email.body
    assert french_problems(email.subject + "\n" + email.body) == []
