"""Open and send the digests due today (what Celery beat does every morning).

    python manage.py send_digests --period daily
    python manage.py send_digests --period weekly --dry-run

Without Redis (the quickstart) the digests are built and sent right here; with Redis, batches go
to the workers. Running it twice on a day sends nothing twice.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

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
        if tasks.runs_here():
            for status, count in runs.ledger_summary(period, day).items():
                self.stdout.write(f"  {status}: {count}")
