from django.apps import AppConfig


class LibConfig(AppConfig):
    """Mechanics every app uses (emails, Markdown, privacy checks, rate limits, the language
    toggle). It knows no app above it; it is an app only so Celery finds its task."""

    name = "lib"
    verbose_name = "Shared mechanics"
