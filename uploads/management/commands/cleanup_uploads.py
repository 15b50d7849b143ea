"""Deletes what no one can reach: uploads nothing refers to, and stored files without a row
(left by a transaction rolled back after the file was written). Run daily by beat."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from uploads import keeping


class Command(BaseCommand):
    help = "Delete orphan uploads and stray stored files older than --older-than-hours (24)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than-hours", type=int, default=24)

    def handle(self, *args, older_than_hours, **options):
        cutoff = timezone.now() - timedelta(hours=older_than_hours)
        rows, stray = keeping.cleanup(cutoff)
        self.stdout.write(f"{rows} orphan uploads and {stray} stray files deleted")
