import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html lang="([a-z]+)"', response.content.decode()).group(1)


def test_root_redirects_by_accept_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9").url == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-CA,en;q=0.9").url == "/en/"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_home_is_in_the_language_of_its_url(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert html_lang(response) == language


def test_home_title_is_translated(client):
    assert "Portail des petits centres" in client.get("/fr/").content.decode()
    assert "Small Centres Portal" in client.get("/en/").content.decode()


def test_paths_are_translated():
    with translation.override("en"):
        assert reverse("account_login") == "/en/accounts/login/"
        assert reverse("about") == "/en/about/"
    with translation.override("fr"):
        assert reverse("account_login") == "/fr/comptes/connexion/"
        assert reverse("about") == "/fr/a-propos/"


@pytest.mark.parametrize(
    ("url", "other"),
    [
        ("/en/", "/fr/"),
        ("/fr/", "/en/"),
        ("/en/accounts/login/", "/fr/comptes/connexion/"),
        ("/fr/comptes/connexion/", "/en/accounts/login/"),
        ("/en/about/", "/fr/a-propos/"),
    ],
)
def test_language_toggle_lands_on_the_same_page(client, url, other):
    page = client.get(url).content.decode()
    assert re.search(rf'<a href="{re.escape(other)}" lang="[a-z]+" hreflang=', page)
    assert f'<link rel="alternate" hreflang="{other[1:3]}" href="{other}">' in page


def test_toggle_keeps_the_query_string(client):
    page = client.get("/en/about/?q=swim").content.decode()
    assert 'href="/fr/a-propos/?q=swim"' in page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_has_one_h1_and_a_skip_link(client, language):
    for name in ["home", "account_login", "about", "accessibility", "privacy", "terms"]:
        with translation.override(language):
            url = reverse(name)
        page = client.get(url).content.decode()
        assert page.count("<h1") == 1, url
        assert 'href="#main"' in page and 'id="main"' in page, url


def test_unknown_page_gives_404_in_the_language_of_the_url(client):
    response = client.get("/fr/nulle-part/")
    assert response.status_code == 404
    assert html_lang(response) == "fr"
    assert "Page introuvable" in response.content.decode()


def test_bad_language_prefix_gives_404_in_default_language(client):
    response = client.get("/de/praktiken/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert html_lang(response) == "en"
    assert "Page not found" in response.content.decode()


def test_toggle_takes_next_to_the_other_language(client):
    """parity.md P5: signing in from the toggled page keeps the person in the chosen language."""
    with translation.override("en"):
        profile_en = reverse("profile")
    with translation.override("fr"):
        profile_fr = reverse("profile")
    page = client.get(f"/fr/comptes/connexion/?next={profile_fr}").content.decode()
    assert f'href="/en/accounts/login/?next={profile_en}"' in page


def test_toggle_keeps_the_query_string_of_pages_with_their_own_alternates(rf):
    """parity.md P6: pages with translated slugs (explicit alternates) keep ?page=2 too."""
    from lib.language import page_in_language  # the function under test, not a page

    request = rf.get("/fr/discussions/categories/pratiques/?page=2")
    request.alternate_urls = {"en": "/en/discussions/categories/practices/"}
    assert page_in_language(request, "en") == "/en/discussions/categories/practices/?page=2"


@pytest.mark.parametrize(
    ("url", "words"),
    [("/en/", "the status updates shown here are made up"), ("/fr/", "mises à jour de statut")],
)
def test_the_demo_notice_says_the_status_updates_are_made_up(client, settings, url, words):
    settings.DEMO_DATA_NOTICE = True
    assert words in client.get(url).content.decode()


ACCOUNT_PAGES = [
    "account_login", "account_logout", "account_signup", "account_email",
    "account_change_password", "account_set_password", "account_reset_password",
    "account_reset_password_done", "account_email_verification_sent", "account_reauthenticate",
    "account_request_login_code", "account_confirm_login_code", "account_inactive",
    "mfa_index", "mfa_activate_totp", "mfa_view_recovery_codes",
]  # fmt: skip


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_pages_have_french_addresses(name):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("fr"):
        path = reverse(name)
    english = {"accounts", "login", "logout", "signup", "email", "password", "change", "set",
               "reset", "done", "confirm", "reauthenticate", "inactive", "2fa", "totp",
               "activate", "recovery-codes"}  # fmt: skip
    assert path.startswith("/fr/comptes/")
    assert not english & set(path.strip("/").split("/")), path
