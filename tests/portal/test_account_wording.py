"""The account pages (allauth's) speak like the rest of the portal: headings, buttons and the
<title> in sentence case, in English (allauth writes "Sign In", "Reset My Password": the portal's
English for them is in locale_libraries/en/) and in French.

A page is fetched as its reader meets it: signed out, signed in, halfway through a password reset
or a sign-in by code, and in the two-step verification pages with an authenticator app active.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ENGLISH_OVERRIDES = Path(settings.BASE_DIR) / "locale_libraries/en/LC_MESSAGES/django.po"

# Capitalised wherever they stand.
PROPER_NOUNS = {"Small", "Centres", "Portal", "Canada", "IRCC", "TOTP", "IRCC’s"}
LABELLED = {"h1", "h2", "h3", "button", "title"}


class _Labels(HTMLParser):
    """The text of every heading, button and the <title>, and each submit input's value."""

    def __init__(self):
        super().__init__()
        self.open = []  # [tag, text] of the labelled elements being read
        self.labels = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "submit" and attrs.get("value"):
            self.labels.append(attrs["value"])
        if tag in LABELLED:
            self.open.append([tag, ""])

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            self.labels.append(" ".join(self.open.pop()[1].split()))

    def handle_data(self, data):
        for element in self.open:
            element[1] += data


def labels(html):
    parser = _Labels()
    parser.feed(html)
    return [label for label in parser.labels if label]


def title_case_words(label):
    """The words capitalised after the first of a sentence, proper nouns aside."""
    words = []
    for sentence in re.split(r"(?<=[.?!:|])\s+", label):
        found = re.findall(r"[^\W\d_][\w’'-]*", sentence)
        words += [word for word in found[1:] if word[0].isupper() and word not in PROPER_NOUNS]
    return words


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Sign In | Small Centres Portal", ["In"]),
        ("Reset My Password", ["My", "Password"]),
        ("Two-Factor Authentication", ["Authentication"]),
        ("Two-step verification | Small Centres Portal", []),
        ("Saved. Sign in again", []),
        ("Créer un compte", []),
    ],
)
def test_the_check_sees_title_case(label, expected):
    assert title_case_words(label) == expected


@pytest.fixture
def sam_with_authenticator(sam):
    TOTP.activate(sam, generate_totp_secret())
    RecoveryCodes.activate(sam)
    return sam


def _reauthenticated(client, user):
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def _pages(client, sam, language):
    """(name, response) of every account page the portal shows, in `language`."""
    url = reverse
    pages = []

    def get(name, path, **kwargs):
        pages.append((name, client.get(path, follow=True, **kwargs)))

    get("sign in", url("account_login"))
    get("sign up", url("account_signup"))
    get("confirmation sent", url("account_email_verification_sent"))
    unconfirmed = make_user("new@example.org", language=language)
    address = EmailAddress.objects.get(user=unconfirmed)
    address.verified = False
    address.save()
    key = EmailConfirmationHMAC(address).key
    get("confirm email", url("account_confirm_email", args=[key]))
    get("password reset", url("account_reset_password"))
    get("password reset sent", url("account_reset_password_done"))
    from_key = "account_reset_password_from_key"
    get("password reset bad link", url(from_key, kwargs={"uidb36": "0", "key": "bad"}))
    key = {"uidb36": user_pk_to_url_str(sam), "key": default_token_generator.make_token(sam)}
    get("password reset new password", url(from_key, kwargs=key))
    get("password reset done", url("account_reset_password_from_key_done"))
    get("sign-in code", url("account_request_login_code"))
    pages.append(
        (
            "sign-in code confirm",
            client.post(url("account_request_login_code"), {"email": sam.email}, follow=True),
        )
    )
    client.logout()
    client.force_login(sam)
    get("reauthenticate", url("account_reauthenticate"))
    get("sign out", url("account_logout"))
    get("email addresses", url("account_email"))
    get("password change", url("account_change_password"))
    get("two-step verification", url("mfa_index"))
    _reauthenticated(client, sam)
    get("recovery codes", url("mfa_view_recovery_codes"))
    get("new recovery codes", url("mfa_generate_recovery_codes"))
    get("authenticator app off", url("mfa_deactivate_totp"))
    client.logout()
    pages.append(
        (
            "sign in, second step",
            client.post(
                url("account_login"), {"login": sam.email, "password": PASSWORD}, follow=True
            ),
        )
    )
    return pages


@pytest.mark.parametrize("language", ["en", "fr"])
def test_account_pages_are_in_sentence_case(client, sam_with_authenticator, language):
    with translation.override(language):
        pages = _pages(client, sam_with_authenticator, language)
        # The authenticator app's setup, for someone who has none yet.
        fresh = make_user("fresh@example.org", language=language)
        _reauthenticated(client, fresh)
        pages.append(("authenticator app on", client.get(reverse("mfa_activate_totp"))))
    problems = []
    for name, response in pages:
        assert response.status_code == 200, name
        page_labels = labels(response.content.decode())
        assert page_labels, name
        problems += [f"{name}: {label!r}" for label in page_labels if title_case_words(label)]
    assert not problems, "\n".join(problems)


def test_the_pages_say_what_they_are_in_english(client, sam):
    with translation.override("en"):
        sign_in = labels(client.get(reverse("account_login")).content.decode())
        sign_up = labels(client.get(reverse("account_signup")).content.decode())
    assert "Sign in | Small Centres Portal" in sign_in
    # as the home page's link to it says, in both languages
    assert "Create an account | Small Centres Portal" in sign_up
    assert "Create an account" in sign_up
    with translation.override("fr"):
        inscription = labels(client.get(reverse("account_signup")).content.decode())
    assert "Créer un compte | Portail des petits centres" in inscription


def test_account_emails_have_sentence_case_subjects(
    client, sam, django_capture_on_commit_callbacks
):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": sam.email})
    subjects = [message.subject for message in mail.outbox]
    assert subjects == ["Password reset email"]


def test_the_portal_english_for_allauth_is_in_sentence_case():
    catalogue = polib.pofile(str(ENGLISH_OVERRIDES))
    assert len(catalogue) >= 50
    assert [entry.msgstr for entry in catalogue if title_case_words(entry.msgstr)] == []
    assert catalogue.untranslated_entries() == []
