"""Lessons shared anonymously: no page, list, email or export names the organizations or the
contact to the public; editors still see them, with a note."""

import json
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own feed
from html import unescape

import pytest
from django.utils import translation

from practices.models import PromisingPractice
from tests.adaptations.conftest import adapt, make_practice, url_in
from tests.conftest import make_user
from workinggroup import roles
from workinggroup.models import Organization, ProvinceTerritory

ATOM = "{http://www.w3.org/2005/Atom}"
SECRETS = (
    "Silent Lake Newcomer Services",
    "Services aux nouveaux arrivants du Lac-Silencieux",
    "silent-lake",
    "Muted Partner Agency",
    "Agence partenaire feutrée",
    "muted-partner",
    "Robin Hush",
    "robin@silent-lake.example.org",
    "250-555-0177",
    "Lessons coordinator",
)


def assert_anonymous(text):
    for secret in SECRETS:
        assert secret not in text, secret


@pytest.fixture
def anonymous(seeded):
    province = ProvinceTerritory.objects.get(code="BC")
    lead = Organization.objects.create(
        name_en="Silent Lake Newcomer Services",
        name_fr="Services aux nouveaux arrivants du Lac-Silencieux",
        slug="silent-lake",
        province=province,
    )
    partner = Organization.objects.create(
        name_en="Muted Partner Agency",
        name_fr="Agence partenaire feutrée",
        slug="muted-partner",
        province=province,
    )
    practice = make_practice(
        title_en="Night bus pass pilot",
        title_fr="Projet pilote de laissez-passer d'autobus de nuit",
        community="Smithers",
        themes=("employment",),
        lead_organization=lead,
        lessons_en="Nobody used the passes after the first month.",
        lessons_fr="Personne n'a utilisé les laissez-passer après le premier mois.",
        lessons_anonymous=True,
        contact_name="Robin Hush",
        contact_email="robin@silent-lake.example.org",
        contact_phone="250-555-0177",
        contact_role_en="Lessons coordinator",
    )
    practice.partner_organizations.add(partner)
    return practice


@pytest.mark.parametrize("language, shown", [("en", "Shared anonymously"), ("fr", "anonyme")])
def test_the_public_page_names_no_organization_and_no_contact(client, anonymous, language, shown):
    page = client.get(url_in(anonymous, language)).content.decode()
    assert_anonymous(page)
    facts = page[page.index('class="practice-facts"') :]
    assert shown in facts[: facts.index("</dd>")]
    assert "Someone to call" not in page and "Une personne à joindre" not in page
    lessons = "Nobody used the passes" if language == "en" else "Personne n'a utilisé"
    assert lessons in unescape(page)  # the lessons themselves are shared


def test_signed_in_readers_who_are_not_editors_do_not_see_the_names_either(
    client_for, anonymous, sam, marie
):
    for person in (sam, marie):
        assert_anonymous(client_for(person).get(url_in(anonymous, "en")).content.decode())


@pytest.mark.parametrize("persona", ["elodie", "alex"])
def test_editors_see_the_names_with_a_note_that_they_are_hidden(
    client_for, anonymous, persona, request
):
    page = client_for(request.getfixturevalue(persona)).get(url_in(anonymous, "en"))
    html = page.content.decode()
    for name in ("Silent Lake Newcomer Services", "Muted Partner Agency", "Robin Hush"):
        assert name in html
    assert "Hidden from the public" in html


def test_cards_search_results_related_lists_and_home_name_no_organization(client, anonymous):
    newer = make_practice(title_en="Neighbouring practice", community="Smithers")
    pages = [
        client.get("/en/practices/").content.decode(),
        client.get("/fr/pratiques/", {"q": "laissez-passer"}).content.decode(),
        client.get("/en/practices/", {"sort": "adapted"}).content.decode(),
        client.get(url_in(newer, "en")).content.decode(),  # "Related practices"
        client.get("/en/").content.decode(),
    ]
    for html in pages:
        assert "Night bus pass pilot" in html or "laissez-passer" in html
        assert_anonymous(html)
    assert "Shared anonymously" in pages[0]


def test_the_organizations_pages_do_not_list_it(client, anonymous):
    for slug in ("silent-lake", "muted-partner"):
        organization = Organization.objects.get(slug=slug)
        for language in ("en", "fr"):
            with translation.override(language):
                url = organization.get_absolute_url()
            html = client.get(url).content.decode()
            assert "Night bus pass pilot" not in html
            assert "laissez-passer" not in html


def test_an_adaptation_shows_who_adapted_it_but_not_who_shared_it(client, anonymous):
    from tests.practices.conftest import organization

    worker = make_user(
        "kim@example.org", roles.SECTOR_USER, organization=organization("ka-two-rivers")
    )
    adapt(anonymous, worker, changes="Day passes instead.")
    page = client.get(url_in(anonymous, "en")).content.decode()
    assert "Two Rivers Newcomer Society" in page
    assert_anonymous(page)


def test_the_open_data_record_feed_and_csv_name_no_organization(client, anonymous):
    record = client.get(f"/api/v1/practices/{anonymous.pk}/").json()
    assert record["lead_organization"] is None
    assert record["partner_organizations"] == []
    assert record["contact"] is None
    assert_anonymous(json.dumps(record, ensure_ascii=False))

    feed = ET.fromstring(client.get("/en/open-data/feeds/practices/").content)  # noqa: S314
    entry = next(
        e
        for e in feed.iter(f"{ATOM}entry")
        if f"/{anonymous.pk}/" in e.find(f"{ATOM}link").get("href")
    )
    assert_anonymous(ET.tostring(entry, encoding="unicode"))

    csv = b"".join(client.get("/en/open-data/promising-practices.csv").streaming_content)
    line = next(row for row in csv.decode().splitlines() if "Night bus pass pilot" in row)
    assert_anonymous(line)


def test_a_practice_shared_openly_still_names_everyone(client, seeded):
    practice = PromisingPractice.objects.published().filter(lessons_anonymous=False).first()
    html = client.get(url_in(practice, "en")).content.decode()
    facts = html[html.index('class="practice-facts"') : html.index("</dl>")]
    assert practice.lead_organization.name_en in facts
    assert "Shared anonymously" not in facts
