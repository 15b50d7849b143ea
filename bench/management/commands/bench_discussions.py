"""Time the discussion pages on a large forum: a 5,000-post thread, a 20,000-thread category.

Creates the data once (a "bench" category, a member account, marked so they are easy to
remove with --delete), then requests each page RUNS times in-process through the whole Django
stack (middleware, session, templates) as a signed-in member, and prints the server time per
page (median, 95th percentile, max) and its number of queries. Run it on PostgreSQL, never on a
database holding real discussions:

    DEBUG=1 DATABASE_URL=postgres://... python manage.py bench_discussions
"""

import math
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from discussions.models import (
    POSTS_PER_PAGE,
    THREADS_PER_PAGE,
    Category,
    Post,
    ReadPosition,
    Thread,
)
from discussions.rendering import convert
from workinggroup import roles

BENCH_SLUG = "bench-discussions"
BENCH_EMAIL = "bench-member@example.invalid"
BIG_THREAD_TITLE = "Benchmark: the long thread"


class Command(BaseCommand):
    help = "Time discussion pages on a 20,000-thread category and a 5,000-post thread."

    def add_arguments(self, parser):
        parser.add_argument("--threads", type=int, default=20_000)
        parser.add_argument("--posts", type=int, default=5_000)
        parser.add_argument("--runs", type=int, default=100)
        parser.add_argument("--delete", action="store_true", help="Remove the bench data, stop.")

    def handle(self, *args, threads, posts, runs, delete, **options):
        if delete:
            self._delete()
            return
        if runs < 20:
            raise CommandError("--runs must be at least 20 for a 95th percentile to mean much.")
        category, big, member = self._data(threads, posts)
        client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0])
        client.force_login(member)
        thread_pages = math.ceil(big.post_count / POSTS_PER_PAGE)
        list_pages = math.ceil(threads / THREADS_PER_PAGE)
        with translation.override("en"):
            pages = {
                "category list": "/en/discussions/",
                "category, page 1": category.get_absolute_url(),
                "category, middle page": f"{category.get_absolute_url()}?page={list_pages // 2}",
                "category, last page": f"{category.get_absolute_url()}?page={list_pages}",
                "thread, page 1": big.get_absolute_url(),
                "thread, middle page": f"{big.get_absolute_url()}?page={thread_pages // 2}",
                "thread, last page": f"{big.get_absolute_url()}?page={thread_pages}",
                "jump to first unread": f"{big.get_absolute_url()}unread/",
            }
        self.stdout.write(
            f"{connection.vendor}, {threads:,} threads in the category, "
            f"{big.post_count:,} posts in the thread, {runs} runs per page"
        )
        self.stdout.write(f"{'page':<24}{'median ms':>10}{'p95 ms':>9}{'max ms':>9}{'queries':>9}")
        for name, url in pages.items():
            self._measure(client, name, url, runs, member, big)

    def _measure(self, client, name, url, runs, member, big):
        for _ in range(3):  # warm caches (templates, connection) before timing
            client.get(url)
        timings = []
        for _ in range(runs):
            # Keep "first unread" meaningful: the member has read half the thread.
            ReadPosition.objects.filter(user=member, thread=big).update(
                position=big.post_count // 2
            )
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            if response.status_code not in (200, 302):
                raise CommandError(f"{url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        timings.sort()
        p95 = timings[math.ceil(0.95 * len(timings)) - 1]
        self.stdout.write(
            f"{name:<24}{statistics.median(timings):>10.1f}{p95:>9.1f}{timings[-1]:>9.1f}"
            f"{len(queries):>9}"
        )

    @transaction.atomic
    def _data(self, thread_count, post_count):
        member, created = get_user_model().objects.get_or_create(
            email=BENCH_EMAIL, defaults={"first_name": "Bench", "last_name": "Member"}
        )
        if created:
            member.set_unusable_password()
            member.save()
            roles.grant(member, roles.MEMBER)
        category, _ = Category.objects.get_or_create(
            slug_en=BENCH_SLUG,
            defaults={"slug_fr": f"{BENCH_SLUG}-fr", "name_en": "Benchmark", "name_fr": "Banc"},
        )
        existing = category.threads.count()
        if existing < thread_count:
            self.stdout.write(f"Creating {thread_count - existing:,} threads…")
            now = timezone.now()
            new = Thread.objects.bulk_create(
                (
                    Thread(
                        category=category,
                        author=member,
                        title=f"Benchmark thread {n}",
                        last_activity=now - timezone.timedelta(minutes=n),
                        created=now - timezone.timedelta(minutes=n),
                        pinned=n < 2,
                    )
                    for n in range(existing, thread_count)
                ),
                batch_size=2000,
            )
            opening = "Opening post"
            Post.objects.bulk_create(
                (
                    Post(
                        thread=t,
                        author=member,
                        body=opening,
                        body_html=convert(opening),
                        position=1,
                    )
                    for t in new
                ),
                batch_size=2000,
            )
            # Some threads read, some not, so the unread marks have work to do.
            ReadPosition.objects.bulk_create(
                (ReadPosition(user=member, thread=t, position=1) for t in new[::3]),
                batch_size=2000,
                ignore_conflicts=True,
            )
        big = category.threads.filter(title=BIG_THREAD_TITLE).first()
        if big is None:
            big, _post = Thread.start(category, member, BIG_THREAD_TITLE, "Opening post")
        if big.post_count < post_count:
            self.stdout.write(f"Adding {post_count - big.post_count:,} posts to the long thread…")
            now = timezone.now()
            text = "Reply number {} with **some** Markdown and a [link](https://example.org)."
            Post.objects.bulk_create(
                (
                    Post(
                        thread=big,
                        author=member,
                        body=text.format(n),
                        body_html=convert(text.format(n)),
                        position=n,
                        created=now,
                    )
                    for n in range(big.post_count + 1, post_count + 1)
                ),
                batch_size=2000,
            )
            Thread.objects.filter(pk=big.pk).update(reply_count=post_count - 1, last_activity=now)
            big.refresh_from_db()
        ReadPosition.objects.get_or_create(user=member, thread=big)
        return category, big, member

    def _delete(self):
        category = Category.objects.filter(slug_en=BENCH_SLUG).first()
        if category:
            Post.objects.filter(thread__category=category).delete()
            category.threads.all().delete()
            category.delete()
        get_user_model().objects.filter(email=BENCH_EMAIL).delete()
        self.stdout.write("Bench data removed.")
