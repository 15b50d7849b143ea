"""Time a priority exercise's pages at full size, then roll it all back.

    DATABASE_URL=postgres://... DEBUG=1 python manage.py bench_priorities --participants 500

Builds an exercise on every tracker item (27) with three rounds and `--participants` members
answering each: rounds one and two closed (figures computed, keys erased), round three open.
Times the answer page of a member in round three (with the previous round's feedback), then
closes round three, publishes, and times the results page and the tracker. Also opens a round
for everyone and counts the emails queued, then runs the sending again (none more). Server time
is measured around the full Django request cycle, in process. Fails (exit 1) when a page's p95
exceeds --budget-ms. Nothing is kept: the run happens inside a transaction rolled back at the end.
"""

import random
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from bench.page_timing import PageTiming
from priorities import ballots, notices, rounds
from priorities.models import Answer, Ballot, Exercise, Item, Notice, NoticeStatus, Round
from recommendations.models import Recommendation
from workinggroup import roles
from workinggroup.models import User


class _Rollback(Exception):
    pass


class Command(PageTiming, BaseCommand):
    help = "Benchmark the priorities pages: 500 participants × 27 items × 3 rounds (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=500)
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument("--budget-ms", type=float, default=50.0)

    def handle(self, *args, participants, requests, budget_ms, **options):
        results, facts = {}, {}
        try:
            with transaction.atomic():
                people = self._people(participants)
                exercise = self._exercise()
                began = time.perf_counter()
                for number in (1, 2):
                    round = rounds.open_round(exercise.rounds.get(number=number))
                    self._answer(round, people, random.Random(number))
                    rounds.close_round(round)
                third = rounds.open_round(exercise.rounds.get(number=3))
                self._answer(third, people[1:], random.Random(3))
                facts["build and close two rounds"] = time.perf_counter() - began
                facts.update(self._emails(third))
                client = self._client()
                client.force_login(people[0])
                answer = f"/en/priorities/{exercise.slug}/answer/"
                results["answer page, round 3 (en)"] = self._time(client, answer, requests)
                results["answer page, round 3 (fr)"] = self._time(
                    client, f"/fr/priorites/{exercise.slug}/repondre/", requests
                )
                rounds.close_round(third)
                rounds.publish(exercise)
                anonymous = self._client()
                results["results page (en)"] = self._time(
                    anonymous, f"/en/priorities/{exercise.slug}/", requests
                )
                results["tracker with priorities"] = self._time(
                    anonymous, "/en/recommendations/", requests
                )
                raise _Rollback
        except _Rollback:
            pass
        self.stdout.write(
            f"{connection.vendor}, {participants} participants × 27 items × 3 rounds, "
            f"{requests} requests per page, DEBUG={settings.DEBUG}"
        )
        for label, value in facts.items():
            self.stdout.write(
                f"  {label}: {value:.1f} s" if isinstance(value, float) else f"  {label}: {value}"
            )
        over = []
        for label, (p50, p95, worst, queries, cpu) in results.items():
            self.stdout.write(
                f"  {label:<30} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {worst:6.1f} ms  "
                f"CPU p50 {cpu:5.1f} ms  {queries} queries"
            )
            if p95 > budget_ms and not label.startswith("tracker"):
                over.append(f"{label} p95 {p95:.1f} ms")
        if over:
            raise CommandError(f"over the {budget_ms:.0f} ms budget: " + "; ".join(over))

    def _time(self, client, url, requests):
        """PageTiming's figures and the median CPU time of this process per request."""
        return (*super()._time(client, url, requests), self.last_cpu_median)

    def _people(self, count):
        users = User.objects.bulk_create(
            User(
                email=f"bench-priorities-{n}@example.org",
                preferred_language="fr" if n % 2 else "en",
            )
            for n in range(count)
        )
        member = Group.objects.get(name=roles.MEMBER)
        member.user_set.add(*users)
        return users

    def _exercise(self):
        now = timezone.now()
        exercise = Exercise.objects.create(
            title_en="Bench priorities", title_fr="Priorités d’essai", slug="bench-priorities"
        )
        Item.objects.bulk_create(
            Item(exercise=exercise, recommendation=r, order=r.order)
            for r in Recommendation.objects.all()
        )
        for number in (1, 2, 3):
            Round.objects.create(
                exercise=exercise,
                number=number,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=10),
            )
        return exercise

    def _answer(self, round, people, rng):
        """Every participant answers every item, written in bulk (what ballots.save stores)."""
        items = list(round.exercise.items.values_list("pk", flat=True))
        existing = set(Ballot.objects.filter(round=round).values_list("key", flat=True))
        Ballot.objects.bulk_create(
            Ballot(round=round, key=key)
            for key in (ballots.key_for(round, p.pk) for p in people)
            if key not in existing
        )
        Ballot.objects.filter(round=round).update(saved_at=timezone.now())
        rows = []
        for ballot_id in Ballot.objects.filter(round=round).values_list("pk", flat=True):
            for item_id in items:
                value = max(1, min(5, round_half(rng.gauss(3 + item_id % 3 * 0.6, 1))))
                reason = "A reason from the field." if rng.random() < 0.1 else ""
                rows.append(
                    Answer(ballot_id=ballot_id, item_id=item_id, importance=value, reason=reason)
                )
        Answer.objects.bulk_create(rows, batch_size=5000)

    def _emails(self, round):
        """Send the round's opening emails (already listed when it opened) and count them."""
        queued_before = len(connection.run_on_commit)
        began = time.perf_counter()
        sent = notices.send_pending(round.pk)
        elapsed = time.perf_counter() - began
        again = notices.send_pending(round.pk)
        marked = Notice.objects.filter(round=round, status=NoticeStatus.SENT).count()
        label = f"opening emails: {sent} sent, {marked} ledger rows marked, second run {again}"
        return {
            label: elapsed,
            "emails queued for the commit": len(connection.run_on_commit) - queued_before,
        }


def round_half(value):
    return int(value + 0.5)
