"""Speaking for an organization is earned: asking to join, approval by its members (or an
administrator), automatic approval by email domain, leaving and removal, bad links."""

from datetime import timedelta

import pytest
from django.utils import timezone

from practices import demo
from practices.models import PromisingPractice
from tests.conftest import assert_too_many, make_user
from workinggroup import roles
from workinggroup.models import AuditEntry, Membership, MembershipState, Organization

pytestmark = pytest.mark.django_db

JOIN = {"en": "/en/profile/organizations/join/", "fr": "/fr/profil/organismes/rejoindre/"}


def members_url(organization, language="en"):
    prefix = "/en/organizations/" if language == "en" else "/fr/organismes/"
    suffix = "members/" if language == "en" else "membres/"
    return f"{prefix}{organization.slug}/{suffix}"


def decide_url(membership):
    return f"{members_url(membership.organization)}{membership.pk}/"


@pytest.fixture
def practice(db):
    demo.load()
    return PromisingPractice.objects.published().select_related("lead_organization").first()


@pytest.fixture
def colleague(practice):
    """Someone already approved at the organization that leads the practice (francophone)."""
    return make_user(
        "colleague@example.org", roles.SECTOR_USER, language="fr",
        organization=practice.lead_organization,
    )  # fmt: skip


def ask(client, organization, message="Coordinator of the Tuesday drop-in", language="en"):
    return client.post(JOIN[language], {"organization": organization.pk, "message": message})


def test_typing_an_organization_gives_no_right_until_its_members_approve(
    client_for, sam, colleague, practice, mailoutbox, django_capture_on_commit_callbacks
):
    organization = practice.lead_organization
    edit = f"/en/share/practice/{practice.pk}/edit/"
    sam.organization = organization  # the old, self-declared way: worth nothing now
    sam.save()
    client = client_for(sam)
    assert client.get(edit).status_code == 403

    with django_capture_on_commit_callbacks(execute=True):
        assert ask(client, organization).status_code == 302
    (request_email,) = mailoutbox
    assert request_email.to == [colleague.email]
    assert "demande à rejoindre" in request_email.subject  # in the approver's language
    assert members_url(organization, "fr") in request_email.body
    assert client.get(edit).status_code == 403  # asking is not enough

    membership = Membership.objects.get(user=sam)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(colleague).post(decide_url(membership), {"decision": "approve"})
    assert response.status_code == 302
    assert "You are now a member" in mailoutbox[-1].subject  # in the applicant's language
    assert client_for(sam).get(edit).status_code in (200, 302)

    own = Membership.objects.get(user=sam, state=MembershipState.APPROVED)
    client_for(sam).post(f"/en/profile/organizations/{own.pk}/leave/")
    assert client_for(sam).get(edit).status_code == 403  # at once
    assert list(
        AuditEntry.objects.filter(subject_kind="membership").values_list("action", flat=True)
    ) == ["left", "approved", "asked to join"]


def test_bad_decisions_each_get_their_answer(client_for, sam, marie, colleague, practice):
    organization = practice.lead_organization
    ask(client_for(sam), organization)
    membership = Membership.objects.get(user=sam)
    # someone other than an approver
    assert client_for(marie).post(decide_url(membership), {"decision": "approve"}).status_code == (
        403
    )
    approver = client_for(colleague)
    forged = f"{members_url(organization)}999999/"
    assert approver.post(forged, {"decision": "approve"}).status_code == 404
    assert approver.post(decide_url(membership), {"decision": "maybe"}).status_code == 400
    assert approver.post(decide_url(membership), {"decision": "approve"}).status_code == 302
    replayed = approver.post(decide_url(membership), {"decision": "refuse"})
    assert replayed.status_code == 409
    assert "already answered" in replayed.content.decode()
    assert Membership.objects.get(pk=membership.pk).state == MembershipState.APPROVED


def test_an_old_request_has_lapsed_and_may_be_made_again(client_for, sam, colleague, practice):
    organization = practice.lead_organization
    ask(client_for(sam), organization)
    Membership.objects.update(requested_at=timezone.now() - timedelta(days=31))
    membership = Membership.objects.get(user=sam)
    response = client_for(colleague).post(decide_url(membership), {"decision": "approve"})
    assert response.status_code == 410
    assert not roles.may_act_for(sam, organization)
    assert ask(client_for(sam), organization).status_code == 302
    assert Membership.objects.filter(user=sam, state=MembershipState.PENDING).count() == 1
    assert Membership.objects.filter(user=sam, state=MembershipState.EXPIRED).count() == 1


def test_asking_twice_or_when_already_a_member_is_explained(client_for, colleague, sam, practice):
    organization = practice.lead_organization
    page = client_for(colleague).post(JOIN["fr"], {"organization": organization.pk}, follow=True)
    assert "Vous êtes déjà membre" in page.content.decode()
    ask(client_for(sam), organization)
    again = client_for(sam).post(JOIN["en"], {"organization": organization.pk}, follow=True)
    assert "You already asked to join" in again.content.decode()
    assert Membership.objects.filter(user=sam).count() == 1
    forged = client_for(sam).post(JOIN["en"], {"organization": "999999"}, follow=True)
    assert "not in the directory" in forged.content.decode()


def test_an_organization_without_members_is_answered_by_the_administrators(
    client_for, sam, alex, mailoutbox, django_capture_on_commit_callbacks, practice
):
    organization = Organization.objects.exclude(memberships__state="approved").first()
    with django_capture_on_commit_callbacks(execute=True):
        ask(client_for(sam), organization)
    assert [m.to for m in mailoutbox] == [[alex.email]]
    membership = Membership.objects.get(user=sam)
    assert client_for(alex).post(decide_url(membership), {"decision": "approve"}).status_code == (
        302
    )
    assert roles.may_act_for(sam, organization)


def test_automatic_approval_by_email_domain_when_switched_on(client_for, practice):
    organization = practice.lead_organization
    organization.website = "https://www.agency.example.ca/"
    organization.save()
    insider = make_user("kim@agency.example.ca", roles.SECTOR_USER)
    outsider = make_user("kim@elsewhere.example.ca", roles.SECTOR_USER)
    ask(client_for(insider), organization)
    assert not roles.may_act_for(insider, organization)  # off by default
    Membership.objects.all().delete()
    Organization.objects.filter(pk=organization.pk).update(auto_approve_by_domain=True)
    ask(client_for(insider), organization)
    ask(client_for(outsider), organization)
    assert Membership.objects.get(user=insider).state == MembershipState.APPROVED
    assert Membership.objects.get(user=outsider).state == MembershipState.PENDING


def test_the_last_member_leaving_tells_the_administrators(
    client_for, colleague, alex, practice, mailoutbox, django_capture_on_commit_callbacks
):
    membership = Membership.objects.get(user=colleague)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(colleague).post(f"/fr/profil/organismes/{membership.pk}/quitter/")
    (told,) = mailoutbox
    assert told.to == [alex.email]
    assert "no member left" in told.subject


def test_a_removed_member_is_told_and_loses_their_rights(
    client_for, colleague, sam, practice, mailoutbox, django_capture_on_commit_callbacks
):
    organization = practice.lead_organization
    other = make_user("other@example.org", roles.SECTOR_USER, organization=organization)
    membership = Membership.objects.get(user=other)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(colleague).post(decide_url(membership), {"decision": "remove"})
    assert "no longer a member" in mailoutbox[0].subject
    assert not roles.may_act_for(other, organization)
    assert client_for(sam).get(members_url(organization)).status_code == 403


def test_a_flood_of_requests_waits(client_for, sam, practice):
    client = client_for(sam)
    for organization in Organization.objects.all()[:5]:
        ask(client, organization)
    last = Organization.objects.all()[5]
    response = client.post(JOIN["fr"], {"organization": last.pk, "message": "Mon message"})
    assert_too_many(response, "fr", "Mon message")
    assert not Membership.objects.filter(user=sam, organization=last).exists()


def test_the_directory_is_searched_without_accents(client_for, sam, practice):
    organization = practice.lead_organization
    organization.name_fr = "Centre d’accueil de Rivière-la-Paix"
    organization.save()
    page = client_for(sam).get("/fr/profil/organismes/?q=RIVIERE-la-paix").content.decode()
    assert "Rivière-la-Paix" in page
    assert f'value="{organization.pk}"' in page


def test_a_missing_organization_is_asked_for_and_added_by_an_administrator(
    client_for, sam, alex, practice, mailoutbox, django_capture_on_commit_callbacks
):
    province = practice.province
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(sam).post(
            "/en/profile/organizations/new/",
            {"name": "Peace River Newcomer Hub", "province": province.pk, "website": ""},
        )
    assert response.status_code == 302
    assert mailoutbox[0].to == [alex.email]
    row = sam.organization_requests.get()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(alex).post(f"/en/organizations/requests/{row.pk}/", {"decision": "add"})
    organization = Organization.objects.get(name_en="Peace River Newcomer Hub")
    assert roles.may_act_for(sam, organization)
    assert "is in the directory" in mailoutbox[-1].subject
    assert client_for(sam).get("/en/organizations/requests/").status_code == 403


def test_asking_for_an_organization_already_in_the_directory_is_refused(client_for, sam, practice):
    name = practice.lead_organization.name_en
    response = client_for(sam).post(
        "/en/profile/organizations/new/", {"name": name.upper(), "province": practice.province_id}
    )
    assert response.status_code == 400
    assert "already in the directory" in response.content.decode()


@pytest.mark.parametrize(("persona", "status"), [("elodie", 200), ("alex", 200), ("sam", 403)])
def test_the_audit_trail_is_for_editors_and_administrators(
    request, client_for, persona, status, practice
):
    AuditEntry.record(None, practice.lead_organization, "practice", practice, "published")
    response = client_for(request.getfixturevalue(persona)).get("/fr/groupe-de-travail/audit/")
    assert response.status_code == status
    if status == 200:
        assert "publiée" in response.content.decode()
