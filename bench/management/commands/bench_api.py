"""Server time of the open-data API's practice list, through Django's test client (middleware,
throttling, view, serialization, JSON rendering, ETag).

Run on PostgreSQL after `generate_practices 100000`. Each scenario cycles through varied requests
(regions, themes, rare and common words) so that no single cached URL flatters it. The headline
figure, and the issue's budget, is "filter + search": p95 under 60 ms. Each scenario reports the
first request for each of its URLs after a publication (cold) apart from the requests after it.
"""

import random
import statistics
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from practices import catalogue
from practices.models import PromisingPractice

WORDS = [
    "natation femmes",
    "swim night",
    "etudiants etrangers",
    "community",
    "newcomers",
    "collectivité",
    "temporary foreign workers",
    "logement",
    "childcare",
    "mentorat",
]
BUDGETS = {"filter + search": 60, "three filters + search": 60, "one filter": 60}


def percentile(ordered, rank):
    return ordered[max(0, int(len(ordered) * rank / 100) - 1)]


class Command(BaseCommand):
    help = "Time the API's practice list (p95 server time) on the current database."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=200, help="per scenario")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, requests, seed, **options):
        rates = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"api": "1000000/minute"}}
        with override_settings(DEBUG=False, REST_FRAMEWORK=rates):
            self.run(requests, random.Random(seed))

    def run(self, requests, rnd):
        client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else None)
        total = PromisingPractice.objects.published().count()
        self.stdout.write(f"{total} published practices, database {connection.vendor}")
        self.stdout.write(
            f"{'scenario':26} {'cold p50':>9} {'cold p95':>9} {'p50':>8} {'p95':>8} {'max':>8} "
            f"{'queries':>8} {'results':>8}"
        )
        failed = []
        for name, urls in self.scenarios(rnd).items():
            # Cold: the first request for each distinct URL after a publication (nothing cached
            # for it: no count, no search candidates). Then the same URLs again, as clients
            # paging or polling ask them.
            catalogue.publication_changed()
            self.time_one(client, "/api/v1/")  # connection and middleware warm-up
            cold = sorted(self.time_one(client, url)[0] for url in urls)
            times, queries, results = [], 0, []
            for i in range(requests):
                elapsed, count, response = self.time_one(client, urls[i % len(urls)])
                assert response.status_code == 200, (urls[i % len(urls)], response.content[:300])
                times.append(elapsed)
                queries = max(queries, count)
                results.append(response.json()["count"])
            times.sort()
            p95 = percentile(times, 95)
            budget = BUDGETS.get(name)
            verdict = "" if budget is None else (" ok" if p95 < budget else f" OVER {budget} ms")
            if budget and p95 >= budget:
                failed.append(name)
            self.stdout.write(
                f"{name:26} {statistics.median(cold):8.1f}ms {percentile(cold, 95):8.1f}ms "
                f"{statistics.median(times):7.1f}ms {p95:7.1f}ms {times[-1]:7.1f}ms "
                f"{queries:8d} {int(statistics.median(results)):8d}{verdict}"
            )
        if failed:
            self.stdout.write(self.style.WARNING(f"over budget: {', '.join(failed)}"))
        else:
            self.stdout.write(self.style.SUCCESS("every budgeted scenario under its p95 budget"))

    def time_one(self, client, url):
        reset_queries()  # the query log is a bounded deque: counts need it emptied first
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
        return elapsed, len(captured), response

    def scenarios(self, rnd):
        facets = {f.param: f for f in catalogue.current_facets()}

        def value(param):
            return rnd.choice(facets[param].choices).value

        def url(**params):
            return "/api/v1/practices/?" + urlencode(params)

        count = 50
        return {
            "filter + search": [
                url(region=value("region"), q=rnd.choice(WORDS)) for _ in range(count)
            ],
            "three filters + search": [
                url(
                    region=value("region"),
                    theme=value("theme"),
                    kind=value("kind"),
                    q=rnd.choice(WORDS),
                )
                for _ in range(count)
            ],
            "one filter": [url(**{p: value(p)}) for p in rnd.choices(list(facets), k=count)],
            "one filter, page 20": [url(theme=value("theme"), page=20) for _ in range(count)],
            "search, 100 per page": [url(q=rnd.choice(WORDS), page_size=100) for _ in range(count)],
            "no filter, 100 per page": [
                url(page_size=100, page=rnd.randint(1, 50)) for _ in range(count)
            ],
        }
