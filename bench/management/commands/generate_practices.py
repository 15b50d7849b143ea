from django.core.management.base import BaseCommand, CommandError

from bench import synthetic_practices as synthetic


class Command(BaseCommand):
    help = "Create N realistic synthetic bilingual published practices (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--replace", action="store_true", help="Delete earlier synthetic practices first."
        )

    def handle(self, count, seed, replace, **options):
        if count < 0:
            raise CommandError("count must be zero or more")
        if replace:
            self.stdout.write(f"Deleted {synthetic.delete_synthetic()} synthetic practices.")
        try:
            synthetic.generate(count, seed=seed, stdout=self.stdout)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Created {count} synthetic practices."))
