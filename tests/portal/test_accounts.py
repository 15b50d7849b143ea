import re

import pytest
from django.core import mail
from django.core.cache import cache

from tests.conftest import PASSWORD
from workinggroup import roles
from workinggroup.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def sign_up(client, language, email):
    path = "/fr/comptes/inscription/" if language == "fr" else "/en/accounts/signup/"
    return client.post(path, {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def test_sign_up_gives_the_sector_user_role_only(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "en", "new@example.org")
    user = User.objects.get(email="new@example.org")
    assert roles.roles_of(user) == {roles.SECTOR_USER}


def test_confirmation_email_is_in_the_language_signed_up_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "fr", "nouvelle@example.org")
    assert User.objects.get(email="nouvelle@example.org").preferred_language == "fr"
    assert len(mail.outbox) == 1
    assert "Confirmez" in mail.outbox[0].subject
    assert "/fr/comptes/" in mail.outbox[0].body


def test_confirming_the_email_then_signing_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "en", "new@example.org")
    link = re.search(r"http://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "new@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/en/").context["user"].is_authenticated


def test_wrong_password_does_not_reveal_whether_the_account_exists(client, sam):
    known = client.post("/en/accounts/login/", {"login": sam.email, "password": "wrong-one-123"})
    unknown = client.post(
        "/en/accounts/login/", {"login": "nobody@example.org", "password": "wrong-one-123"}
    )
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors


def test_sign_in_is_rate_limited_after_repeated_failures(client, sam):
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": sam.email, "password": "wrong-one-123"})
    response = client.post("/en/accounts/login/", {"login": sam.email, "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert not response.wsgi_request.user.is_authenticated


def test_french_sign_in_page_is_in_french(client):
    page = client.get("/fr/comptes/connexion/").content.decode()
    assert '<html lang="fr">' in page
    assert "Connexion" in page


def test_two_factor_setup_asks_for_the_password_again_then_shows_the_secret(client, ian):
    client.force_login(ian)
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert "/reauthenticate/" in response.url
    client.post(response.url, {"password": PASSWORD})
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    assert "secret" in response.content.decode().lower()


def test_sign_out_needs_a_post(client, sam):
    client.force_login(sam)
    client.get("/en/accounts/logout/")
    assert client.get("/en/").context["user"].is_authenticated
    client.post("/en/accounts/logout/")
    assert not client.get("/en/").context["user"].is_authenticated


def test_french_account_addresses_are_in_french_and_the_old_ones_still_work(client, sam):
    client.force_login(sam)
    page = client.get("/fr/comptes/adresses-courriel/")
    assert page.status_code == 200
    assert '"/en/accounts/email/"' in page.content.decode()  # the language toggle
    assert client.get("/fr/comptes/email/").status_code == 200  # allauth's own, for old links
    two_step = client.get("/fr/comptes/verification-deux-etapes/")
    assert two_step.status_code == 200
    assert '"/en/accounts/2fa/"' in two_step.content.decode()
    assert client.get("/fr/comptes/2fa/").status_code == 200
    client.logout()
    assert client.get("/fr/comptes/connexion/code/").status_code == 200
