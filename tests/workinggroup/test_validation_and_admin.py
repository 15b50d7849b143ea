import pytest

from tests.workinggroup.conftest import make_organization, seat
from workinggroup.models import Organization, validate_phone

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "number",
    ["709-555-0101", "+1 709 555 0101", "(867) 555-0123", "1-902-555-0131 ext. 12",
     "819 555 0119 poste 4"],
)  # fmt: skip
def test_phone_numbers_with_an_area_code_are_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize("number", ["555-0101", "call me", "+1 709 555 0101 0101 0101", "12ab"])
def test_phone_numbers_without_enough_digits_or_with_letters_are_refused(number):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_phone(number)


def test_contact_visibility_decides_what_each_audience_sees(marie):
    profile = seat(marie, "atlantic", "sector_rep", phone="+1 506 555 0142",
                   email_visibility="members", phone_visibility="public")  # fmt: skip
    assert profile.contact_for("public") == {"email": "", "phone": "+1 506 555 0142"}
    assert profile.contact_for("members") == {
        "email": "marie@example.org",
        "phone": "+1 506 555 0142",
    }


@pytest.mark.parametrize(
    "url",
    [
        "/en/admin/workinggroup/organization/",
        "/en/admin/workinggroup/organization/add/",
        "/en/admin/workinggroup/region/",
        "/en/admin/workinggroup/provinceterritory/",
        "/en/admin/workinggroup/community/",
        "/en/admin/workinggroup/memberprofile/",
        "/en/admin/workinggroup/invitation/",
        "/en/admin/workinggroup/user/",
    ],
)
def test_administrator_manages_every_model_in_the_admin(client_for, alex, url):
    assert client_for(alex).get(url).status_code == 200


def test_organization_admin_has_tabs_for_both_languages(client_for, alex):
    page = client_for(alex).get("/en/admin/workinggroup/organization/add/").content.decode()
    assert 'name="name_en"' in page and 'name="name_fr"' in page
    assert "jquery-ui-1.14.1/jquery-ui.min.js" in page  # self-hosted, not a CDN


def test_admin_refuses_an_invalid_website_or_phone_and_keeps_the_organization(client_for, alex):
    organization = make_organization("keep-me", "NB", website="https://example.org/keep",
                                     public_phone="506-555-0100")  # fmt: skip
    response = client_for(alex).post(
        f"/fr/admin/workinggroup/organization/{organization.pk}/change/",
        {
            "name_en": "Changed",
            "name_fr": "Changé",
            "slug": "keep-me",
            "province": organization.province_id,
            "languages": '["en"]',
            "website": "not a website",
            "public_phone": "call us",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Saisissez une URL valide." in page
    assert "Entrez un numéro de téléphone avec l&#x27;indicatif régional" in page
    organization = Organization.objects.get(pk=organization.pk)
    assert (organization.name_en, organization.website) == (
        "Keep Me", "https://example.org/keep")  # fmt: skip


def test_admin_add_invitation_goes_to_the_invite_page(client_for, alex):
    response = client_for(alex).get("/en/admin/workinggroup/invitation/add/")
    assert response.status_code == 302 and response.url == "/en/working-group/invite/"


def test_staff_without_the_administrator_role_cannot_manage_organizations(client_for, elodie):
    elodie.is_staff = True
    elodie.save()
    client = client_for(elodie)
    assert client.get("/en/admin/workinggroup/organization/").status_code == 403
    organization = make_organization("untouched", "NB")
    client.post(
        f"/en/admin/workinggroup/organization/{organization.pk}/change/",
        {"name_en": "Hijacked", "slug": "untouched", "province": organization.province_id},
    )
    assert Organization.objects.get(pk=organization.pk).name_en == "Untouched"
