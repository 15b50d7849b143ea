import pytest

from tests.workinggroup.conftest import make_organization
from workinggroup.models import MemberProfile

pytestmark = pytest.mark.django_db

VALID = {
    "first_name": "Sam",
    "last_name": "Rivers",
    "preferred_language": "fr",
    "organization": "",
    "affiliation": "organization",
    "phone": "",
    "email_visibility": "hidden",
    "phone_visibility": "hidden",
    "digest_frequency": "weekly",
    "digest_weekday": "3",
}


def test_profile_needs_sign_in(client):
    response = client.get("/en/profile/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")


@pytest.mark.parametrize("url", ["/en/profile/", "/fr/profil/"])
def test_profile_page_in_both_languages(client_for, sam, url):
    page = client_for(sam).get(url).content.decode()
    assert page.count("<h1>") == 1
    assert ("My profile" if "/en/" in url else "Mon profil") in page


def test_the_french_profile_names_the_languages_in_french(client_for, sam):
    page = client_for(sam).get("/fr/profil/").content.decode()
    assert '<label for="id_preferred_language_0">Anglais</label>' in page
    assert '<label for="id_preferred_language_1">Français</label>' in page


def test_user_sets_language_digest_and_contact_visibility_but_not_an_organization(client_for, sam):
    """An organization typed into the profile is ignored: speaking for one is earned."""
    organization = make_organization("west-coast", "NL", name_en="West Coast Newcomers",
                                     name_fr="Nouveaux arrivants de la Côte-Ouest")  # fmt: skip
    data = {
        **VALID,
        "organization": "nouveaux arrivants de la côte-ouest",  # French name, any case
        "phone": "709-555-0101",
        "phone_visibility": "members",
    }
    response = client_for(sam).post("/en/profile/", data)
    assert response.status_code == 302
    sam.refresh_from_db()
    profile = MemberProfile.objects.get(user=sam)
    assert sam.preferred_language == "fr"
    assert sam.organization is None and organization.memberships.count() == 0
    assert (profile.digest_frequency, profile.digest_weekday) == ("weekly", 3)
    assert (profile.phone, profile.phone_visibility) == ("709-555-0101", "members")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"phone": "call me"}, "phone", "Enter a phone number with its area code"),
        ({"phone": "555-0101"}, "phone", "Enter a phone number with its area code"),
        (
            {"phone_visibility": "public"},
            "phone",
            "Enter a phone number, or choose that nobody sees your phone number.",
        ),
    ],
)
def test_bad_profile_input_is_explained_and_nothing_is_saved(client_for, sam, change, field,
                                                             message):  # fmt: skip
    profile = MemberProfile.for_user(sam)
    response = client_for(sam).post("/en/profile/", {**VALID, **change})
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert 'class="error-summary"' in page
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in page or (
        f'id="id_{field}_error"' in page
    )
    sam.refresh_from_db()
    profile.refresh_from_db()
    assert sam.preferred_language == "en" and sam.first_name == ""
    assert profile.digest_frequency == "off"


def test_profile_errors_are_in_french_on_the_french_page(client_for, sam):
    response = client_for(sam).post("/fr/profil/", {**VALID, "phone": "abc"})
    assert "Entrez un numéro de téléphone avec l&#x27;indicatif régional" in (
        response.content.decode()
    )


def test_profile_form_changes_only_the_signed_in_user(client_for, sam, marie):
    before = MemberProfile.for_user(marie).digest_frequency
    client_for(sam).post("/en/profile/", {**VALID, "user": marie.pk, "user_id": marie.pk})
    assert MemberProfile.objects.get(user=marie).digest_frequency == before
    marie.refresh_from_db()
    assert marie.preferred_language == "fr"


def test_members_cannot_give_themselves_a_seat_or_a_region(client_for, sam):
    client_for(sam).post("/en/profile/", {**VALID, "wg_role": "co_chair", "region": "1"})
    profile = MemberProfile.objects.get(user=sam)
    assert profile.wg_role == "" and profile.region is None
