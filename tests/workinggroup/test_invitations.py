import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.conftest import make_user
from tests.workinggroup.conftest import make_organization
from workinggroup import roles
from workinggroup.models import Invitation, MemberProfile, Region, User

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a river runs through smithers"


@pytest.fixture
def organization(db):
    return make_organization(
        "bulkley-valley",
        "BC",
        name_en="Bulkley Valley Newcomers",
        name_fr="Nouveaux arrivants de la vallée de la Bulkley",
    )


def invite(client, language="fr", **fields):
    data = {
        "email": "nadia@example.org",
        "role": roles.MEMBER,
        "wg_role": "sector_rep",
        "organization": "Bulkley Valley Newcomers",
        "region": Region.objects.get(code="bc_yukon").pk,
        "language": language,
        **fields,
    }
    return client.post("/en/working-group/invite/", data)


def link_in(message):
    return re.search(r"http://\S+/invitation/\S+/", message.body).group(0)


@pytest.fixture
def sent(client_for, alex, organization, mailoutbox, django_capture_on_commit_callbacks):
    """Alex invites Nadia in French; returns the path of the link in the email."""
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_for(alex))
    assert response.status_code == 302
    client_for(alex).logout()
    (message,) = mailoutbox
    return link_in(message).removeprefix("http://127.0.0.1:8000")


def accept(client, path, **fields):
    data = {"first_name": "Nadia", "last_name": "Roy", "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD, **fields}  # fmt: skip
    return client.post(path, data)


def test_only_administrators_can_invite(client, client_for, sam, marie, elodie):
    assert client.get("/en/working-group/invite/").status_code == 302
    for person in (sam, marie, elodie):
        assert client_for(person).get("/en/working-group/invite/").status_code == 403
        assert invite(client_for(person)).status_code == 403
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("url", ["/en/working-group/invite/", "/fr/groupe-de-travail/inviter/"])
def test_invite_page_in_both_languages(client_for, alex, url):
    page = client_for(alex).get(url).content.decode()
    assert page.count("<h1>") == 1
    assert ("Invite someone" if "/en/" in url else "Inviter une personne") in page


def test_invitation_email_is_in_the_chosen_language_with_a_link_in_that_language(
    client_for, alex, organization, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(alex), language="fr")
    (message,) = mailoutbox
    assert message.to == ["nadia@example.org"]
    assert message.subject == "Une invitation à vous joindre au Portail des petits centres"
    assert "avec le rôle\u00a0: Membre du groupe de travail" in message.body
    assert "Nouveaux arrivants de la vallée de la Bulkley" in message.body
    assert "Colombie-Britannique et Yukon" in message.body
    assert "/fr/invitation/" in link_in(message)
    html = message.alternatives[0][0]
    assert '<html lang="fr">' in html and link_in(message) in html
    invitation = Invitation.objects.get()
    # Only a hash of the token is stored.
    assert invitation.token_hash not in message.body
    assert link_in(message).rstrip("/").rsplit("/", 1)[1] not in invitation.token_hash


def test_invitee_sets_a_password_and_lands_signed_in_with_exactly_that_role(client, sent):
    page = client.get(sent).content.decode()
    assert "Accepter votre invitation" in page and "nadia@example.org" in page
    response = accept(client, sent)
    assert response.status_code == 302 and response.url == "/fr/profil/"
    user = User.objects.get(email="nadia@example.org")
    assert set(user.groups.values_list("name", flat=True)) == {roles.MEMBER}
    assert user.preferred_language == "fr"
    assert user.organization.slug == "bulkley-valley"
    assert user.check_password(NEW_PASSWORD)
    assert user.emailaddress_set.get().verified
    profile = MemberProfile.objects.get(user=user)
    assert (profile.region.code, profile.wg_role) == ("bc_yukon", "sector_rep")
    assert Invitation.objects.get().accepted_at is not None
    landing = client.get(response.url).content.decode()
    assert "Bienvenue." in landing and "Membre du groupe de travail" in landing


def test_an_invited_ircc_staff_member_gets_the_ircc_role_and_affiliation(
    client, client_for, alex, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(alex), language="en", role=roles.IRCC_STAFF, wg_role="ircc_rep",
               organization="")  # fmt: skip
    client.logout()
    accept(client, link_in(mailoutbox[0]).removeprefix("http://127.0.0.1:8000"))
    user = User.objects.get(email="nadia@example.org")
    assert roles.roles_of(user) == {roles.IRCC_STAFF}
    assert user.member_profile.affiliation == "ircc"
    assert user.organization is None


def test_a_used_link_cannot_be_used_again(client, sent):
    accept(client, sent)
    client.logout()
    again = accept(client, sent, first_name="Someone", password1="x" * 20, password2="x" * 20)
    assert again.status_code == 410
    assert "Cette invitation a déjà été utilisée" in again.content.decode()
    assert User.objects.filter(email="nadia@example.org").get().first_name == "Nadia"


def test_an_expired_link_says_so_and_creates_nothing(client, sent):
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        response = accept(client, sent)
    assert response.status_code == 410
    assert "Cette invitation a expiré le" in response.content.decode()
    assert not User.objects.filter(email="nadia@example.org").exists()


def test_the_link_still_works_on_its_last_day(client, sent):
    with time_machine.travel(timezone.now() + timedelta(days=13, hours=23)):
        assert accept(client, sent).status_code == 302


def test_a_tampered_link_is_not_valid(client, sent):
    tampered = sent[:-3] + ("A" if sent[-3] != "A" else "B") + sent[-2:]
    response = client.get(tampered)
    assert response.status_code == 404
    assert "Ce lien d'invitation n'est pas valide." in response.content.decode()
    assert client.get("/en/invitation/short/").status_code == 404


def test_a_weak_or_mismatched_password_is_refused_and_the_link_still_works(client, sent):
    weak = accept(client, sent, password1="password", password2="password")
    assert weak.status_code == 200
    assert 'class="error-summary"' in weak.content.decode()
    mismatch = accept(client, sent, password2="something else entirely")
    assert "Les deux mots de passe ne sont pas identiques." in mismatch.content.decode()
    assert not User.objects.filter(email="nadia@example.org").exists()
    assert accept(client, sent).status_code == 302


def test_second_invitation_to_a_pending_address_is_refused_and_changes_nothing(
    client_for, alex, sent, mailoutbox
):
    before = Invitation.objects.get()
    response = invite(client_for(alex), email="NADIA@example.org", role=roles.EDITOR)
    assert response.status_code == 200
    assert "An invitation to this address is already waiting for an answer" in (
        response.content.decode()
    )
    after = Invitation.objects.get()
    assert (after.role, after.token_hash, after.expires_at) == (
        before.role, before.token_hash, before.expires_at)  # fmt: skip
    assert len(mailoutbox) == 1


def test_invitation_to_an_existing_account_is_refused_in_french(client_for, alex, sam):
    response = client_for(alex).post(
        "/fr/groupe-de-travail/inviter/",
        {"email": sam.email, "role": roles.EDITOR, "language": "en"},
    )
    assert "Un compte utilise déjà cette adresse." in response.content.decode()
    assert not Invitation.objects.exists()
    assert roles.roles_of(User.objects.get(pk=sam.pk)) == {roles.SECTOR_USER}


def test_invitation_naming_an_unknown_organization_is_refused(client_for, alex, organization):
    response = invite(client_for(alex), organization="Atlantis Newcomers")
    assert "We do not know an organization called “Atlantis Newcomers”." in (
        response.content.decode()
    )
    assert not Invitation.objects.exists()


def test_an_expired_invitation_can_be_replaced_by_a_new_one(
    client_for, alex, sent, mailoutbox, django_capture_on_commit_callbacks
):
    with time_machine.travel(timezone.now() + timedelta(days=20)):
        with django_capture_on_commit_callbacks(execute=True):
            assert invite(client_for(alex), language="en").status_code == 302
        assert Invitation.objects.count() == 1
        assert "/en/invitation/" in link_in(mailoutbox[-1])


def test_an_account_created_meanwhile_blocks_the_invitation(client, sent):
    make_user("nadia@example.org", roles.SECTOR_USER)
    response = client.get(sent)
    assert response.status_code == 409
    assert "Un compte utilise déjà l'adresse courriel de cette invitation." in (
        response.content.decode()
    )


def test_a_signed_in_person_is_asked_to_sign_out_first(client_for, sam, sent):
    response = client_for(sam).get(sent)
    assert response.status_code == 409
    assert Group.objects.get(name=roles.MEMBER).user_set.count() == 0


def test_accepting_twice_at_once_creates_one_account(sent):
    token = sent.rstrip("/").rsplit("/", 1)[1]
    first, second = Invitation.find(token), Invitation.find(token)
    assert first.accept(first_name="A", last_name="B", password=NEW_PASSWORD) is not None
    assert second.accept(first_name="C", last_name="D", password=NEW_PASSWORD) is None
    assert User.objects.filter(email="nadia@example.org").count() == 1


def test_administrator_can_send_an_invitation_again_with_a_new_link(
    client_for, alex, sent, mailoutbox, django_capture_on_commit_callbacks
):
    invitation = Invitation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(alex).post(
            "/en/admin/workinggroup/invitation/",
            {"action": "send_again", "_selected_action": [invitation.pk]},
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 2
    new_link = link_in(mailoutbox[1]).removeprefix("http://127.0.0.1:8000")
    assert new_link != sent
    assert client_for(alex).logout() is None
    assert Invitation.find(sent.rstrip("/").rsplit("/", 1)[1]) is None  # old link is dead
    assert Invitation.find(new_link.rstrip("/").rsplit("/", 1)[1]) is not None
