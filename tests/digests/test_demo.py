"""The demo data shows digests at once: the demo member's past digests, and one unknown digest
for the demo administrator."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from digests.models import DeliveryStatus, DigestDelivery


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", stdout=io.StringIO())
    return get_user_model().objects


def test_the_demo_member_reads_past_digests_and_the_admin_sees_an_unknown_one(demo, client):
    rows = DigestDelivery.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert DigestDelivery.objects.count() == rows, "loading twice doubles nothing"
    member, admin = demo.get(email="member@demo.example"), demo.get(email="admin@demo.example")

    client.force_login(member)
    listing = client.get("/fr/resume/precedents/")
    [newest, *_older] = re.findall(r'href="(/fr/resume/precedents/\d+/)"', listing.text)
    page = client.get(newest)
    assert page.status_code == 200
    assert "<h2" in page.text, "the newest demo digest has something in it"

    assert DigestDelivery.objects.filter(status=DeliveryStatus.UNKNOWN).count() == 1
    client.force_login(admin)
    assert "1 digest whose fate is unknown" in client.get("/en/admin/").text
