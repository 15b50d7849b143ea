"""The last hostile inputs of issue 17: limits that answer 429 the portal's way, a sign-in
lockout that a shared office does not trip, headers, the CSRF page, security.txt, and titles or
names that hide or reorder text."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.test import Client

from tests.conftest import PASSWORD, assert_too_many, make_user
from workinggroup import roles

pytestmark = pytest.mark.django_db

LOGIN = {"en": "/en/accounts/login/", "fr": "/fr/comptes/connexion/"}


@pytest.fixture(autouse=True)
def _empty_counts():
    cache.clear()  # limits are counted in the cache: each test starts from zero


def sign_in(client, email, password, language="en"):
    return client.post(LOGIN[language], {"login": email, "password": password})


def test_sign_up_flood_answers_429_in_french_with_the_address_kept(client):
    for n in range(20):
        client.post("/fr/comptes/inscription/", {"email": f"bot{n}@example.org"})
    response = client.post("/fr/comptes/inscription/", {"email": "vraie.personne@example.org"})
    assert_too_many(response, "fr", 'value="vraie.personne@example.org"')


def test_password_reset_flood_answers_429_with_retry_after(client, sam):
    for _ in range(5):
        client.post("/en/accounts/password/reset/", {"email": sam.email})
    response = client.post("/en/accounts/password/reset/", {"email": sam.email})
    assert_too_many(response, "en", sam.email)
    assert int(response["Retry-After"]) <= 60


def test_downloads_over_their_limit_answer_429_not_403(client, settings):
    url = "/fr/donnees-ouvertes/pratiques-prometteuses.csv"
    for _ in range(20):
        client.get(url)
    response = client.get(url)
    assert_too_many(response, "fr")
    assert int(response["Retry-After"]) <= 60


def test_failures_from_a_shared_address_never_lock_out_a_colleague_with_two_steps(client, ian):
    TOTP.activate(ian, generate_totp_secret())
    for n in range(30):  # a noisy neighbour on the office's one public address
        sign_in(Client(), f"someone{n}@example.org", "wrong-password-123")
    response = sign_in(client, ian.email, PASSWORD)
    assert response.status_code == 302
    assert "/2fa/authenticate/" in response.url  # on to the second step, not refused


def test_failures_on_one_account_lock_it_with_429_but_not_the_others(client, sam, marie):
    for _ in range(5):
        sign_in(client, sam.email, "wrong-password-123")
    locked = sign_in(client, sam.email, PASSWORD, "fr")
    page = assert_too_many(locked, "fr", sam.email)
    assert PASSWORD not in page  # a password is never written back into a page
    assert not locked.wsgi_request.user.is_authenticated
    assert sign_in(Client(), marie.email, PASSWORD).status_code == 302  # a colleague signs in


def test_successes_are_not_counted(client, sam):
    for _ in range(40):
        assert sign_in(Client(), sam.email, PASSWORD).status_code == 302


def test_one_password_per_sign_in_before_setting_up_two_steps(client, settings):
    settings.MFA_REQUIRED = True
    editor = make_user("new.editor@example.org", roles.EDITOR)
    response = sign_in(client, editor.email, PASSWORD)
    assert response.status_code == 302
    setup = client.get("/en/accounts/2fa/totp/activate/")
    assert setup.status_code == 200  # no "Confirm Access" right after signing in
    assert "secret" in setup.content.decode().lower()


def test_every_page_says_which_browser_features_it_never_uses(client):
    policy = client.get("/en/")["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


@pytest.mark.parametrize("url", ["/en/profile/", "/en/my-data/", "/en/working-group/contacts/"])
def test_personal_pages_are_private_to_caches(client_for, marie, url):
    response = client_for(marie).get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_public_pages_for_visitors_are_not_marked_private(client):
    assert "private" not in client.get("/en/").get("Cache-Control", "")


def test_a_refused_form_shows_the_portals_page_in_french(sam):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sam)
    response = client.post("/fr/profil/", {"first_name": "Sam"})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="fr">' in page
    assert "Le formulaire n’a pas pu être envoyé" in page
    assert "style=" not in page  # nothing the CSP would block


def test_security_txt_says_where_to_report(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert text.startswith("Contact: mailto:")
    assert "Expires: 20" in text and "Preferred-Languages: en, fr" in text


@pytest.mark.parametrize(
    ("first_name", "message"),
    [
        ("\u200b\u200b\u200d", "invisible characters show nothing"),
        ("Alice\u202eecila", "direction-changing characters"),
    ],
)
def test_display_names_that_hide_or_reverse_text_are_refused(client_for, sam, first_name, message):
    response = client_for(sam).post(
        "/en/profile/",
        {"first_name": first_name, "last_name": "Smith", "preferred_language": "en",
         "affiliation": "organization", "email_visibility": "hidden",
         "phone_visibility": "hidden", "digest_frequency": "off", "digest_weekday": "0"},
    )  # fmt: skip
    assert response.status_code == 200
    assert message in response.content.decode()
    sam.refresh_from_db()
    assert sam.first_name == ""


def test_names_in_arabic_and_syllabics_are_welcome(client_for, sam):
    response = client_for(sam).post(
        "/en/profile/",
        {"first_name": "ᐊᐳᑎ", "last_name": "حداد", "preferred_language": "en",
         "affiliation": "organization", "email_visibility": "hidden",
         "phone_visibility": "hidden", "digest_frequency": "off", "digest_weekday": "0"},
    )  # fmt: skip
    assert response.status_code == 302
    sam.refresh_from_db()
    assert (sam.first_name, sam.last_name) == ("ᐊᐳᑎ", "حداد")
