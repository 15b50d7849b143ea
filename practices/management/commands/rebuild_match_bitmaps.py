from django.core.management.base import BaseCommand

from practices import catalogue


class Command(BaseCommand):
    help = (
        "Make the bitmaps behind a keyword's counts again from the practices (PostgreSQL): "
        "after a bulk load with the triggers disabled, or to pick up new common words at once."
    )

    def handle(self, **options):
        made = catalogue.rebuild_match_bitmaps()
        self.stdout.write(f"{made} bitmaps made.")
