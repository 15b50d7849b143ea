"""Which published practices an open-data request asks for: the catalogue's filters, keyword and
sort, read strictly into a `catalogue.Query`, which `catalogue.find` answers as it answers the
catalogue page.

Where the catalogue page forgives (it drops an unknown filter with a message), open data refuses:
a script that misspells a filter must not silently receive every practice. Every problem found is
reported at once, by parameter.
"""

import re

from django.utils.translation import gettext as _

from practices import catalogue

SORTS = catalogue.SORTS  # relevance, newest, adapted: the catalogue page's own
MAX_VALUE_LENGTH = 100
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class BadQuery(Exception):
    """The query string asks for something we cannot answer: {parameter: [messages]}."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def as_params(query):
    """The query as query-string pairs (for links to exports and feeds)."""
    pairs = [(param, choice.value) for param, choice in query.filters.items()]
    if query.text:
        pairs.append(("q", query.text))
    if query.sorted_by != ("relevance" if query.text else "newest"):
        pairs.append(("sort", query.sorted_by))
    return pairs


def filter_params(facets=None):
    return [facet.param for facet in (facets or catalogue.current_facets())]


def check_shape(params, known):
    """Errors for unknown, repeated, overlong or control-character parameters."""
    errors = {}
    for key in params:
        values = params.getlist(key)
        limit = catalogue.MAX_QUERY_LENGTH if key == "q" else MAX_VALUE_LENGTH
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


def read_query(params, extra=()):
    """The catalogue.Query the query string `params` (a QueryDict) asks for; raises BadQuery.

    `extra` names the other parameters the caller reads itself (page, page_size).
    """
    facets = catalogue.current_facets()
    known = [*filter_params(facets), "q", "sort", *extra]
    errors = check_shape(params, known)
    chosen = {}
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
            chosen[facet.param] = choice
    text = "" if "q" in errors else " ".join(params.get("q", "").split())
    sort = params.get("sort", "")
    if sort and "sort" not in errors and sort not in SORTS:
        errors["sort"] = [_("Choose relevance, newest or adapted.")]
    if errors:
        raise BadQuery(errors)
    return catalogue.Query(filters=chosen, text=text, sort=sort)
