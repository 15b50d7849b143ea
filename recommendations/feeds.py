"""Atom feed of status updates, in the language of the URL (/en/… or /fr/…).

Apps above this one add entries (the working group's published priorities) by registering a
source in feed_sources.py from their AppConfig.ready(), so this app imports none of them.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from recommendations import feed_sources
from recommendations.models import StatusUpdate
from recommendations.permissions import POSTING_ROLE_LABELS
from workinggroup.models import localized

FEED_SIZE = 50


class LanguageMarkedAtomFeed(Atom1Feed):
    """Atom whose entry summary carries xml:lang when it is in the other language (a note only
    written in English, in the French feed), as the HTML page marks it with lang=."""

    def add_item_elements(self, handler, item):
        language = item.get("description_language")
        if not language or item["description"] is None:
            return super().add_item_elements(handler, item)
        super().add_item_elements(handler, {**item, "description": None})
        handler.addQuickElement(
            "summary", item["description"], {"type": "html", "xml:lang": language}
        )


class StatusUpdateFeed(Feed):
    feed_type = LanguageMarkedAtomFeed
    title = gettext_lazy("Recommendations tracker: status updates")
    subtitle = gettext_lazy(
        "IRCC's reported status and the working group's assessment of each Settlement 3.0 "
        "recommendation, as they are posted."
    )

    def link(self):
        return reverse("recommendation_list")

    def items(self):
        updates = list(
            StatusUpdate.objects.with_context().order_by("-created_at", "-pk")[:FEED_SIZE]
        )
        extras = feed_sources.entries()
        if not extras:
            return updates
        # Newest first; sorted() keeps each source's own order among equal dates.
        merged = sorted(updates + extras, key=self.item_pubdate, reverse=True)
        return merged[:FEED_SIZE]

    def item_title(self, item):
        if not isinstance(item, StatusUpdate):
            return item.title
        return _("%(code)s · %(voice)s: %(status)s") % {
            "code": item.recommendation.code,
            "voice": item.get_source_display(),
            "status": item.get_status_display(),
        }

    def item_description(self, item):
        if not isinstance(item, StatusUpdate):
            return item.description
        # modeltranslation falls back to the other language when this one has no note.
        return item.note

    def item_extra_kwargs(self, item):
        if not isinstance(item, StatusUpdate):
            return {}
        note = localized(item, "note")
        feed_language = (get_language() or settings.LANGUAGE_CODE)[:2]
        return {"description_language": note.language} if note.language != feed_language else {}

    def item_link(self, item):
        if not isinstance(item, StatusUpdate):
            return f"{item.link}#item-{item.code}"  # one entry id per item
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at if isinstance(item, StatusUpdate) else item.date

    def item_updateddate(self, item):
        return self.item_pubdate(item)

    def item_author_name(self, item):
        if not isinstance(item, StatusUpdate):
            return None
        label = POSTING_ROLE_LABELS.get(item.author_role, "")
        if item.author_organization:
            return _("%(role)s, %(organization)s") % {
                "role": label,
                "organization": item.author_organization.name,
            }
        return str(label)
