"""Benchmark the organization directory with 10,000 organizations.

Creates a scratch database (bench_directory_<name>, or in memory on SQLite; the real database
is not touched), fills it with synthetic organizations, then requests the directory through the
Django test client with a range of filter combinations and reports the queries per request and
the 50th and 95th percentile of server time. Run it on PostgreSQL (--keepdb keeps the scratch
database, so that a second run measures the same rows):

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal \\
        .venv/bin/python manage.py bench_directory
"""

import cProfile
import pstats
import random
import statistics
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

from workinggroup.models import (
    SIZE_CLASS_BITS,
    Community,
    Organization,
    ProvinceTerritory,
    language_bits,
)

QUERIES = [
    "",
    "page=137",
    "region=atlantic",
    "province=NT",
    "size=remote",
    "language=fr",
    "francophone=1",
    "region=atlantic&language=fr",
    "region=prairies_north&size=rural&page=3",
    "province=NB&size=rural&language=fr&francophone=1",
    "region=bc_yukon&province=BC&size=small_centre&language=pa",
    "region=quebec&language=vi&francophone=1",
]
LANGUAGES = ["ar", "zh", "fa", "hi", "ko", "pa", "pt", "ru", "so", "es", "sw", "tl", "ti", "uk"]


class Command(BaseCommand):
    help = "Time the organization directory (p50/p95 server time) with N organizations."

    def add_arguments(self, parser):
        parser.add_argument("--organizations", type=int, default=10_000)
        parser.add_argument("--rounds", type=int, default=40, help="requests per filter set")
        parser.add_argument("--language", default="en", choices=["en", "fr"])
        parser.add_argument("--keepdb", action="store_true", help="reuse the scratch database")
        parser.add_argument("--sql", action="store_true", help="print each query and its time")
        parser.add_argument("--profile", action="store_true", help="cProfile the requests")
        parser.add_argument("--budget-ms", type=float, default=50.0, help="p95 of all requests")

    def handle(
        self, *args, organizations, rounds, language, keepdb, sql, profile, budget_ms, **options
    ):
        self.show_sql, self.profile = sql, profile
        setup_test_environment(debug=False)
        old_name = connection.settings_dict["NAME"]
        if connection.vendor != "sqlite":
            # Its own scratch database, apart from the test runner's test_<name>.
            connection.settings_dict["TEST"]["NAME"] = f"bench_directory_{old_name}"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keepdb)
        try:
            self._fill(organizations)
            p95 = self._measure(rounds, language)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=keepdb)
        if p95 > budget_ms:
            raise CommandError(f"directory p95 {p95:.1f} ms is over the {budget_ms:.0f} ms budget")

    def _fill(self, count):
        existing = Organization.objects.filter(slug__startswith="bench-").count()
        if existing >= count:
            return
        rng = random.Random(20211)  # noqa: S311 - synthetic data, fixed seed
        provinces = list(ProvinceTerritory.objects.all())
        communities = {}
        for community in Community.objects.all():
            communities.setdefault(community.province_id, []).append(community.pk)
        rows = []
        for number in range(existing, count):
            province = rng.choice(provinces)
            francophone = rng.random() < 0.12
            languages = ["fr", "en"] if francophone else ["en"] + (["fr"] * (rng.random() < 0.3))
            languages += rng.sample(LANGUAGES, rng.randint(0, 4))
            name = f"{rng.choice(['North', 'South', 'Valley', 'Lake', 'River', 'Bay'])} {number}"
            rows.append(
                Organization(
                    slug=f"bench-{number}",
                    name=f"{name} Newcomer Centre",
                    name_en=f"{name} Newcomer Centre",
                    name_fr=f"Centre des nouveaux arrivants {name}",
                    description_en="Synthetic organization for the benchmark. " * 8,
                    description_fr="Organisme fictif pour la mesure de performance. " * 8,
                    province=province,
                    staff_size=rng.choice(["1-5", "1-5", "6-15", "16-50", "51+"]),
                    languages=languages,
                    language_bits=language_bits(languages),  # bulk_create skips save()
                    francophone_minority=francophone,
                    website=f"https://example.org/bench-{number}",
                )
            )
        # The communities served, drawn before saving so that each row gets its size classes:
        # bulk_create skips save() and the m2m signals that keep the copies current.
        sizes = {c.pk: c.size_class for c in Community.objects.all()}
        served = []
        for organization in rows:
            choices = communities.get(organization.province_id, [])
            served.append(rng.sample(choices, min(len(choices), rng.randint(1, 3))))
            organization.size_class_bits = sum(
                SIZE_CLASS_BITS[size] for size in {sizes[pk] for pk in served[-1]}
            )
        created = Organization.objects.bulk_create(rows, batch_size=1000)
        through = Organization.communities.through
        links = [
            through(organization_id=organization.pk, community_id=community_id)
            for organization, community_ids in zip(created, served, strict=True)
            for community_id in community_ids
        ]
        through.objects.bulk_create(links, batch_size=2000)
        with connection.cursor() as cursor:
            # As autovacuum leaves a table: statistics, and the visibility map that lets the
            # counts read only the index.
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        self.stdout.write(f"{Organization.objects.count()} organizations, {len(links)} links")

    def _measure(self, rounds, language):
        client = Client()
        prefix = "/en/organizations/" if language == "en" else "/fr/organismes/"
        all_times = []
        self.stdout.write(f"{connection.vendor}, {rounds} requests per filter set, {prefix}")
        self.stdout.write(f"{'filters':<58} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for query in QUERIES:
            url = f"{prefix}?{query}" if query else prefix
            reset_queries()  # each request resets the log; start from empty so nothing is lost
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            query_count = len(captured)  # now: the next request empties the log
            if self.show_sql:
                for q in captured.captured_queries:
                    self.stdout.write(f"  {q['time']}s {q['sql'][:400]}")
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            if self.profile:
                profiler = cProfile.Profile()
                for _ in range(rounds):
                    profiler.runcall(client.get, url)
                pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
            all_times += times
            self.stdout.write(
                f"{query or '(none)':<58} {query_count:>7} "
                f"{statistics.median(times):>8.1f} {_p95(times):>8.1f}"
            )
        self.stdout.write(
            f"{'all':<58} {'':>7} {statistics.median(all_times):>8.1f} {_p95(all_times):>8.1f}"
        )
        return _p95(all_times)


def _p95(times):
    return statistics.quantiles(times, n=20)[-1]
