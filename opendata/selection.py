"""Which published practices a request asks for: the catalogue's filters and keyword search, read
strictly.

The filters and their meaning are the catalogue's (`practices.catalogue.build_facets`), and so is
the search (`practices.search`): a keyword keeps the CANDIDATES newest matches, ranked by
relevance unless `sort=newest`. Where the catalogue page forgives (it drops an unknown filter
with a message), open data refuses: a script that misspells a filter must not silently receive
every practice. Every problem found is reported at once, by parameter.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext as _

from practices import catalogue, search
from practices.models import PromisingPractice

SORTS = ("relevance", "newest")
MAX_VALUE_LENGTH = 100
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
CACHE_SECONDS = 3600


class BadQuery(Exception):
    """The query string asks for something we cannot answer: {parameter: [messages]}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Selection:
    facets: list
    chosen: dict = field(default_factory=dict)  # param -> catalogue Choice
    text: str = ""
    sort: str = "newest"

    @property
    def conditions(self):
        return [choice.condition for choice in self.chosen.values()]

    def practices(self):
        """(queryset in the requested order, number of results or None if not yet known)."""
        published = PromisingPractice.objects.published()
        if self.text:
            # As the catalogue does: the newest matches (a filtered set skips the recent windows),
            # ranked unless newest first is asked for.
            ids = self.candidate_ids(published)
            results = search.among(ids).published()  # (cached ids: check again)
            # (Nothing to rank when nothing matched; ranking "!" on SQLite would fail.)
            if self.sort == "relevance" and ids:
                return search.by_relevance(results, self.text), len(ids)
            return results.newest_first(), len(ids)
        return published.filter(*self.conditions).newest_first(), None

    def candidate_ids(self, published):
        """The search's candidates, cached until something is published: a client paging
        through a search (or asking again) does not pay for the search again."""
        key = self.cache_key("opendata:candidates", f"q={self.text}")
        ids = cache.get(key)
        if ids is None:
            queryset = catalogue.within(published, self.chosen)
            ids = search.candidate_ids(queryset, self.text, bool(self.chosen))
            cache.set(key, ids, CACHE_SECONDS)
        return ids

    def cache_key(self, prefix, *extra):
        parts = sorted(f"{p}={c.value}" for p, c in self.chosen.items())
        digest = hashlib.sha256("\n".join([*parts, *extra]).encode()).hexdigest()[:32]
        return f"{prefix}:{catalogue.publication_version()}:{digest}"

    def count(self):
        """How many published practices the filters give, cached until something is published."""
        key = self.cache_key("opendata:count")
        total = cache.get(key)
        if total is None:
            total = PromisingPractice.objects.published().filter(*self.conditions).count()
            cache.set(key, total, CACHE_SECONDS)
        return total

    def as_query(self):
        """The selection as query-string pairs (for links to exports and feeds)."""
        pairs = [(p, c.value) for p, c in self.chosen.items()]
        if self.text:
            pairs.append(("q", self.text))
            if self.sort != "relevance":
                pairs.append(("sort", self.sort))
        return pairs


def filter_params(facets=None):
    return [facet.param for facet in (facets or catalogue.current_facets())]


def check_shape(params, known):
    """Errors for unknown, repeated, overlong or control-character parameters."""
    errors = {}
    for key in params:
        values = params.getlist(key)
        limit = search.MAX_QUERY_LENGTH if key == "q" else MAX_VALUE_LENGTH
        if key not in known:
            errors[key[:50]] = [
                _("Unknown parameter. The known parameters are: %(known)s.")
                % {"known": ", ".join(known)}
            ]
        elif len(values) > 1:
            errors[key] = [_("Give this parameter once.")]
        elif len(values[0]) > limit:
            errors[key] = [
                _("Too long: at most %(limit)d characters.") % {"limit": limit},
            ]
        elif CONTROL_CHARACTERS.search(values[0]):
            errors[key] = [_("Control characters are not allowed.")]
    return errors


def read_selection(params, extra=()):
    """The Selection the query string `params` (a QueryDict) asks for; raises BadQuery.

    `extra` names the other parameters the caller reads itself (page, page_size).
    """
    facets = catalogue.current_facets()
    known = [*filter_params(facets), "q", "sort", *extra]
    errors = check_shape(params, known)
    selection = Selection(facets)
    for facet in facets:
        value = params.get(facet.param, "")
        if not value or facet.param in errors:
            continue
        choice = facet.choice(value)
        if choice is None:
            errors[facet.param] = [
                _("“%(value)s” is not a choice for this filter. Choices: %(choices)s.")
                % {"value": value[:50], "choices": ", ".join(c.value for c in facet.choices)}
            ]
        else:
            selection.chosen[facet.param] = choice
    if "q" not in errors:
        selection.text = " ".join(params.get("q", "").split())
    sort = params.get("sort", "")
    if sort and "sort" not in errors and sort not in SORTS:
        errors["sort"] = [_("Choose relevance or newest.")]
    elif sort:
        selection.sort = sort
    elif selection.text:
        selection.sort = "relevance"
    if errors:
        raise BadQuery(errors)
    return selection
