"""The digest benchmark runs end to end, counts only the members it makes, leaves nothing."""

import datetime
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from digests.models import DigestDelivery
from tests.conftest import make_user
from workinggroup import roles
from workinggroup.models import MemberProfile, User


def test_bench_digests_reports_and_rolls_back(db, capsys):
    call_command("bench_digests", "--members", "40", "--practices", "12")

    out = capsys.readouterr().out
    assert "40 digests built and handed to the email backend" in out
    # 15: the new-resources section (issue 18) reads its window once per batch.
    assert "queries per batch: [15] fixed + 1 per email sent" in out
    assert not DigestDelivery.objects.exists()
    assert not User.objects.filter(email__startswith="bench-digest-").exists()


def test_bench_digests_leaves_members_already_in_the_database_out(db, capsys):
    member = make_user("daily@example.org", roles.MEMBER)
    MemberProfile.objects.filter(pk=MemberProfile.for_user(member).pk).update(
        digest_frequency="daily"
    )

    call_command("bench_digests", "--members", "40", "--practices", "12")

    out = capsys.readouterr().out
    assert "40 digests built and handed to the email backend" in out
    assert "outcomes: {'sent': 40}" in out


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bench_digests_with_two_processes_counts_its_own_and_deletes_them(capsys):
    member = make_user("earlier@example.org", roles.MEMBER)
    MemberProfile.objects.filter(pk=MemberProfile.for_user(member).pk).update(
        digest_frequency="daily"
    )
    end = datetime.datetime(2030, 1, 15, 5, tzinfo=datetime.UTC)
    left = DigestDelivery.objects.create(  # an earlier run's unsent digest: not the bench's
        user=member,
        period="daily",
        period_key="2030-01-14",
        window_start=end - datetime.timedelta(days=2),
        window_end=end - datetime.timedelta(days=1),
    )

    call_command("bench_digests", "--members", "30", "--practices", "5", "--workers", "2")

    out = capsys.readouterr().out
    assert "2 worker processes" in out
    assert "outcomes: {'sent': 30}" in out
    assert list(DigestDelivery.objects.values_list("pk", "status")) == [(left.pk, "pending")]
    assert not User.objects.filter(email__startswith="bench-digest-").exists()


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # real workers share the rows
def test_bench_digest_crashes_kills_a_worker_and_reports_no_duplicate_and_nothing_lost():
    import socket

    import redis

    from digests.models import DigestRun

    with socket.socket() as probe:  # a free port for the bench's own Redis
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    # Its own process: the command points this process's Celery at its private Redis.
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    database_url = (
        f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}"
    )
    command = [sys.executable, "manage.py", "bench_digest_crashes", "--members", "40"]
    command += ["--practices", "5", "--trials", "1", "--workers", "1", "--redis-port", str(port)]
    finished = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        command,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": f"{database_url}/{db['NAME']}"},
        capture_output=True,
        text=True,
        timeout=600,
    )

    out = finished.stdout
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert "| 0 (no kill: " in out
    [trial] = [line for line in out.splitlines() if line.startswith("| 1 | ")]
    cells = [cell.strip() for cell in trial.strip("|").split("|")]
    duplicates, unknown, not_sent, in_handover = cells[8], cells[9], cells[10], cells[5]
    assert (duplicates, not_sent) == ("0", "0")
    assert unknown == in_handover
    assert "1 trials: duplicates in 0" in out
    # Nothing left: its members, its runs, its Redis.
    assert not User.objects.filter(email__startswith="bench-digest-").exists()
    assert not DigestRun.objects.exists()
    with pytest.raises(redis.ConnectionError):
        redis.Redis(port=port, socket_connect_timeout=1).ping()
