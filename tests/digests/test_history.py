""" "Your digests": every digest of the last twelve months, readable on the portal in the member's
language, and linked from each email, so a lost email never means lost news."""

import datetime
import re

import pytest

from digests.models import DeliveryStatus, DigestDelivery
from tests.digests.conftest import make_member, make_practice

pytestmark = pytest.mark.usefixtures("morning")


def test_each_email_links_to_its_web_copy_in_the_members_language(
    reader_en, reader_fr, organization, run_digests, mailoutbox
):
    make_practice(organization)
    run_digests()

    links = {}
    for message in mailoutbox:
        [link] = re.findall(r"http\S+/(?:digest/past|resume/precedents)/\d+/", message.body)
        links[message.to[0]] = link
        assert link in message.alternatives[0][0]
    delivery = DigestDelivery.objects.get(user=reader_fr)
    assert links["fatou@example.org"].endswith(f"/fr/resume/precedents/{delivery.pk}/")
    assert "Read this digest on the portal:" in mailoutbox[0].body
    assert "Lire ce résumé sur le portail\u00a0:" in mailoutbox[1].body


def test_a_member_reads_their_digest_in_french_on_the_portal(
    reader_fr, organization, run_digests, client_for, django_assert_num_queries
):
    make_practice(organization, title_fr="Cours de conduite hivernale")
    run_digests()
    delivery = DigestDelivery.objects.get()
    client = client_for(reader_fr)

    listing = client.get("/fr/resume/precedents/")
    with django_assert_num_queries(DETAIL_QUERIES):
        page = client.get(f"/fr/resume/precedents/{delivery.pk}/")

    assert "Résumé quotidien du 6 janvier 2026" in listing.text
    assert "(1 élément)" in listing.text
    assert '<html lang="fr"' in page.text
    assert "Votre résumé quotidien" in page.text
    assert "Cours de conduite hivernale" in page.text
    assert "1 nouvelle pratique" in page.text
    assert 'style="' not in page.text.split("<main", 1)[1], "no inline style under the CSP"


# The session, the user and the row, then what a batch reads for one reader (its preferences,
# follows, roles; the sources in the window), and the header's count of unread notifications:
# a fixed number whatever the digest holds.
DETAIL_QUERIES = 14  # 13, and the new resources in the window


def test_the_same_digest_reads_in_english_on_the_english_page(
    reader_fr, organization, run_digests, client_for
):
    make_practice(organization, title_en="Winter driving lessons")
    run_digests()
    delivery = DigestDelivery.objects.get()

    page = client_for(reader_fr).get(f"/en/digest/past/{delivery.pk}/")

    assert "Your daily digest" in page.text
    assert "Winter driving lessons" in page.text


def test_the_list_keeps_twelve_months_of_digests_that_went_out_and_only_the_members_own(
    reader_en, organization, client_for
):
    other = make_member("other@example.org")
    now = datetime.datetime(2026, 1, 7, 11, tzinfo=datetime.UTC)

    def row(user, days_ago, status):
        end = now - datetime.timedelta(days=days_ago)
        return DigestDelivery.objects.create(
            user=user,
            period="daily",
            period_key=end.date().isoformat(),
            window_start=end - datetime.timedelta(days=1),
            window_end=end,
            status=status,
        )

    recent = row(reader_en, 3, DeliveryStatus.SENT)
    unknown = row(reader_en, 4, DeliveryStatus.UNKNOWN)
    row(reader_en, 5, DeliveryStatus.EMPTY)
    old = row(reader_en, 400, DeliveryStatus.SENT)
    theirs = row(other, 3, DeliveryStatus.SENT)
    client = client_for(reader_en)

    listing = client.get("/en/digest/past/")

    links = re.findall(r'href="/en/digest/past/(\d+)/"', listing.text)
    assert links == [str(recent.pk), str(unknown.pk)]
    assert "may not have reached you" in listing.text
    assert client.get(f"/en/digest/past/{theirs.pk}/").status_code == 404
    assert client.get(f"/en/digest/past/{old.pk}/").status_code == 404


def test_your_digests_need_signing_in(client, db):
    response = client.get("/en/digest/past/")

    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]


def test_the_profile_links_to_past_digests(reader_en, client_for):
    page = client_for(reader_en).get("/en/digest/settings/")

    assert page.status_code == 200
    profile = client_for(reader_en).get("/en/profile/")
    assert 'href="/en/digest/past/"' in profile.text
