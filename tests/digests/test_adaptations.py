"""The digest's "adaptations" section: what other organizations recorded since the last digest."""

import datetime

import pytest
import time_machine

from adaptations.models import WouldRecommend, add_adaptation
from practices.models import PromisingPractice, Status
from tests.conftest import make_user
from tests.digests.conftest import YESTERDAY_NOON, make_member, make_practice
from tests.digests.test_content import END, START, digest_for, items
from tests.digests.test_digest_email import assert_email_contains, html_of
from workinggroup import roles
from workinggroup.models import Community, Organization, ProvinceTerritory

pytestmark = pytest.mark.usefixtures("morning")


@pytest.fixture
def kamloops(db):
    return Organization.objects.create(
        slug="two-rivers",
        name_en="Two Rivers Newcomer Society",
        name_fr="Société des nouveaux arrivants des Deux-Rivières",
        province=ProvinceTerritory.objects.get(code="BC"),
    )


@pytest.fixture
def kim(kamloops):
    """Kim, who records her organization's adaptations."""
    return make_user("kim@example.org", roles.SECTOR_USER, organization=kamloops)


def adapt(practice, author, when=YESTERDAY_NOON, **fields):
    values = {
        "organization": author.organization,
        "community": Community.objects.get(name="Kamloops"),
        "changes": "A school pool near the apartments.",
        "outcome": "Better attendance.",
        "would_recommend": WouldRecommend.WITH_CHANGES,
        "language": "en",
        **fields,
    }
    with time_machine.travel(when, tick=False):
        adaptation, _created = add_adaptation(practice, author, **values)
    return adaptation


@pytest.fixture
def older_practice(organization):
    """Published long before the window: only its adaptation is news."""
    return make_practice(organization, published_at=START - datetime.timedelta(days=60))


def test_adaptations_recorded_in_the_window_are_in_the_digest(reader_en, kim, older_practice):
    inside = adapt(older_practice, kim, when=START)
    adapt(older_practice, kim, when=END, changes="Too late.")
    adapt(older_practice, kim, when=START - datetime.timedelta(seconds=1), changes="Too early.")

    digest = digest_for(reader_en)

    assert [s.key for s in digest.sections][:3] == ["practices", "resources", "adaptations"]
    assert items(digest, "adaptations") == [inside]


def test_members_are_not_told_about_their_own_adaptations(reader_en, kim, older_practice):
    adapt(older_practice, kim)
    assert items(digest_for(kim), "adaptations") == []
    assert len(items(digest_for(reader_en), "adaptations")) == 1


def test_adaptations_follow_the_members_regions_and_themes(kim, older_practice):
    adapt(older_practice, kim)
    atlantic = make_member("atlantic@example.org", regions=["atlantic"])
    housing = make_member("housing@example.org", themes=["housing"])
    bc = make_member("bc@example.org", regions=["bc_yukon"], themes=["employment"])

    assert items(digest_for(atlantic), "adaptations") == []
    assert items(digest_for(housing), "adaptations") == []
    assert len(items(digest_for(bc), "adaptations")) == 1


def test_adaptations_of_practices_taken_offline_are_left_out(reader_en, kim, older_practice):
    adapt(older_practice, kim)
    PromisingPractice.objects.filter(pk=older_practice.pk).update(status=Status.ARCHIVED)
    assert items(digest_for(reader_en), "adaptations") == []


def test_english_and_french_digests_list_new_adaptations(
    reader_en, reader_fr, kim, older_practice, run_digests, mailoutbox
):
    adaptation = adapt(older_practice, kim)

    run_digests()

    by_recipient = {m.to[0]: m for m in mailoutbox}
    english, french = by_recipient["erin@example.org"], by_recipient["fatou@example.org"]
    assert_email_contains(english, "1 new adaptation of a practice")
    assert_email_contains(english, "Winter driving lessons")
    assert_email_contains(english, "Adapted by Two Rivers Newcomer Society")
    assert_email_contains(english, "Kamloops, BC")
    assert_email_contains(english, "Would recommend it: Yes, with changes")
    url = f"/en/practices/{older_practice.pk}/winter-driving-lessons/#adaptation-{adaptation.pk}"
    assert url in english.body

    assert_email_contains(french, "1 nouvelle adaptation d’une pratique")
    assert_email_contains(french, "Cours de conduite hivernale")
    organization = "Société des nouveaux arrivants des Deux-Rivières"
    assert_email_contains(french, f"Adaptée par l’organisme {organization}")
    assert_email_contains(french, "Kamloops (C.-B.)")
    assert_email_contains(french, "La recommanderait\u00a0: Oui, avec des changements")
    assert f"/fr/pratiques/{older_practice.pk}/cours-de-conduite-hivernale/#adaptation-" in (
        french.body
    )
    assert '<span lang="fr">Cours de conduite hivernale</span>' in html_of(french)


def test_an_adaptation_alone_is_enough_for_a_digest(
    reader_en, kim, older_practice, run_digests, mailoutbox
):
    adapt(older_practice, kim)
    run_digests()
    [message] = mailoutbox
    assert "new practice" not in message.body


def test_a_practice_shared_anonymously_is_listed_without_its_organization(
    reader_en, reader_fr, organization, run_digests, mailoutbox
):
    make_practice(organization)
    PromisingPractice.objects.update(lessons_anonymous=True)

    run_digests()

    for message in mailoutbox:
        assert "Bulkley Valley" not in message.body and "Bulkley Valley" not in html_of(message)
        assert "vallée Bulkley" not in message.body and "vallée Bulkley" not in html_of(message)
    english = next(m for m in mailoutbox if m.to == ["erin@example.org"])
    assert_email_contains(english, "Shared anonymously")


def test_the_batch_build_query_count_does_not_grow_with_adaptations(
    kim, older_practice, django_assert_max_num_queries
):
    """Prevents an n+1 on adaptations in the digest build: practice, organization and community
    come with each adaptation, in the section's one query."""
    from digests.content import build_digest, load_readers, load_sources

    users = [make_member(f"m{n}@example.org") for n in range(10)]
    adapt(older_practice, kim)

    def build():
        readers = load_readers(users)
        sources = load_sources(list(readers.values()), START, END)
        digests = [build_digest(readers[u.pk], START, END, sources) for u in users]
        return sum(len(items(d, "adaptations")) for d in digests)

    with django_assert_max_num_queries(11) as few:
        assert build() == 10
    for n in range(9):
        adapt(older_practice, kim, changes=f"Change {n}", when=YESTERDAY_NOON.replace(hour=n + 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert build() == 100
