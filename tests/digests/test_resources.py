"""The digest's "resources" section: files and links added to practices members follow."""

import datetime

import pytest
import time_machine

from practices.models import Resource
from tests.digests.conftest import YESTERDAY_NOON, make_member, make_practice
from tests.digests.test_content import START, digest_for, items
from tests.digests.test_digest_email import assert_email_contains
from uploads.models import Format, Scan, Upload

pytestmark = pytest.mark.usefixtures("morning")


def add_resource(practice, when=YESTERDAY_NOON, scan=Scan.CLEAN, **fields):
    upload = Upload.objects.create(
        name="map.pdf", size=348_160, format=Format.PDF, sha256="0" * 64, scan=scan
    )
    values = {"title_en": "Bus map", "title_fr": "Carte des autobus", "kind": "guide", **fields}
    with time_machine.travel(when, tick=False):
        resource = Resource(practice=practice, key=str(Resource.objects.count()), upload=upload,
                            **values)  # fmt: skip
        resource.languages = ["en", "ti"]
        resource.save()
    return resource


@pytest.fixture
def older_practice(organization):
    return make_practice(organization, published_at=START - datetime.timedelta(days=60))


def test_resources_added_in_the_window_to_older_practices_are_news(
    reader_en, older_practice, organization
):
    inside = add_resource(older_practice)
    add_resource(older_practice, when=START - datetime.timedelta(seconds=1), title_en="Old")
    add_resource(older_practice, scan=Scan.WAITING, title_en="Not scanned yet")
    new_practice = make_practice(organization, title_en="New", title_fr="Nouvelle")
    add_resource(new_practice, title_en="Comes with its practice")
    assert items(digest_for(reader_en), "resources") == [inside]


def test_resources_follow_the_members_regions(older_practice):
    add_resource(older_practice)
    atlantic = make_member("atlantic@example.org", regions=["atlantic"])
    bc = make_member("bc@example.org", regions=["bc_yukon"])
    assert items(digest_for(atlantic), "resources") == []
    assert len(items(digest_for(bc), "resources")) == 1


def test_english_and_french_digests_list_new_resources(
    reader_en, reader_fr, older_practice, run_digests, mailoutbox
):
    add_resource(older_practice)
    run_digests()
    by_recipient = {m.to[0]: m for m in mailoutbox}
    english, french = by_recipient["erin@example.org"], by_recipient["fatou@example.org"]
    assert_email_contains(english, "1 new resource on a practice")
    assert_email_contains(english, "Bus map")
    assert_email_contains(english, "In “Winter driving lessons”")
    assert_email_contains(english, "English, Tigrinya")
    assert_email_contains(english, "PDF, 340 KB")
    assert "/winter-driving-lessons/#resources-heading" in english.body
    assert_email_contains(french, "1 nouvelle ressource dans une pratique")
    assert_email_contains(french, "Carte des autobus")
    assert_email_contains(french, "anglais, tigrigna")
    assert_email_contains(french, "PDF, 340\u00a0Ko")
