from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioritiesConfig(AppConfig):
    name = "priorities"
    verbose_name = _("Working group's priorities")

    def ready(self):
        # The tracker's Atom feed shows each item's latest priority; recommendations sits below
        # this app, so this app hands it the source (recommendations/feed_sources.py).
        from priorities import results
        from recommendations import feed_sources

        feed_sources.register(results.feed_entries)
