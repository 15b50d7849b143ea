"""What a keyword matches within the chosen filters: which practices, how many, and the filters'
counts among them. Every match counts and is ranked (search.by_relevance orders all of them):
nothing is left out for speed, so the first page holds the best matches among all.

The counts come from the bitmaps of the filters and of the common words (bitmaps.py: a few
milliseconds whatever the number of matches). When bitmaps cannot answer (a phrase in quotes, a
word that became common since they were last rebuilt) they are counted in SQL over the matches
(facets.count_all, kept under the publication version).
"""

from functools import cached_property

from practices import bitmaps, glossary, search
from practices.facets import count_all, current_facets, within
from practices.models import PromisingPractice


class Match:
    """The matches of `text` among the published practices that the chosen filters
    (`selection`: {param: Choice}) keep."""

    def __init__(self, selection, text):
        self.selection = selection
        # Searched as typed and as its glossary translation; in lower case (as the search
        # reads it) so that "Newcomers" and "newcomers" share their cached counts.
        self.text = glossary.keyword(search.cleaned(text).lower())
        self._total = None

    def practices(self, selection=None):
        """The matches within `selection` (default: the chosen filters), as an unordered
        queryset."""
        return search.matching(self.searched(selection), self.text)

    def searched(self, selection=None):
        """The published practices within `selection` (default: the chosen filters)."""
        selection = self.selection if selection is None else selection
        return within(PromisingPractice.objects.published(), selection)

    @cached_property
    def bitmaps(self):
        """A bitmaps.Counter of the matches, or None (then count in SQL)."""
        return bitmaps.Counter.make(self.text, current_facets())

    def best(self, stop):
        """The ids of the first `stop` matches by relevance (search.by_relevance's order): from
        the bitmaps' tiers, else tier by tier in SQL (search.best)."""
        if self.bitmaps is not None:
            return self.bitmaps.best(self.selection, stop)
        return search.best(self.searched(), self.text, stop)

    @property
    def total(self):
        if self._total is None:
            if self.bitmaps is not None:
                self._total = self.bitmaps.within(self.selection).bit_count()
            else:
                self._total = count_all(self.practices(), [], cached=True)["_total"]
        return self._total

    def counts(self, facets):
        """{param: {value: count}} for `facets`: a filter not chosen is counted among the
        results; a chosen filter's choices among the matches that the *other* chosen filters
        keep (what choosing another value would give). From bitmaps: no query of their own;
        else one query, and one per chosen filter."""
        if self.bitmaps is not None:
            counts, self._total = self.bitmaps.counts(facets, self.selection)
            return counts
        unselected = [f for f in facets if f.param not in self.selection]
        counts = count_all(self.practices(), unselected, cached=True)
        self._total = counts.pop("_total")
        for facet in facets:
            if facet.param in self.selection:
                others = {p: c for p, c in self.selection.items() if p != facet.param}
                found = count_all(self.practices(others), [facet], cached=True)
                counts[facet.param] = found[facet.param]
        return counts
