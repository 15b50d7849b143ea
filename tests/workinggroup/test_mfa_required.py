"""Two-step verification is required of IRCC staff, editors and administrators (MFA_REQUIRED)."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_mfa_required")]

SETUP = {
    "en": "/en/accounts/2fa/totp/activate/",
    "fr": "/fr/comptes/verification-deux-etapes/application/activer/",
}


@pytest.fixture
def _mfa_required():
    with override_settings(MFA_REQUIRED=True):
        yield


def with_authenticator(user):
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.mark.parametrize("persona", ["elodie", "ian", "alex"])
def test_a_privileged_role_without_an_authenticator_is_sent_to_set_one_up(
    request, client_for, persona
):
    client = client_for(request.getfixturevalue(persona))
    for page in ("/en/practices/", "/en/profile/", "/en/admin/"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"] == SETUP["en"], page


def test_the_reason_is_given_in_french(client_for, elodie):
    client = client_for(elodie)
    response = client.get("/fr/pratiques/", follow=True)
    html = response.content.decode()
    assert "vérification en deux étapes" in html
    assert response.redirect_chain[0][0] == SETUP["fr"]


def test_the_setup_and_sign_out_pages_stay_open(client_for, elodie):
    client = client_for(elodie)
    # A test sign-in records no password step: allauth asks for the password again first.
    response = client.get(SETUP["en"], follow=True)
    assert response.status_code == 200
    assert [url for url, _status in response.redirect_chain] == [
        "/en/accounts/reauthenticate/?next=%2Fen%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    ]
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/en/practices/").status_code == 200  # signed out: a visitor


def test_with_an_authenticator_every_page_opens(client_for, elodie):
    client = client_for(with_authenticator(elodie))
    assert client.get("/en/practices/").status_code == 200
    assert client.get("/en/profile/").status_code == 200


def test_members_and_sector_users_are_not_asked(client_for, marie, sam):
    assert client_for(marie).get("/en/practices/").status_code == 200
    assert client_for(sam).get("/en/profile/").status_code == 200


def test_visitors_are_not_asked(client):
    assert client.get("/en/practices/").status_code == 200


@override_settings(MFA_REQUIRED=False)
def test_off_nothing_is_asked(client_for, elodie):
    assert client_for(elodie).get("/en/practices/").status_code == 200
