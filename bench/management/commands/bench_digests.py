"""Time a day's digests for many members, then roll it all back.

    DATABASE_URL=postgres://... python manage.py bench_digests --members 10000 --practices 500

Creates the members (daily digest, a third in French, a third following a few regions or
themes, each following a few threads), the practices published the day before, some threads,
replies and status updates; opens the day's ledger rows; then builds, renders and hands every
digest to the in-memory email backend, batch by batch, as the workers would. Reports the time,
the rate and the queries of each batch (a fixed number plus the one UPDATE that records each
send). Fails (exit 1) over --budget-s. Nothing is kept: it all happens in a transaction that is
rolled back.

With --workers N (as N Celery worker processes), the data is committed first, N forked processes
share the batches, each with its own database connection, committing each ledger write as the
workers do; everything the bench made is deleted at the end (also after an error).
"""

import datetime
import multiprocessing
import os
import random
import time
from collections import Counter

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from digests import runs, schedule, sending
from digests.models import DigestDelivery, DigestPreferences
from discussions.models import Category, Follow, Post, Thread
from practices.models import PromisingPractice, Status, Theme
from recommendations.models import Recommendation, StatusUpdate
from workinggroup import roles
from workinggroup.models import Community, MemberProfile, Organization, Region, User

DAY = datetime.date(2030, 1, 15)
EMAIL_PREFIX = "bench-digest-"
ORG_PREFIX = "bench-digest-org-"
CATEGORY_SLUG = "bench-d"
STATUS_NOTE = "Benchmark."


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark building and sending a day's digests (everything is rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=10_000)
        parser.add_argument("--practices", type=int, default=500)
        parser.add_argument("--budget-s", type=float, default=60.0)
        parser.add_argument(
            "--workers",
            type=int,
            default=0,
            help="Processes sending the batches, committing as workers do; the data is "
            "committed, then deleted at the end. Default 0: this process, all rolled back.",
        )

    def handle(self, *args, members, practices, budget_s, workers, **options):
        if members < 1 or practices < 0 or workers < 0:
            raise CommandError(
                "--members must be at least 1, --practices and --workers zero or more"
            )
        if workers == 0:
            try:
                with transaction.atomic():
                    users = self._make_data(members, practices)
                    result = self._send_all(users)
                    raise _Rollback
            except _Rollback:
                pass
        else:
            try:
                with transaction.atomic():
                    users = self._make_data(members, practices)
                    ids = self._open_rows(users)
                result = self._send_in_processes(ids, workers)
            finally:
                self._delete_everything()
        seconds, cpu_seconds, outcome, per_batch = result
        sent = outcome.get("sent", 0)
        if sent + outcome.get("empty", 0) != members:
            raise CommandError(f"{members} members made, but {dict(outcome)} counted")
        self.stdout.write(
            f"{connection.vendor}, {members} members, {practices} new practices, "
            f"batches of {runs.BATCH_SIZE}, "
            f"{f'{workers} worker processes' if workers else 'in this process, rolled back'}, "
            f"DEBUG={settings.DEBUG}"
        )
        self.stdout.write(
            f"  {sent} digests built and handed to the email backend in {seconds:.1f} s "
            f"({sent / seconds:.0f} per second); outcomes: {dict(outcome)}"
        )
        self.stdout.write(
            f"  the sending processes' CPU time: {cpu_seconds:.1f} s; machine load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        fixed = sorted({queries - emails for queries, emails in per_batch})
        self.stdout.write(
            f"  queries per batch: {fixed} fixed + 1 per email sent (record the previous, hand "
            f"over this one; over {len(per_batch)} batches)"
        )
        if seconds > budget_s:
            raise CommandError(f"{seconds:.1f} s is over the {budget_s:.0f} s budget")

    def _send_all(self, users):
        """Open the day's ledger rows of the members made here, and send them batch by batch.
        Members already in the database (and their unsent rows) are left alone: --members
        counts only the bench's own."""
        ids = self._open_rows(users)
        backend = mail.get_connection("django.core.mail.backends.locmem.EmailBackend")
        outcome, per_batch = Counter(), []
        started, cpu_started = time.perf_counter(), time.process_time()
        for start in range(0, len(ids), runs.BATCH_SIZE):
            batch_outcome, queries = _send_one_batch(ids[start : start + runs.BATCH_SIZE], backend)
            outcome.update(batch_outcome)
            per_batch.append((queries, batch_outcome.get("sent", 0)))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        return wall, cpu, {str(k): v for k, v in outcome.items()}, per_batch

    def _send_in_processes(self, ids, workers):
        """The batches shared by `workers` forked processes, as Celery's prefork pool does."""
        batches = [ids[i : i + runs.BATCH_SIZE] for i in range(0, len(ids), runs.BATCH_SIZE)]
        connections.close_all()  # each process opens its own
        started = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_batch_in_a_process, batches, chunksize=1)
        wall = time.perf_counter() - started
        outcome, per_batch, cpu = Counter(), [], 0.0
        for batch_outcome, queries, batch_cpu in results:
            outcome.update(batch_outcome)
            per_batch.append((queries, batch_outcome.get("sent", 0)))
            cpu += batch_cpu
        return wall, cpu, dict(outcome), per_batch

    def _delete_everything(self):
        """What the bench committed with --workers: its members (and their rows, profiles,
        follows), practices, organizations, threads and status updates."""
        User.objects.filter(email__startswith=EMAIL_PREFIX).delete()
        PromisingPractice.objects.filter(lead_organization__slug__startswith=ORG_PREFIX).delete()
        Organization.objects.filter(slug__startswith=ORG_PREFIX).delete()
        Thread.objects.filter(category__slug_en=CATEGORY_SLUG).delete()
        Category.objects.filter(slug_en=CATEGORY_SLUG).delete()
        # Status updates are append-only for people (StatusUpdate.objects.delete refuses); these
        # were made by the bench, on a day years ahead, and never shown.
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {StatusUpdate._meta.db_table} WHERE note_en = %s AND effective_date = %s",  # noqa: S608, E501 (our own table name)
                [STATUS_NOTE, DAY],
            )

    def _open_rows(self, users):
        ours = {user.pk for user in users}
        rows = [d for d in schedule.planned_deliveries("daily", DAY) if d.user_id in ours]
        DigestDelivery.objects.bulk_create(rows, batch_size=1000)
        # Only the rows of the members made here: not other members, not an earlier run's.
        ids = list(
            DigestDelivery.objects.filter(user_id__in=ours, period_key=DAY.isoformat())
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        assert len(ids) == len(users), (len(ids), len(users))
        return ids

    def _make_data(self, members, practices):
        rnd = random.Random(2026)
        noon = timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(12)))
        yesterday = noon - datetime.timedelta(days=1)
        users = self._make_members(rnd, members)
        self._make_practices(rnd, practices, yesterday)
        self._make_activity(rnd, users, yesterday)
        self.stdout.write(f"Created {members} members and {practices} practices.")
        return users

    def _make_members(self, rnd, count):
        unusable = make_password(None)
        users = User.objects.bulk_create(
            [
                User(
                    email=f"{EMAIL_PREFIX}{n}@example.org",
                    password=unusable,  # nobody signs in as these
                    first_name=f"Member {n}",
                    preferred_language="fr" if n % 3 == 0 else "en",
                )
                for n in range(count)
            ],
            batch_size=2000,
        )
        if connection.vendor != "postgresql" or users[0].pk is None:
            users = list(User.objects.filter(email__startswith=EMAIL_PREFIX).order_by("pk"))
        MemberProfile.objects.bulk_create(
            [MemberProfile(user=u, digest_frequency="daily") for u in users], batch_size=2000
        )
        member = Group.objects.get(name=roles.MEMBER)
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=u.pk, group_id=member.pk) for u in users],
            batch_size=5000,
        )
        regions, themes = list(Region.objects.all()), list(Theme.objects.all())
        choosers = [u for u in users if rnd.random() < 1 / 3]
        preferences = DigestPreferences.objects.bulk_create(
            [DigestPreferences(user=u) for u in choosers], batch_size=2000
        )
        if connection.vendor != "postgresql" or (preferences and preferences[0].pk is None):
            preferences = list(DigestPreferences.objects.filter(user__in=choosers))
        chosen_region = DigestPreferences.regions.through
        chosen_theme = DigestPreferences.themes.through
        region_rows, theme_rows = [], []
        for p in preferences:
            for region in rnd.sample(regions, rnd.randint(0, 2)):
                region_rows.append(chosen_region(digestpreferences_id=p.pk, region_id=region.pk))
            for theme in rnd.sample(themes, rnd.randint(0, 3)):
                theme_rows.append(chosen_theme(digestpreferences_id=p.pk, theme_id=theme.pk))
        chosen_region.objects.bulk_create(region_rows, batch_size=5000)
        chosen_theme.objects.bulk_create(theme_rows, batch_size=5000)
        return users

    def _make_practices(self, rnd, count, day_start):
        communities = list(Community.objects.select_related("province"))
        themes = list(Theme.objects.all())
        organizations = [
            Organization.objects.create(
                slug=f"{ORG_PREFIX}{n}",
                name=f"Bench organization {n}",
                name_en=f"Bench organization {n}",
                name_fr=f"Organisme d’essai {n}",
                province=rnd.choice(communities).province,
            )
            for n in range(20)
        ]
        rows = []
        for n in range(count):
            community = rnd.choice(communities)
            french_only, english_only = n % 10 == 0, n % 10 == 1
            practice = PromisingPractice(
                title_en=None if french_only else f"Newcomer practice {n}",
                title_fr=None if english_only else f"Pratique d’accueil {n}",
                summary_en=None if french_only else f"A program that helps newcomers, number {n}.",
                summary_fr=None if english_only else f"Un programme d’accueil, numéro {n}.",
                lead_organization=rnd.choice(organizations),
                province=community.province,
                community=community,
                kind="innovation",
                delivery_mode="hybrid",
                origin="staff",
                evidence_level="monitored",
                stage="pilot",
                status=Status.PUBLISHED,
                published_at=day_start + datetime.timedelta(seconds=rnd.randrange(86_400)),
                theme_bits=sum(t.mask for t in rnd.sample(themes, rnd.randint(1, 3))),
            )
            practice.fill_derived_fields()
            rows.append(practice)
        PromisingPractice.objects.bulk_create(rows, batch_size=1000)

    def _make_activity(self, rnd, users, day_start):
        category = Category.objects.create(
            name="Bench",
            name_en="Bench",
            name_fr="Essai",
            slug_en=CATEGORY_SLUG,
            slug_fr="essai-d",
        )
        earlier = day_start - datetime.timedelta(days=5)
        old = [
            Thread.objects.create(category=category, title=f"Older thread {n}", created=earlier)
            for n in range(30)
        ]
        for n in range(15):
            Thread.objects.create(
                category=category,
                title=f"New thread {n}",
                created=day_start + datetime.timedelta(minutes=60 * n),
            )
        posts = []
        for thread in old:
            posts.append(Post(thread=thread, body="Opening", position=1, created=earlier))
            for position in range(2, rnd.randint(2, 6)):
                created = day_start + datetime.timedelta(seconds=rnd.randrange(86_400))
                posts.append(Post(thread=thread, body="Reply", position=position, created=created))
        Post.objects.bulk_create(posts, batch_size=2000)
        Follow.objects.bulk_create(
            [
                Follow(user_id=u.pk, thread_id=t.pk)
                for u in users
                for t in rnd.sample(old, rnd.randint(0, 3))
            ],
            batch_size=5000,
        )
        for item in Recommendation.objects.order_by("?")[:10]:
            StatusUpdate.objects.create(
                recommendation=item,
                source="ircc",
                status="under_way",
                effective_date=DAY,
                note_en=STATUS_NOTE,
                created_at=day_start + datetime.timedelta(hours=rnd.randrange(24)),
            )


def _send_one_batch(ids, backend):
    """Send one batch as a worker does; (outcome, queries it ran)."""
    mail.outbox = []
    connection.queries_log.clear()  # a bounded deque: count each batch from empty
    with CaptureQueriesContext(connection) as queries:
        outcome = sending.send_batch(ids, now=timezone.now(), connection=backend)
    assert len(mail.outbox) == outcome.get("sent", 0)
    mail.outbox = []
    return {str(k): v for k, v in outcome.items()}, len(queries)


def _batch_in_a_process(ids):
    """In a forked process: one batch, and the CPU time it took."""
    backend = mail.get_connection("django.core.mail.backends.locmem.EmailBackend")
    cpu_started = time.process_time()
    outcome, queries = _send_one_batch(ids, backend)
    return outcome, queries, time.process_time() - cpu_started
