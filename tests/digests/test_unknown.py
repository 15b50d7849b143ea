"""Digests whose fate is unknown: listed for administrators, counted on the dashboard, sent again
only when an administrator presses "Send again"."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from digests import ledger, runs, schedule
from digests.models import DeliveryStatus, DigestDelivery
from tests.conftest import make_user
from tests.digests.conftest import DAY, make_practice
from workinggroup import roles

pytestmark = pytest.mark.usefixtures("morning")

UNKNOWN_LIST = "/en/admin/digests/digestdelivery/unknown/"


@pytest.fixture
def unknown(reader_en, organization, morning):
    """Erin's digest, handed over by a worker that died there; the sweep found it."""
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    now = timezone.now()
    claim_id, _count = ledger.claim(DigestDelivery.objects.values_list("pk", flat=True), now)
    delivery = DigestDelivery.objects.get()
    ledger.hand_over(claim_id, delivery.pk, now)
    ledger.take_back_expired(now + ledger.LEASE + datetime.timedelta(seconds=1))
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.UNKNOWN
    return delivery


def test_administrators_see_the_member_the_period_and_the_time(unknown, alex, client_for):
    response = client_for(alex).get(UNKNOWN_LIST)

    assert response.status_code == 200
    assert "erin@example.org" in response.text
    assert "2026-01-07" in response.text
    assert escape(unknown.message_id) in response.text
    assert "Send again" in response.text


def test_send_again_sends_it_once_and_a_second_press_does_nothing(
    unknown, alex, client_for, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(alex)
    url = f"/en/admin/digests/digestdelivery/{unknown.pk}/send-again/"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, follow=True)

    assert "is sent again" in response.text
    assert "no longer unknown" in again.text
    assert [m.to for m in mailoutbox] == [["erin@example.org"]]
    unknown.refresh_from_db()
    assert unknown.status == DeliveryStatus.SENT


def test_only_administrators_may_send_again(unknown, client_for, mailoutbox):
    editor = make_user("ed@example.org", roles.EDITOR, is_staff=True)
    client = client_for(editor)

    listing = client.get(UNKNOWN_LIST)
    response = client.post(f"/en/admin/digests/digestdelivery/{unknown.pk}/send-again/")

    assert listing.status_code == 403 and response.status_code == 403
    unknown.refresh_from_db()
    assert unknown.status == DeliveryStatus.UNKNOWN
    assert mailoutbox == []


def test_the_dashboard_and_the_ledger_page_count_unknown_digests(unknown, alex, client_for):
    alex.is_superuser = True  # as administrators invited through the portal are
    alex.save()
    client = client_for(alex)

    dashboard = client.get("/en/admin/")
    ledger_page = client.get("/en/admin/digests/digestdelivery/")
    french = client.get("/fr/admin/")

    assert "1 digest whose fate is unknown" in dashboard.text
    assert UNKNOWN_LIST in dashboard.text
    assert "1 unknown" in ledger_page.text and "0 waiting to be sent" in ledger_page.text
    assert "1 résumé dont le sort est inconnu" in french.text


def test_the_whole_ledger_counts_open_rows_of_any_age_and_recent_finished_ones(
    unknown, reader_fr, morning
):
    morning.shift(datetime.timedelta(days=30))  # the unknown digest is a month old now
    old_end = timezone.now() - datetime.timedelta(days=20)
    DigestDelivery.objects.create(
        user=reader_fr,
        period="daily",
        period_key="2026-01-17",
        window_start=old_end - datetime.timedelta(days=1),
        window_end=old_end,
        status=DeliveryStatus.SENT,
    )

    state = runs.ledger_state()

    assert (state["unknown"], state["sent"], state["waiting"]) == (1, 0, 0)
