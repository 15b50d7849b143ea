"""Open and send the digests due today (what Celery beat does every morning).

    python manage.py send_digests --period daily
    python manage.py send_digests --period weekly --dry-run

Without Redis (the quickstart) the digests are built and sent right here; with Redis, batches go
to the workers. Running it twice on a day sends nothing twice.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from digests import runs, tasks
from digests.models import PERIODS


class Command(BaseCommand):
    help = "Send the daily or weekly digest emails due today (or on --date)."

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=PERIODS, required=True)
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be sent; change nothing."
        )
        parser.add_argument(
            "--date",
            help="The day to run for, YYYY-MM-DD (default: today); e.g. to catch up a missed day.",
        )

    def handle(self, *args, period, dry_run, date, **options):
        try:
            day = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"--date must be YYYY-MM-DD (got {date!r})") from error
        if dry_run:
            tally = runs.dry_run(period, day)
            self.stdout.write(f"Dry run, {period} digests: nothing was sent or recorded.")
            for key in sorted(tally):
                self.stdout.write(f"  {key}: {tally[key]}")
            return
        result = tasks.run_digests(period, day)
        self.stdout.write(
            self.style.SUCCESS(
                f"{period} digests: {result['due']} due, {result['queued']} unsent digests "
                f"queued in {result['batches']} batches."
            )
        )
        if result["released"] or result["unknown"]:
            self.stdout.write(
                f"  taken back from workers that stopped: {result['released']}; "
                f"unknown (a worker stopped while handing them over): {result['unknown']}"
            )
        state = runs.ledger_state(period, day)
        if not tasks.runs_here():
            self.stdout.write("  The workers are sending the queued digests; the ledger now:")
        for line in describe_state(state):
            self.stdout.write(f"  {line}")


def describe_state(state):
    """The ledger's counts as lines a person reads (send_digests, the admin)."""
    held = f"held by a live claim: {state['held']}"
    if state["held_until"]:
        until = timezone.localtime(state["held_until"]).strftime("%Y-%m-%d %H:%M:%S %Z")
        held += f" (until {until} at the latest, then taken back by the sweep)"
    lines = [f"sent: {state['sent']}", held, f"unknown: {state['unknown']}"]
    lines.append(f"waiting: {state['waiting']}")
    lines += [f"{key}: {state[key]}" for key in ("empty", "skipped", "failed") if state[key]]
    if state["unknown"]:
        lines.append("Unknown digests are listed in the admin (Digest deliveries, unknown).")
    return lines
