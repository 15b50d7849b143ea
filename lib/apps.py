from django.apps import AppConfig


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
