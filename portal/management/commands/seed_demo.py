"""Load the quickstart's demo data and print the demo accounts."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from workinggroup import roles
from workinggroup.demo import DEMO_PASSWORD

# Each app that has demo data exposes demo.load(); order matters (organizations and accounts
# before practices).
DEMO_MODULES = [
    "workinggroup.demo",
    "practices.demo",
    "practices.resources_demo",
    "submissions.demo",
    "adaptations.demo",
    "recommendations.demo",
    "priorities.demo",
    "discussions.demo",
    "digests.demo",
]


class Command(BaseCommand):
    help = "Load demo data (made-up organizations, accounts, practices) for local use."

    @transaction.atomic
    def handle(self, *args, **options):
        for name in DEMO_MODULES:
            try:
                module = import_module(name)
            except ModuleNotFoundError as missing:
                if missing.name != name:
                    raise
                continue
            if hasattr(module, "load"):
                module.load()
            if name == "workinggroup.demo":
                # The accounts come right after their organizations: later modules use them.
                accounts = module.load_accounts()
        self.stdout.write(self.style.SUCCESS(f"Demo accounts (password for all: {DEMO_PASSWORD})"))
        for email, role in accounts:
            self.stdout.write(f"  {roles.ROLE_LABELS[role]!s:<24} {email}")
