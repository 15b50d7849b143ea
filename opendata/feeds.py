"""Atom feed of newly published practices, in the language of the URL (/en/… or /fr/…).

The catalogue's filters and search apply (subscribe to housing practices in the Atlantic region,
say); entries are always newest first. A practice whose lessons were shared anonymously is given
no author, like its API record.
"""

import mimetypes
from dataclasses import replace

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from opendata.citation import PUBLISHER
from opendata.exports import bad_query_response
from opendata.selection import BadQuery, as_params, read_query
from practices import catalogue
from uploads import files

FEED_SIZE = 50


def in_language(practice, name, language):
    """The text in the feed's language, else in the other one."""
    other = "fr" if language == "en" else "en"
    return getattr(practice, f"{name}_{language}") or getattr(practice, f"{name}_{other}") or ""


def query_string(query):
    pairs = urlencode(as_params(query))
    return f"?{pairs}" if pairs else ""


class PracticeFeed(Feed):
    feed_type = Atom1Feed
    title = _("Small Centres Portal: newly published promising practices")
    subtitle = _("Practices from small, rural and remote settlement organizations, as published.")

    def __call__(self, request, *args, **kwargs):
        # Kept on the request, not on this feed: one instance serves every request.
        try:
            request.practice_query = replace(read_query(request.GET), sort="newest")
        except BadQuery as bad:
            return bad_query_response(bad.errors)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return request.practice_query

    def link(self, query):
        return reverse("practice_list") + query_string(query)

    def feed_url(self, query):
        return reverse("open_data_practice_feed") + query_string(query)

    def author_name(self):
        return PUBLISHER.get(get_language(), PUBLISHER["en"])

    def items(self, query):
        results = catalogue.find(query).ordered()
        resources = Prefetch(
            "resources", queryset=catalogue.public_resources(), to_attr="public_resources"
        )
        return results.select_related("lead_organization").prefetch_related(resources)[:FEED_SIZE]

    def item_enclosures(self, item):
        """The practice's files, as Atom enclosures: absolute address, size and type."""
        return [
            Enclosure(
                settings.SITE_URL + files.download_url(resource.upload),
                str(resource.upload.size),
                mimetypes.guess_type(f"file.{resource.upload.format}")[0]
                or "application/octet-stream",
            )
            for resource in item.public_resources
            if resource.upload_id
        ]

    def item_title(self, item):
        return in_language(item, "title", get_language())

    def item_description(self, item):
        return in_language(item, "summary", get_language())

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at or item.updated_at)

    def item_author_name(self, item):
        if item.lessons_anonymous:
            return None
        return in_language(item.lead_organization, "name", get_language())
