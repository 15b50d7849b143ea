from django.apps import AppConfig
from django.db.backends.signals import connection_created


class LibConfig(AppConfig):
    """Mechanics every app uses (emails, Markdown, privacy checks, rate limits, the language
    toggle). It knows no app above it; it is an app only so Celery finds its task."""

    name = "lib"
    verbose_name = "Shared mechanics"

    def ready(self):
        # French dates: « 1er août 2021 » wherever Django formats a date (docs/french-style.md);
        # no format string can say it, so the one function every date goes through is wrapped.
        from django.utils import dateformat  # the module whose attribute is replaced

        from lib.typography import french_date_formatting  # needs settings, hence here

        if not hasattr(dateformat.format, "__wrapped__"):
            dateformat.format = french_date_formatting(dateformat.format)
        connection_created.connect(_register_collation, dispatch_uid="lib.french_collation")


def _register_collation(sender, connection, **kwargs):
    """SQLite has no ICU: give it lib.typography.COLLATION, so ordering by it means the same."""
    if connection.vendor == "sqlite":
        from lib.typography import COLLATION, compare  # needs settings, hence here

        connection.connection.create_collation(COLLATION, compare)
