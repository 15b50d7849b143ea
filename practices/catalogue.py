"""The catalogue of published practices: the practices app's one public module (its door).

A catalogue request is a `Query`: the chosen filters, a keyword, a sort. `find(query)` answers
it: the results in order, how many, every filter's counts, a page of result cards with their
matching passages, and titles like the keyword when nothing matches. The list page, the
open-data API, its exports and its feed all ask here, and so do the other lists of practices
that pages show (the home page's newest, an organization's, a practice's neighbours, a digest's).

Everything else in the app is private to it: facets.py (the filters and their counts),
keyword.py (what a keyword matches), search.py (matching, ranking, passages), versions.py (the
versions caches are kept under). How they work, and the figures behind each cache:
docs/catalogue.md.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection
from django.db.models import F, Q
from django.db.models.lookups import GreaterThan

from practices import bitmaps, facets, keyword, search, versions
from practices.models import RESOURCE_LANGUAGES, PromisingPractice, Resource, ResourceKind
from uploads import files

SORTS = ("relevance", "newest", "adapted")
PAGE_SIZE = 20
MAX_QUERY_LENGTH = search.MAX_QUERY_LENGTH


def current_facets():
    """Every filter (facets.Facet: param, label, group, choices) in the current language."""
    return facets.current_facets()


@dataclass(frozen=True)
class Query:
    """What a catalogue request asks for. `filters` maps a filter's param to the chosen choice
    (from `current_facets()`); `text` is the keyword as typed; `sort` one of SORTS (anything
    else, "" included, means the default)."""

    filters: dict = field(default_factory=dict)
    text: str = ""
    sort: str = ""

    @property
    def sorted_by(self):
        """The sort asked for, else relevance with a keyword and newest without."""
        if self.sort in SORTS:
            return self.sort
        return "relevance" if self.text else "newest"


def rebuild_match_bitmaps():
    """Make the bitmaps behind a keyword's counts again (PostgreSQL; about 25 s at 100,000
    practices): picks up the words that have become common. Nightly, and after bulk loads."""
    if connection.vendor == "postgresql":
        return bitmaps.rebuild()
    return 0


def find(query):
    """The answer to `query`. Worked out as far as the caller reads it: the API reads no
    counts, an export no page."""
    return Results(query)


@dataclass
class Page:
    number: int
    practices: list  # cards (see as_cards), in the results' order
    highlights: dict  # {practice id: {"en": html or None, "fr": html or None}}


class Results:
    def __init__(self, query):
        self.query = query
        self._match = keyword.Match(query.filters, query.text) if query.text else None

    @cached_property
    def total(self):
        """How many results. (Without a keyword, asking for `counts` first gives it too.)"""
        if self._match:
            return self._match.total
        return facets.total(self.query.filters)

    def pages(self, per_page=PAGE_SIZE):
        return max(1, -(-self.total // per_page))

    @cached_property
    def counts(self):
        """{param: {value: how many results that choice would give}} for every filter: a
        filter's counts apply the keyword and every *other* chosen filter."""
        every = facets.current_facets()
        if self._match:
            return self._match.counts(every)
        counts, self.__dict__["total"] = facets.facet_counts(every, self.query.filters)
        return counts

    def ordered(self):
        """Every result, as a queryset in the query's order."""
        if self._match:
            results = self._match.practices()
        else:
            conditions = [choice.condition for choice in self.query.filters.values()]
            results = PromisingPractice.objects.published().filter(*conditions)
        sort = self.query.sorted_by
        if sort == "relevance" and self._match and self.total:
            return search.by_relevance(results, self._match.text)
        if sort == "adapted":
            # Matches the partial index practice_pub_most_adapted.
            return results.order_by("-adaptation_count", "-published_at", "-id")
        return results.newest_first()

    def ordered_ids(self):
        """The results' ids in the query's order, to be sliced (`[start:stop]`): a keyword's
        best matches are then found without sorting every match (search.best)."""
        if self._match and self.query.sorted_by == "relevance":
            return RankedIds(self._match)
        return self.ordered().values_list("pk", flat=True)

    def page(self, number, per_page=PAGE_SIZE):
        """Page `number` (from 1) of the results as cards, with their matching passages."""
        start = (number - 1) * per_page
        if self._match and self.query.sorted_by == "relevance":
            # The page's ids without sorting every match (search.best), then its cards.
            ids = RankedIds(self._match)[start : start + per_page]
            cards = as_cards(PromisingPractice.objects.filter(pk__in=ids)) if ids else []
            found = {p.pk: p for p in cards}
            practices = [found[pk] for pk in ids if pk in found]
        else:
            practices = list(as_cards(self.ordered())[start : start + per_page])
        highlights = {}
        if self._match and practices:
            shown = PromisingPractice.objects.filter(pk__in=[p.pk for p in practices])
            highlights = search.headlines(shown, self._match.text)
        return Page(number, practices, highlights)

    @cached_property
    def unsearchable(self):
        """When a keyword matches nothing: "no word" when it holds only signs, "common words"
        when only words the search ignores ("the", "de"), else None."""
        if not self._match or self.total:
            return None
        return search.nothing_to_look_for(self.query.text)

    @cached_property
    def by_community(self):
        """{community id: how many results} for the map's dots, in one query (from bitmaps for a
        keyword, else kept until the next publication). Like the province counts beside the
        filters, it leaves out the province filter, so the dots agree with the shading of the
        other provinces."""
        others = {p: c for p, c in self.query.filters.items() if p != "province"}
        if self._match and self._match.bitmaps is not None:
            return self._match.bitmaps.by_community(others)
        if self._match:
            return facets.community_counts(self._match.practices(others))
        published = facets.within(PromisingPractice.objects.published(), others)
        return facets.community_counts(published, others)

    @cached_property
    def similar(self):
        """When a keyword matches nothing: practices whose title looks like it (misspellings)."""
        if not self._match or self.total or self.unsearchable:
            return []
        published = PromisingPractice.objects.published().for_cards()
        return search.similar_titles(published, self.query.text)


class RankedIds:
    """A keyword's matches' ids by relevance, as a sequence that is only sliced (a paginator's
    object list): a slice [start:stop] finds the first `stop` (keyword.Match.best), one query."""

    def __init__(self, match):
        self.match = match

    def __len__(self):
        return self.match.total

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("RankedIds are read by slices")
        start, stop = key.start or 0, key.stop
        if stop is None:
            stop = self.match.total
        if stop <= start:
            return []
        return self.match.best(stop)[start:]


def publication_changed():
    """Call after a change to what is published that sent no save signal (a bulk update or
    load): what is cached about the published set is dropped everywhere."""
    versions.publication_changed()


# --- The other lists of practices that pages show -----
# A practice whose lessons were shared anonymously names no organization to the public: cards
# carry `organization_hidden` (see as_cards), and an organization's page does not list it.


def as_cards(practices):
    """The queryset `practices` with what a result card shows, in one query, and on each card
    `organization_hidden`: true when its lessons were shared anonymously, so the card must not
    name its organization."""
    return practices.for_cards().annotate(organization_hidden=F("lessons_anonymous"))


def latest_practices(count=3):
    return list(as_cards(PromisingPractice.objects.published()).newest_first()[:count])


def practices_for_organization(organization, limit=50):
    """Published practices the organization leads or partners in, newest first (one query);
    not those shared anonymously, which would name it.

    At most `limit` (None: all): an organization page stays light whatever the catalogue size.
    """
    practices = (
        PromisingPractice.objects.published()
        .filter(
            Q(lead_organization=organization)
            | Q(pk__in=organization.partner_practices.values("pk"))
        )
        .filter(lessons_anonymous=False)
        .for_cards()
        .newest_first()
    )
    return list(practices[:limit] if limit else practices)


def related_practices(practice, count=4):
    """Newest published practices in the same region or sharing a theme: one indexed query that
    walks the newest-first index and stops after `count` hits."""
    near = Q(region_id=practice.region_id)
    if practice.theme_bits:
        near |= Q(GreaterThan(F("theme_bits").bitand(practice.theme_bits), 0))
    return list(
        as_cards(
            PromisingPractice.objects.published().filter(near).exclude(pk=practice.pk)
        ).newest_first()[:count]
    )


# --- Resources: the files and links behind practices -----
# A file shows to everyone once its scan found it clean; before that, only to its uploader and to
# editors (`may_review`). External links show at once.

RESOURCE_KINDS = ResourceKind
LANGUAGES = RESOURCE_LANGUAGES


def practice_resources(practice, user=None, may_review=False):
    """The resources of `practice` a person sees, in order, with their files: one query."""
    return with_addresses(
        list(
            Resource.objects.filter(practice=practice)
            .shown_to(user, may_review)
            .select_related(*RESOURCE_RELATED)
            .order_by("position", "id")
        )
    )


def public_resources():
    """The resources everyone sees (files scanned clean, links), in order, with their files: to
    prefetch on published practices."""
    return (
        Resource.objects.shown_to(None).select_related(*RESOURCE_RELATED).order_by("position", "id")
    )


def resources_published_between(start, end):
    """Resources everyone sees that were published in [start, end) on published practices, newest
    first, with what a digest shows of their practice (one query)."""
    return (
        public_resources()
        .filter(practice__status="published", created_at__gte=start, created_at__lt=end)
        .select_related("practice")
        .only(
            "id", "key", "title_en", "title_fr", "kind", "language_bits", "created_at",
            "upload__id", "upload__name", "upload__size", "upload__format",
            "practice__id", "practice__slug_en", "practice__slug_fr", "practice__title_en",
            "practice__title_fr", "practice__region_id", "practice__theme_bits",
            "practice__published_at",
        )
        .order_by("-created_at", "-id")
    )  # fmt: skip


def published_resources(kind=None, language=None):
    """Resources of published practices everyone sees, newest practices first (open data):
    optionally of one kind (ResourceKind) and in one language (a LANGUAGES code)."""
    resources = Resource.objects.filter(practice__status="published").shown_to(None)
    if kind:
        resources = resources.with_kind(kind)
    if language:
        resources = resources.in_language(language)
    return resources.select_related("practice", *RESOURCE_RELATED).order_by(
        "-practice__published_at", "-practice_id", "position", "id"
    )


RESOURCE_RELATED = ("upload",)


def with_addresses(resources):
    """Each resource with `href` (its download or external address) and `preview_url`."""
    for resource in resources:
        if resource.upload_id:
            resource.href = files.download_url(resource.upload)
            resource.preview_url = files.preview_url(resource.upload)
        else:
            resource.href, resource.preview_url = resource.url, ""
    return resources
