"""Server time of the catalogue pages, through Django's test client (middleware, views, templates).

Run on PostgreSQL after `generate_practices 100000`. Each scenario cycles through varied
requests (different filters, rare and common words) so caches of a single URL do not flatter it.
"""

import random
import statistics
import time
from urllib.parse import quote_plus

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from practices import catalogue
from practices.models import PromisingPractice, Resource, ResourceKind
from uploads.models import Format, Scan, Upload
from workinggroup.models import LANGUAGE_BITS, ProvinceTerritory, Region

WORDS = [
    "natation femmes",
    "natation",
    "swim night",
    "etudiants etrangers",
    "community",
    "newcomers",
    "collectivité",
    "temporary foreign workers",
    "logement",
    "childcare",
]
BUDGETS = {
    "one filter": 60,
    "keyword": 60,
    "three filters + keyword": 60,
    "detail": 30,
    "detail, 10 resources": 30,
    "resources in a language": 60,
}
# Practices given RESOURCES_EACH resources (two languages each) for the resource scenarios; made
# on the first run, kept (key "bench-…") so that later runs time the same pages.
RESOURCE_PRACTICES = 200
RESOURCES_EACH = 10


class Command(BaseCommand):
    help = "Time the practice list and detail pages (p95 server time) on the current database."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=100, help="per scenario")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, requests, seed, **options):
        settings.DEBUG = False  # no query log: measure what production runs
        rnd = random.Random(seed)
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else None)
        total = PromisingPractice.objects.published().count()
        self.stdout.write(f"{total} published practices, database {connection.vendor}")
        scenarios = self.scenarios(rnd)

        catalogue.publication_changed()
        cold = self.time_one(client, "/en/practices/")
        cold_filter = self.time_one(client, "/en/practices/?region=atlantic")
        self.stdout.write(
            f"first request after a publication: unfiltered {cold[0]:.0f} ms, "
            f"one filter {cold_filter[0]:.0f} ms (facet counts computed, then cached)"
        )
        self.warm_single_filter_counts(client)

        self.stdout.write(f"{'scenario':28} {'median':>8} {'p95':>8} {'max':>8} {'queries':>8}")
        failed = []
        for name, urls in scenarios.items():
            for url in urls[:5]:  # warm-up: connections, templates, reference data
                self.time_one(client, url)
            times, queries = [], 0
            for i in range(requests):
                elapsed, count, status = self.time_one(client, urls[i % len(urls)])
                assert status == 200, (urls[i % len(urls)], status)
                times.append(elapsed)
                queries = max(queries, count)
            times.sort()
            p95 = times[max(0, int(len(times) * 0.95) - 1)]
            budget = BUDGETS.get(name)
            verdict = "" if budget is None else (" ok" if p95 < budget else f" OVER {budget} ms")
            if budget and p95 >= budget:
                failed.append(name)
            self.stdout.write(
                f"{name:28} {statistics.median(times):7.1f}ms {p95:7.1f}ms {times[-1]:7.1f}ms "
                f"{queries:8d}{verdict}"
            )
        if failed:
            self.stdout.write(self.style.WARNING(f"over budget: {', '.join(failed)}"))
        self.exactness()

    def exactness(self):
        """For each keyword, rare to common: whether the list page's first page (found tier by
        tier) is exactly the top 20 of every match sorted in full (`ordered()`, no shortcut).
        Times (median of 5): the page with its cards, passages and counts, as `find` gives it;
        its first run after a publication; and the bare-SQL floor of the exact ranked query,
        the full sort's SQL run on a cursor with no ORM around it."""
        self.stdout.write(
            f"\n{'keyword':28} {'matches':>8} {'page':>8} {'first page':>10} {'bare SQL':>9} exact"
        )
        rows = []
        for word in WORDS:
            query = catalogue.Query(text=word)
            rows.append((catalogue.find(query).total, word, query))
        wrong = 0
        for total, word, query in sorted(rows):
            catalogue.publication_changed()
            page_times, sql_times = [], []
            for _ in range(5):
                start = time.perf_counter()
                results = catalogue.find(query)
                page = [p.pk for p in results.page(1).practices]
                assert results.counts and results.total == total
                page_times.append((time.perf_counter() - start) * 1000)
            full = catalogue.find(query).ordered().values_list("pk", flat=True)[:20]
            sql, params = full.query.sql_with_params()
            for _ in range(5):
                start = time.perf_counter()
                with connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    top = [row[0] for row in cursor.fetchall()]
                sql_times.append((time.perf_counter() - start) * 1000)
            exact = page == top
            wrong += not exact
            self.stdout.write(
                f"{word:28} {total:8d} {statistics.median(page_times):6.1f}ms "
                f"{page_times[0]:8.1f}ms {statistics.median(sql_times):7.1f}ms "
                f"{'yes' if exact else 'NO'}"
            )
        if wrong:
            self.stdout.write(self.style.WARNING(f"{wrong} first pages differ from the top 20"))

    def time_one(self, client, url):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
        return elapsed, len(captured), response.status_code

    def warm_single_filter_counts(self, client):
        """What a publication would trigger: counts for the whole set and each single filter."""
        for facet in catalogue.current_facets():
            for choice in facet.choices:
                self.time_one(client, f"/en/practices/?{facet.param}={choice.value}")

    def scenarios(self, rnd):
        facets = {f.param: f for f in catalogue.current_facets()}
        regions = list(Region.objects.values_list("code", flat=True))
        provinces = list(ProvinceTerritory.objects.values_list("code", flat=True))

        def one_filter():
            facet = rnd.choice(list(facets.values()))
            return f"{facet.param}={rnd.choice(facet.choices).value}"

        def three_filters():
            chosen = rnd.sample(["theme", "kind", "size", "mode", "stage", "group"], 2)
            parts = [f"region={rnd.choice(regions)}"]
            parts += [f"{p}={rnd.choice(facets[p].choices).value}" for p in chosen]
            return "&".join(parts)

        ids = list(
            PromisingPractice.objects.published().order_by("?").values_list("pk", flat=True)[:200]
        )
        with_resources = self.practices_with_resources(rnd)
        languages = list(LANGUAGE_BITS)
        details = []
        for practice in PromisingPractice.objects.filter(pk__in=ids).only(
            "pk", "slug_en", "slug_fr"
        ):
            with translation.override(rnd.choice(["en", "fr"])):
                details.append(practice.get_absolute_url())
        return {
            "home": ["/en/", "/fr/"],  # its map counts every published practice
            "unfiltered": ["/en/practices/", "/fr/pratiques/"],
            "one filter": [f"/en/practices/?{one_filter()}" for _ in range(60)],
            "one filter, page 3": [f"/fr/pratiques/?{one_filter()}&page=3" for _ in range(30)],
            "two filters": [
                f"/en/practices/?province={rnd.choice(provinces)}&{one_filter()}" for _ in range(30)
            ],
            "keyword": [
                f"/{lang}/{path}/?q={quote_plus(word)}"
                for word in WORDS
                for lang, path in (("en", "practices"), ("fr", "pratiques"))
            ],
            "three filters + keyword": [
                f"/en/practices/?{three_filters()}&q={quote_plus(rnd.choice(WORDS))}"
                for _ in range(60)
            ],
            "detail": details,
            "detail, 10 resources": with_resources,
            "resources in a language": [
                f"/en/practices/?reslang={rnd.choice(languages)}"
                + rnd.choice(["", f"&region={rnd.choice(regions)}", "&sort=adapted"])
                for _ in range(60)
            ],
        }

    def practices_with_resources(self, rnd):
        """The pages of RESOURCE_PRACTICES practices with RESOURCES_EACH resources each (files
        scanned clean, without bytes: the page reads rows, never storage)."""
        done = list(
            PromisingPractice.objects.filter(resources__key__startswith="bench-").distinct()[
                :RESOURCE_PRACTICES
            ]
        )
        if not done:
            codes = list(LANGUAGE_BITS)
            chosen = PromisingPractice.objects.published().order_by("?")[:RESOURCE_PRACTICES]
            for practice in chosen:
                for i in range(RESOURCES_EACH):
                    upload = Upload.objects.create(
                        name=f"bench-{i}.pdf", size=348_160, format=Format.PDF,
                        sha256="0" * 64, scan=Scan.CLEAN,
                    )  # fmt: skip
                    resource = Resource(
                        practice=practice, key=f"bench-{i}", title_en=f"Handout {i}",
                        title_fr=f"Document {i}", kind=rnd.choice(ResourceKind.values),
                        upload=upload, position=i,
                    )  # fmt: skip
                    resource.languages = rnd.sample(codes, 2)
                    resource.save()
                Resource.refresh_practice(practice)
                done.append(practice)
            catalogue.publication_changed()
        urls = []
        for practice in done:
            with translation.override(rnd.choice(["en", "fr"])):
                urls.append(practice.get_absolute_url())
        return urls
