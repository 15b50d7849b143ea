"""What is not public never reaches the API, the exports or the feeds: one test per kind of
members-only data the issue names."""

import csv
import io
import json
import xml.etree.ElementTree as ET  # parses our own feeds only

import pytest

from discussions.models import Category, Thread
from practices.models import PromisingPractice, Status
from recommendations.models import Recommendation
from tests.conftest import make_user
from tests.opendata.conftest import body, everything_published, make_practice
from workinggroup import roles
from workinggroup.models import MemberProfile, Organization, ProvinceTerritory, Visibility

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_discussion_threads_never_appear(client, seeded):
    author = make_user("thread.author@example.org", roles.MEMBER, first_name="Thérèse")
    category = Category.objects.create(
        name_en="Members lounge", name_fr="Salon des membres", slug_en="lounge", slug_fr="salon"
    )
    practice = PromisingPractice.objects.published().first()
    Thread.start(
        category,
        author,
        "Confidential thread about funding",
        "Budget cut rumour XYZZY",
        practice=practice,
    )
    Thread.start(
        category,
        author,
        "Tracker thread QWERTY",
        "Private view on R1 PLUGH",
        recommendation=Recommendation.objects.get(code="R1"),
    )
    text = everything_published(client)
    assert practice.title_en in text  # the outputs were read: published data is there
    for secret in (
        "Confidential thread",
        "XYZZY",
        "QWERTY",
        "PLUGH",
        "Members lounge",
        "thread.author@example.org",
        "Salon des membres",
    ):
        assert secret not in text


def test_member_contact_details_not_made_public_never_appear(client, seeded):
    organization = Organization.objects.first()
    for n, (email_seen, phone_seen) in enumerate(
        [(Visibility.MEMBERS, Visibility.MEMBERS), (Visibility.HIDDEN, Visibility.HIDDEN)]
    ):
        user = make_user(f"private.member{n}@example.org", roles.MEMBER, organization=organization)
        MemberProfile.objects.create(
            user=user,
            phone=f"709-555-01{n}9",
            email_visibility=email_seen,
            phone_visibility=phone_seen,
            wg_role="sector_rep",
        )
    text = everything_published(client)
    assert organization.name_fr in text  # the outputs were read: public data is there
    for n in range(2):
        assert f"private.member{n}@example.org" not in text
        assert f"709-555-01{n}9" not in text


def test_unpublished_practices_never_appear(client, seeded):
    tracker_item = Recommendation.objects.get(code="R1")
    hidden = []
    for status in (
        Status.DRAFT,
        Status.SUBMITTED,
        Status.CHANGES_REQUESTED,
        Status.REJECTED,
        Status.ARCHIVED,
    ):
        practice = make_practice(
            title_en=f"Unpublished {status} ZORK",
            title_fr=f"Non publiée {status} ZORK",
            status=status,
        )
        tracker_item.practices.add(practice)
        hidden.append(practice.pk)
    text = everything_published(client)
    assert "Women-only swim night" in text  # the outputs were read: published data is there
    assert "ZORK" not in text
    record = client.get("/api/v1/recommendations/R1/").json()
    assert not set(record["related_practices"]) & set(hidden)
    for pk in hidden:
        assert client.get(f"/api/v1/practices/{pk}/").status_code == 404


@pytest.fixture
def anonymous_lessons(seeded):
    province = ProvinceTerritory.objects.get(code="BC")
    lead = Organization.objects.create(
        name_en="Quiet Valley Settlement Society",
        name_fr="Société d'établissement Vallée tranquille",
        slug="quiet-valley",
        province=province,
    )
    partner = Organization.objects.create(
        name_en="Hushed Partner Agency",
        name_fr="Agence partenaire discrète",
        slug="hushed-partner",
        province=province,
    )
    practice = make_practice(
        title_en="Evening drop-in that did not work out",
        title_fr="Accueil du soir qui n'a pas marché",
        lead_organization=lead,
        lessons_en="Nobody came after dark in winter.",
        lessons_fr="Personne ne venait le soir en hiver.",
        lessons_anonymous=True,
        contact_name="Pat Quietly",
        contact_email="pat@quiet-valley.example.org",
        contact_phone="250-555-0199",
    )
    practice.partner_organizations.add(partner)
    return practice


SECRETS = (
    "Quiet Valley",
    "Vallée tranquille",
    "quiet-valley",
    "Hushed Partner",
    "hushed-partner",
    "Agence partenaire discrète",
    "Pat Quietly",
    "250-555-0199",
)


def assert_anonymous(text):
    for secret in SECRETS:
        assert secret not in text


def test_anonymous_lessons_organization_never_appears_with_them(client, anonymous_lessons):
    practice = anonymous_lessons
    record = client.get(f"/api/v1/practices/{practice.pk}/").json()
    assert record["lessons"]["en"] == "Nobody came after dark in winter."  # the lessons are shared
    assert record["lessons_anonymous"] is True
    assert record["lead_organization"] is None and record["partner_organizations"] == []
    assert record["contact"] is None
    assert_anonymous(json.dumps(record, ensure_ascii=False))

    listed = client.get("/api/v1/practices/?page_size=100").json()["results"]
    assert_anonymous(json.dumps([r for r in listed if r["id"] == practice.pk], ensure_ascii=False))

    rows = csv.DictReader(io.StringIO(body(client.get("/en/open-data/promising-practices.csv"))))
    row = next(r for r in rows if r["\ufeffid" if "\ufeffid" in r else "id"] == str(practice.pk))
    assert row["lessons_en"] == "Nobody came after dark in winter."
    assert_anonymous(json.dumps(row, ensure_ascii=False))

    exported = json.loads(body(client.get("/fr/donnees-ouvertes/pratiques-prometteuses.json")))
    assert_anonymous(
        json.dumps([r for r in exported["practices"] if r["id"] == practice.pk], ensure_ascii=False)
    )

    for url in ("/en/open-data/feeds/practices/", "/fr/donnees-ouvertes/fils/pratiques/"):
        feed = ET.fromstring(client.get(url).content)  # noqa: S314
        entry = next(
            e
            for e in feed.iter(f"{ATOM}entry")
            if f"/{practice.pk}/" in e.find(f"{ATOM}link").get("href")
        )
        assert entry.find(f"{ATOM}author") is None
        assert_anonymous(ET.tostring(entry, encoding="unicode"))


def test_practices_without_anonymous_lessons_name_their_organizations(client, seeded):
    practice = PromisingPractice.objects.published().filter(lessons_anonymous=False).first()
    record = client.get(f"/api/v1/practices/{practice.pk}/").json()
    assert record["lead_organization"]["slug"] == practice.lead_organization.slug
