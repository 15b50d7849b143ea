"""The ledger's states: a message whose fate is unknown is never sent again by the machine, claims
of dead workers and batches lost with the broker are sent by the sweep within minutes."""

import datetime
import smtplib

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from digests import ledger, runs, schedule, sending, tasks
from digests.models import DeliveryStatus, DigestDelivery
from tests.digests import backends
from tests.digests.conftest import DAY, make_practice

pytestmark = pytest.mark.usefixtures("morning")

REFUSING = "tests.digests.backends.RefusingBackend"


@pytest.fixture
def refusals():
    backends.REFUSALS.clear()
    yield backends.REFUSALS
    backends.REFUSALS.clear()


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """sweep(): beat's sweep, its batches executed in-process (eager)."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return tasks.sweep_digests()

    return run


def _ids():
    return list(DigestDelivery.objects.order_by("pk").values_list("pk", flat=True))


def _status(user):
    return DigestDelivery.objects.get(user=user).status


def _dead_worker_in_hand_over(now):
    """A worker claimed every row, marked the first as handed over, and died there."""
    claim_id, _count = ledger.claim(_ids(), now)
    first = DigestDelivery.objects.order_by("pk").first()
    assert ledger.hand_over(claim_id, first.pk, now)
    return claim_id, first


def test_a_worker_dead_while_handing_over_leaves_an_unknown_digest_never_sent_again(
    reader_en, reader_fr, organization, mailoutbox, morning, sweep, run_digests
):
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    _claim, handed = _dead_worker_in_hand_over(timezone.now())

    assert sweep() == {"queued": 0, "released": 0, "unknown": 0}, "the lease still runs"
    assert mailoutbox == []

    morning.shift(ledger.LEASE + datetime.timedelta(seconds=1))
    assert sweep() == {"queued": 1, "released": 1, "unknown": 1}
    run_digests()
    morning.shift(datetime.timedelta(hours=1))
    sweep()

    assert [m.to for m in mailoutbox] == [["fatou@example.org"]], "the other one, once"
    handed.refresh_from_db()
    assert handed.status == DeliveryStatus.UNKNOWN
    assert handed.note == ledger.UNKNOWN_NOTE
    assert runs.unknown_count() == 1


def test_send_again_sends_an_unknown_digest_once(
    reader_en, organization, mailoutbox, morning, sweep, django_capture_on_commit_callbacks
):
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    _claim, handed = _dead_worker_in_hand_over(timezone.now())
    morning.shift(ledger.LEASE + datetime.timedelta(seconds=1))
    sweep()

    with django_capture_on_commit_callbacks(execute=True):
        assert runs.send_again(handed.pk)
        tasks.queue_again(handed.pk)
    assert not runs.send_again(handed.pk), "pressed twice: the second press does nothing"

    assert [m.to for m in mailoutbox] == [["erin@example.org"]]
    handed.refresh_from_db()
    assert handed.status == DeliveryStatus.SENT
    assert mailoutbox[0].extra_headers["Message-ID"] == handed.message_id


def test_a_slow_worker_that_lost_its_claim_sends_nothing(reader_en, organization, mailoutbox):
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    now = timezone.now()
    stalled, _count = ledger.claim(_ids(), now)
    later = now + ledger.LEASE + datetime.timedelta(seconds=1)
    runs.sweep(later)  # taken back: the stalled worker's lease ran out
    assert sending.send_batch(_ids(), now=later) == {"sent": 1}

    [delivery] = DigestDelivery.objects.all()
    assert not ledger.hand_over(stalled, delivery.pk, later), "the stalled worker lost it"
    assert len(mailoutbox) == 1


def test_a_live_worker_renews_its_lease(reader_en, organization):
    schedule.open_deliveries("daily", DAY)
    now = timezone.now()
    claim_id, _count = ledger.claim(_ids(), now)
    later = now + datetime.timedelta(minutes=1)
    ledger.renew(claim_id, later)

    runs.sweep(now + ledger.LEASE + datetime.timedelta(seconds=1))

    delivery = DigestDelivery.objects.get()
    assert delivery.status == DeliveryStatus.CLAIMED
    assert delivery.lease_until == later + ledger.LEASE


@override_settings(EMAIL_BACKEND=REFUSING)
def test_a_connection_dropped_during_a_message_makes_it_unknown_and_the_rest_go(
    reader_en, reader_fr, organization, refusals, run_digests, caplog
):
    from django.core import mail  # the outbox of the refusing backend

    make_practice(organization)
    refusals["erin@example.org"] = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    run_digests()  # the task retries: the rest of the batch goes out
    refusals.clear()
    run_digests()

    assert [m.to for m in mail.outbox] == [["fatou@example.org"]]
    assert _status(reader_en) == DeliveryStatus.UNKNOWN
    assert "1 unknown" in caplog.text


def test_batches_lost_with_the_broker_are_sent_by_the_sweep(
    reader_en, reader_fr, organization, mailoutbox, morning, sweep
):
    make_practice(organization)
    run = runs.open_run("daily", DAY)  # listed and marked queued; Redis then lost the batch
    assert run.queued == 2

    morning.shift(datetime.timedelta(minutes=1))
    assert sweep()["queued"] == 0, "a batch queued a minute ago may still be in the queue"
    morning.shift(ledger.REQUEUE_AFTER)
    assert sweep()["queued"] == 2

    assert sorted(m.to[0] for m in mailoutbox) == ["erin@example.org", "fatou@example.org"]


def test_the_sweep_sends_a_dead_workers_claims_within_ten_minutes(
    reader_en, reader_fr, organization, mailoutbox, morning, sweep
):
    """Beat sweeps every SWEEP_EVERY minutes: a claim taken at any moment is sent by the second
    sweep after the lease runs out at the latest."""
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    ledger.claim(_ids(), timezone.now())  # then the worker died, before any hand-over
    killed_at = timezone.now()

    minutes = 0
    while len(mailoutbox) < 2:
        minutes += runs.SWEEP_EVERY
        morning.shift(datetime.timedelta(minutes=runs.SWEEP_EVERY))
        sweep()
        assert minutes <= 10, "every digest that can be sent is sent within 10 minutes"

    assert timezone.now() - killed_at <= datetime.timedelta(minutes=10, seconds=5)
    assert set(DigestDelivery.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # batches queued on commit
def test_send_digests_says_what_is_sent_held_unknown_and_waiting(
    reader_en, reader_fr, organization, capsys
):
    make_practice(organization)
    schedule.open_deliveries("daily", DAY)
    _claim, _handed = _dead_worker_in_hand_over(timezone.now())

    call_command("send_digests", "--period", "daily", "--date", DAY.isoformat())

    out = capsys.readouterr().out
    assert "2 due, 0 unsent digests queued" in out
    assert "held by a live claim: 2 (until " in out
    assert "unknown: 0" in out and "waiting: 0" in out


def test_one_statement_records_the_previous_message_and_hands_over_the_next(
    reader_en, reader_fr, organization
):
    schedule.open_deliveries("daily", DAY)
    now = timezone.now()
    claim_id, _count = ledger.claim(_ids(), now)
    first, second = DigestDelivery.objects.order_by("pk")
    assert ledger.record_and_hand_over(claim_id, None, first.pk, now)
    # The worker stalled: the sweep made the first unknown and took the second back.
    runs.sweep(now + ledger.LEASE + datetime.timedelta(seconds=1))

    handed = ledger.record_and_hand_over(claim_id, (first.pk, {"item_count": 3}), second.pk, now)

    assert not handed, "the second is no longer this claim's: not sent"
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.item_count, first.sent_at) == ("sent", 3, now), "it was taken"
    assert second.status == DeliveryStatus.PENDING


def test_a_daily_run_lost_with_redis_is_made_by_the_sweep_once(
    reader_en, reader_fr, organization, mailoutbox, morning, sweep, run_digests
):
    """Beat queued run_digests at 06:00 and Redis lost it before any row existed."""
    from digests.models import DigestRun

    make_practice(organization)
    morning.shift(runs.MISSED_AFTER - datetime.timedelta(minutes=1))
    assert sweep() == {"queued": 0, "released": 0, "unknown": 0}, "a run may still be queued"

    morning.shift(datetime.timedelta(minutes=runs.SWEEP_EVERY))
    result = sweep()

    assert result["runs_made"] == ["daily"] and result["queued"] == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["erin@example.org", "fatou@example.org"]
    assert DigestRun.objects.filter(period="daily", day=DAY).exists()
    morning.shift(datetime.timedelta(minutes=runs.SWEEP_EVERY))
    assert "runs_made" not in sweep(), "made once"
    run_digests()  # the lost task comes back after all: nothing twice
    assert len(mailoutbox) == 2


def test_the_sweep_leaves_alone_a_run_that_was_made(
    reader_en, organization, mailoutbox, morning, sweep, run_digests
):
    make_practice(organization)
    run_digests()
    morning.shift(datetime.timedelta(minutes=15))
    run_digests("weekly")  # nobody's weekly digest today: made all the same
    assert len(mailoutbox) == 1

    morning.shift(datetime.timedelta(hours=2))
    result = sweep()

    assert result == {"queued": 0, "released": 0, "unknown": 0}
    assert len(mailoutbox) == 1


def test_a_weekly_run_lost_is_made_for_the_members_whose_day_it_is(
    organization, mailoutbox, morning, sweep
):
    from tests.digests.conftest import make_member

    make_practice(organization)
    make_member("today@example.org", frequency="weekly", weekday=DAY.weekday())
    make_member("monday@example.org", frequency="weekly", weekday=0)
    # The daily run was made (nobody takes it); the weekly one, at 06:15, was lost.
    runs.open_run("daily", DAY)
    morning.shift(datetime.timedelta(minutes=15) + runs.MISSED_AFTER)

    assert sweep()["runs_made"] == ["weekly"]

    assert [m.to for m in mailoutbox] == [["today@example.org"]]
    assert DigestDelivery.objects.get().period_key == schedule.period_key("weekly", DAY)
