"""Kill a digest worker at a random moment, many times: is any digest sent twice, or lost?

    DEBUG=1 DATABASE_URL=postgres://... python manage.py bench_digest_crashes \
        --members 2000 --trials 20

Issue 21's experiment. It starts its own Redis (`redis-server` on --redis-port, 6390: never the
shared one, which it neither flushes nor kills; this process's Celery queues through it, so run
the command as its own process) and commits the members and news of bench_digests
(deleted at the end, also after an error). First a run with no kill, to time one; then, for each
trial:

1. The ledger rows of the bench's members are deleted, and --workers real `celery -A config worker`
   processes (one pool process each) start, sending into a file backend that pauses
   --send-pause-ms per message like an SMTP server (bench.mail.PausingFileBackend).
2. This process makes the run (`tasks.run_digests`, as `send_digests` does with Redis: rows
   opened, batches queued to the workers), waits a random time between 0 and the run's length
   without a kill, and kills one worker and its pool process with SIGKILL.
3. Once the survivors are idle, a row still "handing over" is a kill that landed inside a
   hand-over (no live worker holds it). A fresh worker replaces the dead one.
4. The sweep runs as beat runs it, every 5 minutes, on a simulated clock: the first at a random
   moment 0 to 5 minutes after the kill, then every 5 minutes until 10 minutes after it (leases
   and "queued at" are compared with that clock: no waiting for real minutes). After each, the
   workers send what it queued.

Per trial it reports: duplicates (a member whose address is on two messages the backend wrote),
the unknown count against the kills inside a hand-over, members with a sendable digest that did
not get it within 10 (simulated) minutes of the kill, and when the last one went. Exit 1 if any
trial has a duplicate, a digest not sent, or unknown != kills in a hand-over.
"""

import datetime
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

import redis
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from bench.management.commands import bench_digests
from bench.workers import Worker, WorkerFailed
from digests import runs, tasks
from digests.models import DeliveryStatus, DigestDelivery, DigestRun

DAY = bench_digests.DAY
QUIET_FOR = 3.0  # seconds without a ledger change and with an empty queue: the workers are idle
TIMEOUT = 600  # seconds, for any one wait


class Command(BaseCommand):
    help = "Kill a digest worker at random moments during runs; report duplicates and losses."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=2000)
        parser.add_argument("--practices", type=int, default=100)
        parser.add_argument("--trials", type=int, default=20)
        parser.add_argument("--workers", type=int, default=2, help="Worker processes per run.")
        parser.add_argument("--send-pause-ms", type=float, default=2.0)
        parser.add_argument("--redis-port", type=int, default=6390)
        parser.add_argument("--seed", type=int, default=21)

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("run it on PostgreSQL: workers share the database")
        if options["redis_port"] == 6379:
            raise CommandError("not the shared Redis: choose another --redis-port")
        self.options = options
        self.rnd = random.Random(options["seed"])
        self.workdir = Path(tempfile.mkdtemp(prefix="bench-digest-crashes-"))
        self.redis = self._start_redis()
        self.workers = []
        made_runs = []
        maker = bench_digests.Command(stdout=self.stdout, stderr=self.stderr)
        try:
            with transaction.atomic():
                users = maker._make_data(options["members"], options["practices"])
            self.user_ids = [u.pk for u in users]
            made_runs = self._hold_todays_runs()
            self._report_header()
            calibration = self._trial(0, kill=False)
            self._report(calibration)
            results = []
            for number in range(1, options["trials"] + 1):
                result = self._trial(number, kill=True, within=calibration["run_s"])
                self._report(result)
                results.append(result)
            self._summary(results)
        finally:
            # Processes first: nothing of ours runs on after an error.
            for worker in self.workers:
                worker.stop()
            self.redis.kill()
            self.redis.wait(timeout=30)
            self._reset_ledger()
            DigestRun.objects.filter(pk__in=made_runs).delete()
            maker._delete_everything()
            shutil.rmtree(self.workdir, ignore_errors=True)

    # --- one trial -----

    def _trial(self, number, kill, within=0.0):
        self._reset_ledger()
        self._redis_client().flushdb()
        mail_dir = self.workdir / f"trial-{number}"
        mail_dir.mkdir()
        self.workers = [
            self._worker(mail_dir, f"{number}-{n}") for n in range(self.options["workers"])
        ]
        started = time.monotonic()
        tasks.run_digests("daily", DAY.isoformat())
        result = {"trial": number, "killed": "", "kill_s": None, "handover": 0, "taken": ""}
        if kill:
            delay = self.rnd.uniform(0, within)
            time.sleep(max(0.0, started + delay - time.monotonic()))
            victim = self.rnd.randrange(len(self.workers))
            written_before = len(_recipients(mail_dir))
            self.workers[victim].kill()
            killed_at = timezone.now()
            result.update(killed=f"{victim + 1}/{len(self.workers)}", kill_s=delay)
            result["written_before_kill"] = written_before
            self._wait_until_idle(drain=len(self.workers) > 1)  # the survivors finish
            handing_over = list(self._rows().filter(status=DeliveryStatus.HANDOVER))
            result["handover"] = len(handing_over)
            if handing_over:
                # Did the "server" take it before the kill? Either way it must end unknown.
                taken = _addresses_of(handing_over) & set(_recipients(mail_dir))
                result["taken"] = "yes" if taken else "no"
            result["claimed_by_dead"] = self._rows().filter(status=DeliveryStatus.CLAIMED).count()
            result["waiting_after_kill"] = (
                self._rows().filter(status=DeliveryStatus.PENDING).count()
            )
            self.workers[victim] = self._worker(mail_dir, f"{number}-fresh")
            result["last_sent_min"] = self._sweeps(killed_at, mail_dir)
        else:
            self._wait_until_idle()
            result["run_s"] = time.monotonic() - started - QUIET_FOR
        for worker in self.workers:
            worker.stop()
        self.workers = []
        return {**result, **self._outcome(mail_dir)}

    def _sweeps(self, killed_at, mail_dir):
        """Beat's sweeps on a simulated clock from the kill: the first 0 to 5 minutes after it,
        then every 5 minutes, to 10 minutes after it. Returns the simulated minutes after the
        kill when the last digest went (None if nothing was left to send)."""
        last = None
        moment = self.rnd.uniform(0, runs.SWEEP_EVERY)
        while moment <= 10:
            before = self._rows().filter(status=DeliveryStatus.SENT).count()
            now = killed_at + datetime.timedelta(minutes=moment)
            real_started = time.monotonic()
            run = runs.sweep(now=max(now, timezone.now()))
            tasks._queue(run)  # this process commits at once: queued now
            self._wait_until_idle()
            if self._rows().filter(status=DeliveryStatus.SENT).count() > before:
                last = moment + (time.monotonic() - real_started - QUIET_FOR) / 60
            moment += runs.SWEEP_EVERY
        return last

    def _outcome(self, mail_dir):
        recipients = Counter(_recipients(mail_dir))
        statuses = Counter(self._rows().values_list("status", flat=True))
        sent_rows = set(
            self._rows().filter(status=DeliveryStatus.SENT).values_list("user__email", flat=True)
        )
        unknown_rows = set(
            self._rows().filter(status=DeliveryStatus.UNKNOWN).values_list("user__email", flat=True)
        )
        not_sent = self._rows().filter(
            status__in=(DeliveryStatus.PENDING, DeliveryStatus.CLAIMED, DeliveryStatus.HANDOVER)
        )
        return {
            "statuses": dict(statuses),
            "messages": sum(recipients.values()),
            "duplicates": sum(1 for count in recipients.values() if count > 1),
            "unknown": statuses.get(DeliveryStatus.UNKNOWN, 0),
            "unknown_delivered": len(unknown_rows & set(recipients)),
            # Sendable but neither sent nor unknown: lost (the sweep should have sent them).
            "not_sent": not_sent.count(),
            # Recorded as sent, yet never written: a ledger that lies.
            "sent_not_written": len(sent_rows - set(recipients)),
        }

    # --- reporting -----

    def _report_header(self):
        o = self.options
        self.stdout.write(
            f"{o['members']} members, {o['practices']} practices, {o['workers']} worker "
            f"processes, a {o['send_pause_ms']:g} ms pause per message, seed {o['seed']}; load "
            f"average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        self.stdout.write(
            "| trial | kill at (s) | killed | written before | held by the dead worker | kill in "
            "a hand-over | taken by the server | messages | duplicates | unknown | not sent in "
            "10 min | last sent (min after kill) |"
        )
        self.stdout.write(
            "| ---: | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
        )  # noqa: E501

    def _report(self, r):
        if not r["kill_s"] and r["trial"] == 0:
            self.stdout.write(
                f"| 0 (no kill: {r['run_s']:.1f} s) | | | | | | | {r['messages']} | "
                f"{r['duplicates']} | {r['unknown']} | {r['not_sent']} | |"
            )
            return
        last = "" if r["last_sent_min"] is None else f"{r['last_sent_min']:.1f}"
        self.stdout.write(
            f"| {r['trial']} | {r['kill_s']:.1f} | {r['killed']} | {r['written_before_kill']} | "
            f"{r['claimed_by_dead'] + r['handover']} | {r['handover']} | {r['taken']} | "
            f"{r['messages']} | {r['duplicates']} | {r['unknown']} | {r['not_sent']} | {last} |"
        )
        if r["sent_not_written"]:
            self.stdout.write(f"  trial {r['trial']}: {r['sent_not_written']} sent, not written")
        self.stdout.flush()

    def _summary(self, results):
        bad = [
            r["trial"]
            for r in results
            if r["duplicates"]
            or r["not_sent"]
            or r["sent_not_written"]
            or r["unknown"] != r["handover"]
            or (r["last_sent_min"] or 0) > 10
        ]
        in_handover = sum(r["handover"] for r in results)
        self.stdout.write(
            f"{len(results)} trials: duplicates in {sum(1 for r in results if r['duplicates'])}, "
            f"kills inside a hand-over {in_handover}, unknown {sum(r['unknown'] for r in results)}"
            f" (of which delivered {sum(r['unknown_delivered'] for r in results)}), digests not "
            f"sent within 10 minutes {sum(r['not_sent'] for r in results)}; load average "
            f"{os.getloadavg()[0]:.1f}"
        )
        if bad:
            raise CommandError(f"trials {bad} broke a promise")

    # --- the ledger, Redis and the workers -----

    def _rows(self):
        return DigestDelivery.objects.filter(user_id__in=self.user_ids, period_key=DAY.isoformat())

    def _reset_ledger(self):
        if getattr(self, "user_ids", None):
            DigestDelivery.objects.filter(user_id__in=self.user_ids).delete()
        DigestRun.objects.filter(day=DAY).delete()

    def _hold_todays_runs(self):
        """The sweep makes today's runs if they are late (runs.missed_runs): on the real clock,
        late in the morning, that would be a real run for everyone in this database. Mark
        today's and tomorrow's as made for the experiment; returns the ids to delete after."""
        today = timezone.localdate()
        made = []
        for day in (today, today + datetime.timedelta(days=1)):
            for period in settings.DIGEST_RUN_TIMES:
                run, created = DigestRun.objects.get_or_create(period=period, day=day)
                if created:
                    made.append(run.pk)
        return made

    def _wait_until_idle(self, drain=True):
        """Until the ledger has not moved for QUIET_FOR seconds, and the queue is empty (when a
        live worker is there to `drain` it)."""
        client = self._redis_client()
        deadline = time.monotonic() + TIMEOUT
        last, quiet_since = None, time.monotonic()
        while True:
            seen = (
                client.llen("celery"),
                tuple(sorted(Counter(self._rows().values_list("status", flat=True)).items())),
            )
            if seen != last:
                last, quiet_since = seen, time.monotonic()
            elif (seen[0] == 0 or not drain) and time.monotonic() - quiet_since >= QUIET_FOR:
                return
            if time.monotonic() > deadline:
                raise CommandError(f"the workers did not settle: {seen}")
            for worker in self.workers:
                try:
                    worker.check()
                except WorkerFailed as failed:
                    raise CommandError(str(failed)) from None
            time.sleep(0.1)

    def _redis_url(self):
        return f"redis://127.0.0.1:{self.options['redis_port']}/0"

    def _redis_client(self):
        return redis.Redis.from_url(self._redis_url())

    def _start_redis(self):
        """A private redis-server that keeps nothing on disk; this process queues through it."""
        port = str(self.options["redis_port"])
        process = subprocess.Popen(  # noqa: S603 (a fixed command)
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                port,
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                redis.Redis(port=int(port)).ping()
                break
            except Exception:
                if process.poll() is not None:
                    raise CommandError(f"redis-server did not start on port {port}") from None
                if time.monotonic() > deadline:
                    process.kill()
                    raise CommandError("redis-server did not answer") from None
                time.sleep(0.1)
        # This process queues (the run, the sweeps) through it too.
        celery_app = tasks.send_digest_batch.app
        celery_app.conf.broker_url = self._redis_url()
        celery_app.conf.task_always_eager = False
        return process

    def _worker(self, mail_dir, name):
        env = {
            "REDIS_URL": self._redis_url(),
            "EMAIL_BACKEND": "bench.mail.PausingFileBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
            "BENCH_SEND_PAUSE_MS": str(self.options["send_pause_ms"]),
        }
        worker = Worker(self.workdir / f"worker-{name}.log", env, f"crash-{name}", TIMEOUT)
        try:
            return worker.start()
        except WorkerFailed as failed:
            raise CommandError(str(failed)) from None


def _recipients(mail_dir):
    """The To: address of every message the file backend wrote so far (one per message)."""
    found = []
    for path in Path(mail_dir).glob("*"):
        found += re.findall(r"^To: (\S+)$", path.read_text(errors="replace"), re.MULTILINE)
    return found


def _addresses_of(deliveries):
    return {d.user.email for d in deliveries}
