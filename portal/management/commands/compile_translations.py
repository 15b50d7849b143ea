"""Compile locale/*/django.po and each app's <app>/locale/*/django.po to .mo with polib, so
setup needs no GNU gettext; --check fails on any untranslated or fuzzy entry, and on any French
entry that breaks docs/french-style.md (lib.typography; CI runs it)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lib.typography import catalogue_problems


class Command(BaseCommand):
    help = "Compile the translation catalogues; with --check, fail if one is incomplete."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Fail on untranslated, fuzzy or mistyped French."
        )

    def handle(self, *args, check=False, **options):
        problems = []
        # The site-wide catalogue, and each app's own (kept apart so apps evolve separately).
        app_catalogues = sorted(Path(settings.BASE_DIR).glob("*/locale/*/LC_MESSAGES/*.po"))
        site_catalogues = [
            po
            for locale_dir in settings.LOCALE_PATHS
            for po in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))
        ]
        for po_path in dict.fromkeys(site_catalogues + app_catalogues):
            catalogue = polib.pofile(str(po_path))
            untranslated = catalogue.untranslated_entries()
            fuzzy = catalogue.fuzzy_entries()
            if check and (untranslated or fuzzy):
                problems.append(
                    f"{po_path}: {len(untranslated)} untranslated, {len(fuzzy)} fuzzy "
                    f"(first: {(untranslated or fuzzy)[0].msgid[:60]!r})"
                )
            if check and po_path.parts[-3] == "fr":
                problems += catalogue_problems(po_path)
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"{po_path}: {catalogue.percent_translated()}% translated, compiled")
        if problems:
            raise CommandError("Incomplete or incorrect translations:\n" + "\n".join(problems))
