"""Real Celery workers on the machine's Redis, killed mid-run, or Redis losing its data: no member
gets a digest twice, and every digest that can be sent is sent by the sweep.

The test database is shared with worker subprocesses (`transactional_db`: committed rows, the
worker given the test database's name). Each worker is a `celery -A config worker` in its own
process group, sending into a file backend that pauses before each message like an SMTP
conversation. Leases are aged by the test (as if LEASE had passed) and the sweep is sent to the
worker as beat would send it.
"""

import datetime
import re
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from bench.workers import Worker
from config.celery import app as celery_app
from digests import ledger, tasks
from digests.models import DeliveryStatus, DigestDelivery
from tests.digests.conftest import DAY, make_member, make_practice

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEMBERS = 12
KILL_AFTER = 4  # messages written before the first worker is killed
TIMEOUT = 60  # seconds, for any one wait


@pytest.fixture
def broker():
    """Through the real broker, for once; emptied before and after."""
    _purge_broker()
    previous_eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = previous_eager
    _purge_broker()


@pytest.fixture
def members(organization):
    make_practice(organization)
    return [
        make_member(f"member{n}@example.org", language="fr" if n % 2 else "en")
        for n in range(MEMBERS)
    ]


def test_worker_killed_mid_message_sends_none_twice_and_the_sweep_sends_the_rest(
    members, broker, tmp_path
):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    with _worker(tmp_path / "worker-1.log", mail_dir) as first:
        _start_run()
        _wait_for(lambda: len(_recipients(mail_dir)) >= KILL_AFTER, "first messages")
        time.sleep(0.1)  # inside the next message's pause: handed over, not yet written
        first.kill()
    sent_before = _recipients(mail_dir)
    assert KILL_AFTER <= len(sent_before) < MEMBERS
    assert DigestDelivery.objects.filter(status=DeliveryStatus.HANDOVER).count() == 1
    _age_leases()

    with _worker(tmp_path / "worker-2.log", mail_dir):
        tasks.sweep_digests.apply_async()
        _wait_for(_nothing_left, "every digest sent or unknown")

    recipients = _recipients(mail_dir)
    assert len(recipients) == len(set(recipients)), "nobody gets a digest twice"
    [unknown] = DigestDelivery.objects.filter(status=DeliveryStatus.UNKNOWN)
    assert unknown.user.email not in recipients, "killed before the message was written"
    assert sorted(recipients + [unknown.user.email]) == sorted(m.email for m in members)


def test_worker_killed_after_the_server_took_the_message_never_resends_it(
    members, broker, tmp_path
):
    """The crash is injected between the hand-over and its record: the backend's process dies
    right after writing the message of the sixth member."""
    victim = members[5].email
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    backend = "tests.digests.backends.CrashingFileBackend"
    with _worker(tmp_path / "worker.log", mail_dir, backend, crash_on=victim):
        _start_run()
        _wait_for(lambda: victim in _recipients(mail_dir), "the victim's message")
        _wait_for(lambda: "SIGKILL" in (tmp_path / "worker.log").read_text(), "the crash")
        _age_leases()
        tasks.sweep_digests.apply_async()
        _wait_for(_nothing_left, "every digest sent or unknown")

    recipients = _recipients(mail_dir)
    assert sorted(recipients) == sorted(m.email for m in members), "each once, the victim too"
    statuses = dict(DigestDelivery.objects.values_list("user__email", "status"))
    assert statuses.pop(victim) == DeliveryStatus.UNKNOWN
    assert set(statuses.values()) == {DeliveryStatus.SENT}


def test_batches_lost_with_redis_are_sent_by_the_sweep(members, broker, tmp_path):
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    result = tasks.run_digests("daily", DAY.isoformat())  # batches queued in Redis, no worker yet
    assert result["queued"] == MEMBERS
    _purge_broker()  # Redis restarted without its data
    DigestDelivery.objects.update(queued_at=timezone.now() - ledger.REQUEUE_AFTER)

    with _worker(tmp_path / "worker.log", mail_dir):
        tasks.sweep_digests.apply_async()
        _wait_for(_nothing_left, "every digest sent")

    assert sorted(_recipients(mail_dir)) == sorted(m.email for m in members)


def _start_run():
    tasks.run_digests.apply_async(args=("daily", DAY.isoformat()))


def _nothing_left():
    """Of DAY's digests: on the real clock, a sweep late in the morning also makes today's run
    (runs.missed_runs), whose rows are empty for these members."""
    finished = (DeliveryStatus.SENT, DeliveryStatus.UNKNOWN)
    days = DigestDelivery.objects.filter(period_key=DAY.isoformat())
    return not days.exclude(status__in=finished).exists()


def _age_leases():
    """As if LEASE had passed since the dead worker last renewed its claims."""
    past = ledger.LEASE + datetime.timedelta(seconds=1)
    for delivery in DigestDelivery.objects.exclude(lease_until=None):
        DigestDelivery.objects.filter(pk=delivery.pk).update(
            lease_until=delivery.lease_until - past
        )


def _recipients(mail_dir):
    """The To: address of every message the file backend wrote so far."""
    found = []
    for path in Path(mail_dir).glob("*"):
        found += re.findall(r"^To: (\S+)$", path.read_text(errors="replace"), re.MULTILINE)
    return found


def _wait_for(condition, what):
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for: {what}")
        time.sleep(0.05)


def _purge_broker():
    import redis

    redis.Redis.from_url(settings.REDIS_URL).flushdb()


def _worker(log_path, mail_dir, backend=None, crash_on=""):
    """A real worker against the test database (bench.workers), its mail in `mail_dir`."""
    env = {
        "DEBUG": "1",
        "REDIS_URL": settings.REDIS_URL,
        "EMAIL_BACKEND": backend or "tests.digests.backends.SlowFileBackend",
        "DIGEST_TEST_CRASH_ON": crash_on,
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    return Worker(log_path, env, "digests-test", TIMEOUT)
