"""Time the tracker page (and an item page) with a long status history, then roll it all back.

    DATABASE_URL=postgres://... python manage.py bench_tracker --updates 10000 --requests 300

Server time is measured around the full Django request cycle (middleware, view, template), in
process, so network and client time are left out. Fails (exit 1) when the tracker's p95 exceeds
--budget-ms. Nothing it creates is kept: the whole run happens inside a transaction rolled back
at the end.
"""

import datetime
import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from bench.page_timing import PageTiming
from recommendations.models import Recommendation, Source, Status, StatusUpdate

TRACKER_PAGES = [
    ("tracker /en/recommendations/", "/en/recommendations/"),
    ("tracker board + overdue filter", "/en/recommendations/?view=board&overdue=on"),
    ("tracker /fr/recommandations/", "/fr/recommandations/"),
    # The timeline and quarterly history: reads the IRCC half of the whole history.
    ("at a glance /en/.../at-a-glance/", "/en/recommendations/at-a-glance/"),
    ("at a glance, filtered (fr)", "/fr/recommandations/en-un-coup-d-oeil/?horizon=later"),
]


class _Rollback(Exception):
    pass


class Command(PageTiming, BaseCommand):
    help = "Benchmark the recommendations tracker with a long status history (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--updates", type=int, default=10_000)
        parser.add_argument("--requests", type=int, default=300)
        parser.add_argument("--budget-ms", type=float, default=50.0)

    def handle(self, *args, updates, requests, budget_ms, **options):
        results = {}
        try:
            with transaction.atomic():
                self._make_history(updates)
                client = self._client()
                for label, url in TRACKER_PAGES:
                    results[label] = self._time(client, url, requests)
                results["item /en/recommendations/R3.1/"] = self._time(
                    client, "/en/recommendations/R3.1/", requests
                )
                raise _Rollback
        except _Rollback:
            pass
        self.stdout.write(
            f"{connection.vendor}, {updates} status updates, {requests} requests per page, "
            f"DEBUG={settings.DEBUG}"
        )
        for label, (p50, p95, worst, queries) in results.items():
            self.stdout.write(
                f"  {label:<42} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {worst:6.1f} ms  "
                f"{queries} queries"
            )
        p95 = results[TRACKER_PAGES[0][0]][1]
        if p95 > budget_ms:
            raise CommandError(f"tracker p95 {p95:.1f} ms is over the {budget_ms:.0f} ms budget")

    def _make_history(self, count):
        rng = random.Random(2021)  # the same history on every run
        items = list(Recommendation.objects.all())
        statuses = Status.values
        start = datetime.date(2021, 8, 1)
        rows = []
        for n in range(count):
            status = rng.choice(statuses)
            rows.append(
                StatusUpdate(
                    recommendation=rng.choice(items),
                    source=rng.choice(Source.values),
                    status=status,
                    note_en=f"Benchmark note {n}.",
                    note_fr=f"Note de banc d’essai {n}.",
                    evidence_links=["https://example.org/evidence"]
                    if status == Status.IMPLEMENTED
                    else [],
                    effective_date=start + datetime.timedelta(days=rng.randrange(1000)),
                )
            )
        StatusUpdate.objects.bulk_create(rows, batch_size=1000)
        for item in items:
            item.refresh_current_status()
