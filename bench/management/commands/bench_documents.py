"""Time the briefing documents and the practice sheet, uncached, then roll everything back.

    DATABASE_URL=postgres://... python manage.py bench_documents --runs 10

The briefing: all 27 items, each with --updates status updates (notes of --note-chars
characters, two evidence links each), downloaded as PDF and Word in both languages, the cache
emptied before each download (the tracker's version is dropped, as a new status update would).
The practice sheet: a published practice given a 20,000-character description and long outcomes
and lessons, from its page's address, and the same with 30 resources. Budgets (issue 19):
briefing PDF ≤ 3 s and ≤ 500 KB, sheet ≤ 1 s and ≤ 200 KB; a median or a size over one of them
exits 1 (the median: on a machine shared with other work, the slowest run measures the
neighbours). The CPU time the process spent (median) is printed beside: the neighbours inflate it
far less than the elapsed time.
"""

import datetime
import statistics
import time

from celery import current_app as celery_app
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation

from bench.page_timing import PageTiming
from practices import sheet
from practices.models import PromisingPractice
from recommendations.models import TRACKER_VERSION_KEY, Recommendation, Source, Status, StatusUpdate

BRIEFING_BUDGET = (3.0, 500 * 1024)
SHEET_BUDGET = (1.0, 200 * 1024)
SENTENCE = "A progress note with details of the work, who did it and what comes next. "


class _Rollback(Exception):
    pass


class Command(PageTiming, BaseCommand):
    help = "Benchmark the briefing PDF and Word files and the practice sheet (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=10)
        parser.add_argument("--updates", type=int, default=6, help="status updates per item")
        parser.add_argument("--note-chars", type=int, default=400, help="length of each note")

    def handle(self, *args, runs, updates, note_chars, **options):
        rows = []
        # The task that makes a briefing runs in the request, so the time is the making's.
        celery_app.conf.task_always_eager = True
        try:
            with transaction.atomic():
                note = (SENTENCE * (note_chars // len(SENTENCE) + 1))[:note_chars]
                self._make_history(updates, note)
                practice = self._long_practice()
                client = self._client()
                for language in ("en", "fr"):
                    with translation.override(language):
                        urls = {
                            "briefing PDF": reverse("recommendation_briefing_pdf"),
                            "briefing Word": reverse("recommendation_briefing_docx"),
                            "practice sheet": reverse("practice_sheet", kwargs={"pk": practice.pk}),
                        }
                    for label, url in urls.items():
                        rows.append(
                            (f"{label} ({language})", url, *self._measure(client, url, runs))
                        )
                with translation.override("en"):
                    rows.append(("sheet, 30 resources (en)", "", *self._thirty(practice, runs)))
                    # A 200-character title and the longest resources: laid out up to four
                    # times before it fits one page (practices.sheet.one_page_pdf).
                    practice.title_en = ("A title that goes on and on " * 10)[:200]
                    longest = ("Resource {n}: " + "a guide with a long title " * 10)[:200]
                    address = "https://example.org/resources/{n}/" + "a-long-address/" * 33
                    rows.append(
                        (
                            "sheet, longest of all (en)",
                            "",
                            *self._thirty(practice, runs, longest, address[:500]),
                        )
                    )
                raise _Rollback
        except _Rollback:
            pass
        self.stdout.write(
            f"{connection.vendor}, {updates} updates per item, notes of {note_chars} characters, "
            f"{runs} runs each"
        )
        failures = []
        for label, _url, median, worst, cpu, size in rows:
            self.stdout.write(
                f"  {label:<28} median {median:5.2f} s  max {worst:5.2f} s  "
                f"CPU {cpu:5.2f} s  {size / 1024:6.1f} KB"
            )
            seconds, limit = SHEET_BUDGET if "sheet" in label else BRIEFING_BUDGET
            if ("PDF" in label or "sheet" in label) and (median > seconds or size > limit):
                failures.append(label)
        if failures:
            raise CommandError(f"over budget: {', '.join(failures)}")

    def _measure(self, client, url, runs):
        self._get(client, url)  # warm-up: fonts loaded once per process
        timings, cpu = [], []
        for _ in range(runs):
            cache.delete(TRACKER_VERSION_KEY)
            began, began_cpu = time.perf_counter(), time.process_time()
            response = self._get(client, url)
            timings.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
        return (
            statistics.median(timings),
            max(timings),
            statistics.median(cpu),
            len(response.content),
        )

    def _thirty(
        self,
        practice,
        runs,
        title="Resource {n}: a guide with a long title",
        address="https://example.org/resources/{n}",
    ):
        resources = [(title.format(n=n), address.format(n=n)) for n in range(1, 31)]
        timings, cpu = [], []
        for _ in range(runs):
            began, began_cpu = time.perf_counter(), time.process_time()
            body = sheet.one_page_pdf(practice, resources)
            timings.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
        return statistics.median(timings), max(timings), statistics.median(cpu), len(body)

    def _make_history(self, per_item, note):
        day = datetime.date(2022, 1, 1)
        for item in Recommendation.objects.all():
            for n in range(per_item):
                source = Source.IRCC if n % 2 else Source.WORKING_GROUP
                StatusUpdate.objects.create(
                    recommendation=item,
                    source=source,
                    status=Status.UNDER_WAY,
                    note_en=note,
                    note_fr=note,
                    evidence_links=[f"https://example.org/evidence/{item.code}/{n}"] * 2,
                    effective_date=day + datetime.timedelta(days=30 * n),
                )
            item.refresh_current_status()

    def _long_practice(self):
        practice = PromisingPractice.objects.published().order_by("pk").first()
        if practice is None:
            raise CommandError("no published practice: run seed_demo first")
        for language in ("en", "fr"):
            setattr(practice, f"description_{language}", ("Long description. " * 1200)[:20_000])
            setattr(practice, f"outcomes_{language}", "Outcome. " * 300)
            setattr(practice, f"lessons_{language}", "Lesson. " * 300)
        practice.save()
        return practice
