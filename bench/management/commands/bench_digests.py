"""Time a day's digests for many members, then roll it all back.

    DATABASE_URL=postgres://... python manage.py bench_digests --members 10000 --practices 500

Creates the members (daily digest, a third in French, a third following a few regions or
themes, each following a few threads), the practices published the day before, some threads,
replies and status updates; opens the day's ledger rows; then builds, renders and hands every
digest to the in-memory email backend, batch by batch, as the workers would. Reports the time,
the rate and the queries of each batch (a fixed number plus the one UPDATE that records each
send). Fails (exit 1) over --budget-s. Nothing is kept: it all happens in a transaction that is
rolled back.
"""

import datetime
import os
import random
import time
from collections import Counter

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
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


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark building and sending a day's digests (everything is rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--members", type=int, default=10_000)
        parser.add_argument("--practices", type=int, default=500)
        parser.add_argument("--budget-s", type=float, default=60.0)

    def handle(self, *args, members, practices, budget_s, **options):
        if members < 1 or practices < 0:
            raise CommandError("--members must be at least 1 and --practices zero or more")
        try:
            with transaction.atomic():
                users = self._make_data(members, practices)
                result = self._send_all(users)
                raise _Rollback
        except _Rollback:
            pass
        seconds, cpu_seconds, outcome, per_batch = result
        sent = outcome.get("sent", 0)
        self.stdout.write(
            f"{connection.vendor}, {members} members, {practices} new practices, "
            f"batches of {runs.BATCH_SIZE}, DEBUG={settings.DEBUG}"
        )
        self.stdout.write(
            f"  {sent} digests built and handed to the email backend in {seconds:.1f} s "
            f"({sent / seconds:.0f} per second); outcomes: {dict(outcome)}"
        )
        self.stdout.write(
            f"  this process's CPU time: {cpu_seconds:.1f} s; machine load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        fixed = sorted({queries - emails for queries, emails in per_batch})
        self.stdout.write(
            f"  queries per batch: {fixed} fixed + 1 per email sent (over {len(per_batch)} batches)"
        )
        if seconds > budget_s:
            raise CommandError(f"{seconds:.1f} s is over the {budget_s:.0f} s budget")

    def _send_all(self, users):
        """Open the day's ledger rows of the members made here, and send them batch by batch.
        Members already in the database (and their unsent rows) are left alone: --members
        counts only the bench's own."""
        ours = {user.pk for user in users}
        rows = [d for d in schedule.planned_deliveries("daily", DAY) if d.user_id in ours]
        DigestDelivery.objects.bulk_create(rows, batch_size=1000)
        ids = list(
            DigestDelivery.objects.filter(user__email__startswith=EMAIL_PREFIX)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        backend = mail.get_connection("django.core.mail.backends.locmem.EmailBackend")
        outcome, per_batch = Counter(), []
        started, cpu_started = time.perf_counter(), time.process_time()
        for start in range(0, len(ids), runs.BATCH_SIZE):
            mail.outbox = []
            connection.queries_log.clear()  # a bounded deque: count each batch from empty
            with CaptureQueriesContext(connection) as queries:
                batch_outcome = sending.send_batch(
                    ids[start : start + runs.BATCH_SIZE],
                    now=timezone.now(),
                    connection=backend,
                )
            assert len(mail.outbox) == batch_outcome.get("sent", 0)
            outcome.update(batch_outcome)
            per_batch.append((len(queries), batch_outcome.get("sent", 0)))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        return wall, cpu, {str(k): v for k, v in outcome.items()}, per_batch

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
                slug=f"bench-digest-org-{n}",
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
            name="Bench", name_en="Bench", name_fr="Essai", slug_en="bench-d", slug_fr="essai-d"
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
                note_en="Benchmark.",
                created_at=day_start + datetime.timedelta(hours=rnd.randrange(24)),
            )
