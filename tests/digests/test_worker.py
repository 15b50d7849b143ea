"""A real Celery worker on the machine's Redis, killed mid-run: every member still gets exactly one
digest.

The test database is shared with worker subprocesses (`transactional_db`: committed rows, the
worker given the test database's name). Each worker is a `celery -A config worker` in its own
process group, sending into a file backend that pauses before each message like an SMTP
conversation. The first worker is killed with SIGKILL after a few messages, mid-batch; the claims
it held are aged past CLAIM_EXPIRY (as if the time limit had passed), a second worker starts,
the run is started again, and each member's address must appear in exactly one message.
"""

import datetime
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app as celery_app
from digests.models import CLAIM_EXPIRY, DeliveryStatus, DigestDelivery
from tests.digests.conftest import DAY, make_member, make_practice

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEMBERS = 12
KILL_AFTER = 4  # messages written before the first worker is killed
TIMEOUT = 60  # seconds, for any one wait


def test_worker_killed_mid_run_loses_no_digest_and_sends_none_twice(organization, tmp_path):
    members = [
        make_member(f"member{n}@example.org", language="fr" if n % 2 else "en")
        for n in range(MEMBERS)
    ]
    make_practice(organization)
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    _purge_broker()
    previous_eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False  # through the real broker, for once
    try:
        with _worker(tmp_path / "worker-1.log", mail_dir) as first:
            _start_run()
            _wait_for(lambda: len(_recipients(mail_dir)) >= KILL_AFTER, "first messages")
            time.sleep(0.1)  # inside the next message's pause, long before it is written
            first.kill()
        sent_before = _recipients(mail_dir)
        assert KILL_AFTER <= len(sent_before) < MEMBERS
        orphaned = DigestDelivery.objects.filter(status=DeliveryStatus.SENDING)
        assert orphaned.exists(), "the killed worker held claims on unsent digests"
        _age_claims(orphaned)

        with _worker(tmp_path / "worker-2.log", mail_dir):
            _start_run()
            _wait_for(_all_finished, "every digest sent")
    finally:
        celery_app.conf.task_always_eager = previous_eager
        _purge_broker()

    recipients = _recipients(mail_dir)
    assert sorted(recipients) == sorted(m.email for m in members), "one digest each, no more"
    deliveries = DigestDelivery.objects.all()
    assert {d.status for d in deliveries} == {DeliveryStatus.SENT}
    assert any(d.attempts == 2 for d in deliveries), "a claimed, unsent digest was taken over"


def _start_run():
    from digests.tasks import run_digests

    run_digests.apply_async(args=("daily", DAY.isoformat()))


def _all_finished():
    return not DigestDelivery.objects.exclude(status=DeliveryStatus.SENT).exists()


def _age_claims(queryset):
    """As if the claims' time limit had passed: the next run may take them over."""
    for delivery in queryset:
        DigestDelivery.objects.filter(pk=delivery.pk).update(
            claimed_at=delivery.claimed_at - CLAIM_EXPIRY - datetime.timedelta(seconds=1)
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


def _database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}{port}/{db['NAME']}"


class _worker:
    """`celery -A config worker` against the test database, in its own process group."""

    def __init__(self, log_path, mail_dir):
        self.log_path = log_path
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")},
            "DEBUG": "1",
            "DATABASE_URL": _database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "EMAIL_BACKEND": "tests.digests.backends.SlowFileBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
            "LOG_LEVEL": "INFO",
        }
        self.name = f"digests-test-{uuid.uuid4().hex[:8]}@%h"

    def __enter__(self):
        self.log = open(self.log_path, "w")  # closed in __exit__
        command = [sys.executable, "-m", "celery", "-A", "config", "worker"]
        command += ["--pool=prefork", "--concurrency=1", "--loglevel=INFO", "-n", self.name]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command,
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait_for(self._ready, "the worker to start")
        return self

    def _ready(self):
        if self.process.poll() is not None:
            pytest.fail(f"the worker exited at start:\n{self.log_path.read_text()[-3000:]}")
        return " ready." in self.log_path.read_text()

    def kill(self):
        """SIGKILL to the worker and its pool process: no shutdown, no cleanup, as in a crash."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=TIMEOUT)

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.terminate()  # warm shutdown: the worker lets its pool finish
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()
