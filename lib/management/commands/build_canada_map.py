"""Rebuild lib/geodata/canada.json (the map's simplified outlines) from the vendored source."""

import json

from django.core.management.base import BaseCommand, CommandError

from lib import mapgeometry


class Command(BaseCommand):
    help = (
        "Rebuild the map of Canada's simplified outlines (lib/geodata/canada.json) from "
        "lib/geodata/canada-source.svg. Run it after replacing the source."
    )

    def handle(self, *args, **options):
        try:
            built = mapgeometry.build(mapgeometry.SOURCE.read_text(encoding="utf-8"))
        except ValueError as problem:
            raise CommandError(str(problem)) from problem
        text = json.dumps(built, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        mapgeometry.BUILT.write_text(text + "\n", encoding="utf-8")
        paths = sum(len(path) for path in built["provinces"].values())
        self.stdout.write(
            f"Wrote {mapgeometry.BUILT.name}: {built['width']} x {built['height']}, "
            f"{paths:,} characters of outlines."
        )
