"""Runs: each member gets each period's digest at most once, and none is lost on the way."""

import datetime
import smtplib

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from digests import ledger, runs, schedule, sending
from digests.models import DeliveryStatus, DigestDelivery
from practices.models import PromisingPractice
from tests.digests import backends
from tests.digests.conftest import DAY, make_member, make_practice

pytestmark = pytest.mark.usefixtures("morning")

REFUSING = "tests.digests.backends.RefusingBackend"


@pytest.fixture
def refusals():
    backends.REFUSALS.clear()
    yield backends.REFUSALS
    backends.REFUSALS.clear()


def test_two_runs_on_the_same_day_send_one_digest(reader_en, organization, run_digests, mailoutbox):
    make_practice(organization)

    run_digests()
    run_digests()

    assert len(mailoutbox) == 1
    delivery = DigestDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.language) == ("sent", 1, "en")
    assert delivery.sent_at is not None


def test_a_batch_queued_twice_sends_once(reader_en, organization, mailoutbox):
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    ids = list(DigestDelivery.objects.values_list("pk", flat=True))

    sending.send_batch(ids)
    sending.send_batch(ids)

    assert len(mailoutbox) == 1


def test_a_digest_claimed_by_a_worker_that_died_is_sent_by_the_next_run(
    reader_en, organization, run_digests, mailoutbox, morning
):
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    # A worker claims the row, then dies before sending.
    ledger.claim(DigestDelivery.objects.values_list("pk", flat=True), timezone.now())

    run_digests()
    assert mailoutbox == [], "a live claim may still be sending: leave it alone"

    morning.shift(ledger.LEASE + datetime.timedelta(seconds=1))
    run_digests()

    assert len(mailoutbox) == 1
    delivery = DigestDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("sent", 2)


def test_the_next_days_run_finishes_yesterdays_unsent_digest(
    reader_en, organization, run_digests, mailoutbox, morning
):
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    ledger.claim(DigestDelivery.objects.values_list("pk", flat=True), timezone.now())

    morning.shift(datetime.timedelta(days=1))
    run_digests(day=DAY + datetime.timedelta(days=1))

    assert [d.status for d in DigestDelivery.objects.order_by("window_end")] == ["sent", "empty"]
    assert len(mailoutbox) == 1


@override_settings(EMAIL_BACKEND=REFUSING)
def test_an_address_the_server_refuses_is_logged_and_never_retried(
    reader_en, reader_fr, organization, run_digests, refusals, caplog
):
    from django.core import mail

    make_practice(organization)
    refusals["erin@example.org"] = backends.refused("erin@example.org", 550)

    run_digests()
    run_digests()

    statuses = dict(DigestDelivery.objects.values_list("user__email", "status"))
    assert statuses == {"erin@example.org": "failed", "fatou@example.org": "sent"}
    assert [m.to for m in mail.outbox] == [["fatou@example.org"]]
    assert "refused by the mail server (550)" in caplog.text
    assert "erin@example.org" not in caplog.text  # no addresses in logs


@override_settings(EMAIL_BACKEND=REFUSING)
def test_a_temporary_refusal_is_tried_again_by_the_next_run(
    reader_en, organization, run_digests, refusals
):
    from django.core import mail

    make_practice(organization)
    refusals["erin@example.org"] = backends.refused("erin@example.org", 450)

    run_digests()
    assert DigestDelivery.objects.get().status == DeliveryStatus.PENDING
    refusals.clear()
    run_digests()

    assert DigestDelivery.objects.get().status == DeliveryStatus.SENT
    assert len(mail.outbox) == 1


@override_settings(EMAIL_BACKEND=REFUSING)
def test_a_mail_server_that_is_down_stops_nothing_and_loses_nothing(
    reader_en, reader_fr, organization, run_digests, refusals, caplog
):
    from django.core import mail

    make_practice(organization)
    # The server answers "service not available" to the message: it was not taken.
    refusals["erin@example.org"] = smtplib.SMTPSenderRefused(421, b"Try later", "portal@x")

    result = run_digests()  # retried, then left for the sweep: no exception

    assert result["queued"] == 2
    assert set(DigestDelivery.objects.values_list("status", flat=True)) <= {"pending", "sent"}
    assert "the sweep will try again" in caplog.text
    refusals.clear()
    run_digests()
    assert sorted(m.to[0] for m in mail.outbox) == ["erin@example.org", "fatou@example.org"]
    assert set(DigestDelivery.objects.values_list("status", flat=True)) == {"sent"}


def test_a_practice_deleted_between_selection_and_sending_is_left_out(
    reader_en, organization, mailoutbox
):
    kept = make_practice(organization, title_en="Kept practice")
    deleted = make_practice(organization, title_en="Deleted practice")
    schedule.open_deliveries("daily", DAY)
    PromisingPractice.objects.filter(pk=deleted.pk).delete()

    sending.send_batch(list(DigestDelivery.objects.values_list("pk", flat=True)))

    [message] = mailoutbox
    assert kept.title_en in message.body
    assert "Deleted practice" not in message.body


def test_when_the_only_practice_is_deleted_before_sending_nothing_is_sent(
    reader_en, organization, mailoutbox
):
    only = make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    only.delete()

    sending.send_batch(list(DigestDelivery.objects.values_list("pk", flat=True)))

    assert mailoutbox == []
    assert DigestDelivery.objects.get().status == DeliveryStatus.EMPTY


def test_members_who_changed_their_mind_or_lost_their_address_are_skipped(
    reader_en, reader_fr, organization, mailoutbox
):
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    reader_en.member_profile.digest_frequency = "off"
    reader_en.member_profile.save()
    reader_fr.email = ""
    reader_fr.save()

    outcome = sending.send_batch(list(DigestDelivery.objects.values_list("pk", flat=True)))

    assert outcome == {"skipped": 2}
    assert mailoutbox == []
    notes = sorted(DigestDelivery.objects.values_list("note", flat=True))
    assert notes == ["digest turned off or changed", "no email address"]


def test_weekly_digest_goes_on_the_members_day_and_covers_the_week(
    organization, run_digests, mailoutbox
):
    make_member("wednesday@example.org", frequency="weekly", weekday=DAY.weekday())
    make_member("monday@example.org", frequency="weekly", weekday=0)
    make_practice(organization, published_at=timezone.now() - datetime.timedelta(days=5))

    run_digests("weekly")

    assert [m.to for m in mailoutbox] == [["wednesday@example.org"]]
    assert mailoutbox[0].subject.startswith("Your weekly digest")
    delivery = DigestDelivery.objects.get()
    assert delivery.period_key == "2026-W02"
    assert delivery.window_end - delivery.window_start == datetime.timedelta(days=7)


def test_the_next_digest_starts_where_the_previous_one_ended(
    reader_en, organization, run_digests, morning
):
    run_digests()
    morning.shift(datetime.timedelta(days=3))
    run_digests(day=DAY + datetime.timedelta(days=3))  # two days without a run

    first, second = DigestDelivery.objects.order_by("window_end")
    assert second.window_start == first.window_end
    assert second.window_end - second.window_start == datetime.timedelta(days=3)


def test_batch_sends_with_a_fixed_number_of_queries_plus_one_record_per_email(
    organization, django_assert_num_queries
):
    """Prevents an n+1 in sending: the batch's reads are fixed; each email adds one UPDATE of the
    ledger (the previous email "sent", this one "handing over" before the backend is called), and
    the last email's record is one more."""
    for n in range(3):
        make_practice(organization, title_en=f"Practice {n}")
    for n in range(30):
        make_member(f"m{n}@example.org", language="fr" if n % 2 else "en", themes=["employment"])
    schedule.open_deliveries("daily", DAY)
    ids = list(DigestDelivery.objects.order_by("pk").values_list("pk", flat=True))

    with django_assert_num_queries(FIXED_QUERIES + 5 + 1):
        assert sending.send_batch(ids[:5]) == {"sent": 5}
    with django_assert_num_queries(FIXED_QUERIES + 25 + 1):
        assert sending.send_batch(ids[5:]) == {"sent": 25}


# claim, rows; 6 for the readers; 5 for the sources: practices, resources, adaptations, threads,
# statuses (replies need none when nobody follows)
FIXED_QUERIES = 2 + 6 + 5


def test_dry_run_counts_and_changes_nothing(reader_en, reader_fr, organization, mailoutbox):
    make_practice(organization)

    tally = runs.dry_run("daily", DAY)

    assert tally["due"] == 2 and tally["would_send"] == 2 and tally["items_practices"] == 2
    assert not DigestDelivery.objects.exists()
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # batches queued on commit
def test_send_digests_command(reader_en, organization, mailoutbox, capsys):
    make_practice(organization)

    call_command("send_digests", "--period", "daily", "--dry-run")
    assert mailoutbox == []
    call_command("send_digests", "--period", "daily")

    out = capsys.readouterr().out
    assert "would_send: 1" in out
    assert "1 due" in out and "sent: 1" in out
    assert len(mailoutbox) == 1


def test_send_digests_refuses_a_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_digests", "--period", "daily", "--date", "07/01/2026")
