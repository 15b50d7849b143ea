import pytest

from tests.conftest import make_user
from tests.workinggroup.conftest import make_organization, seat
from workinggroup import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(marie, ian, db):
    """Marie publishes her email to everyone and her phone to members; Ian hides both;
    Nora (observer) lets members see her email and is the only one on housing."""
    organization = make_organization("peninsula", "NB", name_en="Peninsula Crossroads")
    marie.first_name, marie.last_name, marie.organization = "Marie", "Cormier", organization
    marie.save()
    seat(
        marie,
        "atlantic",
        "sector_rep",
        phone="+1 506 555 0142",
        email_visibility="public",
        phone_visibility="members",
        themes=["partnerships", "rural-networks"],
    )
    ian.first_name, ian.last_name = "Ian", "Chen"
    ian.save()
    seat(ian, "prairies_north", "ircc_rep", affiliation="ircc", phone="+1 204 555 0177")
    nora = make_user("nora@example.org", roles.MEMBER)
    nora.first_name, nora.last_name = "Nora", "Kilabuk"
    nora.save()
    seat(nora, "prairies_north", "observer", email_visibility="members", themes=["housing"])
    return {"marie": marie, "ian": ian, "nora": nora}


def test_working_group_page_lists_members_by_region_with_their_seat(client, members):
    page = client.get("/en/working-group/").content.decode()
    assert page.count("<h1>") == 1
    atlantic, prairies = page.index(">Atlantic</h3>"), page.index(">Prairies and Northern")
    assert atlantic < page.index("Marie Cormier") < prairies
    assert prairies < page.index("Ian Chen") < page.index("Nora Kilabuk")
    assert "Sector representative" in page and "IRCC representative" in page
    assert "Peninsula Crossroads" in page


def test_working_group_page_shows_only_contact_details_published_to_everyone(client, members):
    page = client.get("/en/working-group/").content.decode()
    assert "marie@example.org" in page  # public
    assert "555 0142" not in page  # members only
    assert "ian@example.org" not in page and "555 0177" not in page  # hidden
    assert "nora@example.org" not in page  # members only


def test_working_group_page_in_french(client, members):
    page = client.get("/fr/groupe-de-travail/").content.decode()
    assert "<h1>Groupe de travail national sur les petits centres</h1>" in page
    assert "Représentant ou représentante du secteur" in page
    assert ">Atlantique</h3>" in page


def test_people_without_a_seat_are_not_on_the_working_group_page(client, members, sam):
    sam.first_name = "Sam"
    sam.save()
    page = client.get("/en/working-group/").content.decode()
    assert "Sam" not in page


def test_contact_list_is_for_members_only(client, client_for, members, sam):
    assert client.get("/en/working-group/contacts/").status_code == 302
    assert client_for(sam).get("/en/working-group/contacts/").status_code == 403


def test_contact_list_shows_members_only_details_but_never_hidden_ones(
    client_for, members, django_assert_max_num_queries
):
    """Prevents an n+1 on the contact list: session, user, roles, regions, themes, profiles."""
    client = client_for(members["nora"])
    with django_assert_max_num_queries(7):
        page = client.get("/en/working-group/contacts/").content.decode()
    assert "555 0142" in page  # Marie's phone, members only
    assert "nora@example.org" in page  # members only
    assert "ian@example.org" not in page and "555 0177" not in page  # hidden


def test_contact_list_filters_by_region_and_theme(client_for, members):
    client = client_for(members["marie"])
    by_region = client.get("/en/working-group/contacts/?region=atlantic").content.decode()
    assert "Marie Cormier" in by_region and "Nora Kilabuk" not in by_region
    by_theme = client.get("/fr/groupe-de-travail/personnes-ressources/?theme=housing")
    page = by_theme.content.decode()
    assert "Nora Kilabuk" in page and "Marie Cormier" not in page


def test_contact_list_says_when_a_filter_is_unknown(client_for, members):
    page = client_for(members["marie"]).get(
        "/fr/groupe-de-travail/personnes-ressources/?region=mars"
    )
    assert "Cette région est inconnue; toutes les régions sont affichées." in page.content.decode()
