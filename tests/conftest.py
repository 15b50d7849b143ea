"""Personas, one per role, and helpers shared by every test module."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.utils import translation

from tests.french_emails import email_problems
from workinggroup import roles
from workinggroup.models import Membership, MembershipState, User

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: the test client leaves the last request's
    language active, and a test that runs after a French page must not read French by chance."""
    translation.activate(settings.LANGUAGE_CODE)
    yield


@pytest.fixture(autouse=True)
def _french_emails_follow_the_style_guide():
    """Every French email any test makes the portal send follows docs/french-style.md."""
    yield
    problems = email_problems(getattr(mail, "outbox", []))
    assert not problems, "French emails break the style guide:\n" + "\n".join(problems)


def make_user(email, role=None, language="en", **extra):
    user = User.objects.create_user(
        email=email, password=PASSWORD, preferred_language=language, **extra
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if role:
        roles.grant(user, role)
    if extra.get("organization") is not None:  # speaking for it is earned: approved here
        Membership.objects.create(
            user=user, organization=extra["organization"], state=MembershipState.APPROVED
        )
    return user


@pytest.fixture
def sam(db):
    """Sam, a settlement worker who signed up on their own (sector user)."""
    return make_user("sam@example.org", roles.SECTOR_USER)


@pytest.fixture
def marie(db):
    """Marie, a francophone working-group member."""
    return make_user("marie@example.org", roles.MEMBER, language="fr")


@pytest.fixture
def ian(db):
    """Ian, IRCC staff."""
    return make_user("ian@example.org", roles.IRCC_STAFF)


@pytest.fixture
def elodie(db):
    """Élodie, an editor."""
    return make_user("elodie@example.org", roles.EDITOR, language="fr")


@pytest.fixture
def alex(db):
    """Alex, an administrator."""
    return make_user("alex@example.org", roles.ADMINISTRATOR, is_staff=True)


@pytest.fixture
def client_for(client):
    """client_for(user): the test client, signed in as that user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


TOO_MANY = {"en": "You have sent many requests in a short time", "fr": "Vous avez envoyé beaucoup"}


def assert_too_many(response, language, *kept):
    """The portal's one answer over a limit: 429, Retry-After in seconds, the 429 page in the
    page's language, and what was typed (`kept`) in the page to send again."""
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    assert TOO_MANY[language] in page
    for text in kept:
        assert text in page, text
    return page


@pytest.fixture(autouse=True)
def _files_in_a_folder_of_the_test(settings, tmp_path):
    """Files stored by a test (uploads, the demo's resources) go to a folder of its own, never
    to var/media."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "files")},
        },
    }
