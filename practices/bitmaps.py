"""A keyword's matches, their counts per filter choice and their first page, from bitmaps
(PostgreSQL only).

Counting a keyword's matches per filter reads every matching row: for a word found in half the
catalogue that is 100–250 ms at 100,000 practices, whatever the layout (docs/catalogue.md). The
database keeps instead, for "published", each filter term, each community and each common word
(of the whole text, of titles, of titles and summaries), the set of practices that hold it as a
bitmap (bit n: practice n), exact at every commit (triggers of migration 0016). A keyword's
matches are then its words' bitmaps combined as its tsquery says (AND, OR, NOT), a count is the
number of bits set in an AND, and the ranking's tiers are the same combinations over the
titles' and summaries' words: about 5–15 ms in all.

A word without a bitmap is rare (under REBUILD_MIN_PRACTICES practices when the bitmaps were
last rebuilt): its practices are read from the rows, at most RARE_LIMIT of them. When it has
become common since, or when the query is a phrase ("a b" in quotes, which needs word
positions), `Counter.make` gives None and the caller counts the rows in SQL.
"""

import re
from dataclasses import dataclass

from django.db import connection

from practices import search

# Words in at least this many published practices get a bitmap when the bitmaps are rebuilt:
# reading a word's rows costs about 8 ms for 1,000 practices, 2 ms for 200, at 100,000 (1,766
# bitmaps then, 21 MB).
REBUILD_MIN_PRACTICES = 200
# A word without a bitmap is read from the rows up to this many practices (room for the words
# that grow between two nightly rebuilds).
RARE_LIMIT = 1000
TABLE = "practices_promisingpractice"


def rebuild(min_practices=REBUILD_MIN_PRACTICES):
    """Make every bitmap again from the practices (about 25 s at 100,000; writers to the
    practices wait, readers do not). Returns how many bitmaps there are."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT practice_bitmaps_rebuild(%s)", [min_practices])
        return cursor.fetchone()[0]


# --- tsquery text, as PostgreSQL prints it ("'communiti' & !( 'a' | 'b' )"), to a tree -------

TOKEN = re.compile(r"\s*(?:'((?:[^']|'')*)'(?::[*A-D]+)?|(<\d*-?>)|([&|!()]))")


class Phrase(Exception):
    """The query holds a phrase: word positions, which bitmaps do not keep."""


def parse(text):
    """The tree of a tsquery's text: ("word", lexeme), ("not", t), ("and"|"or", a, b), or None
    for an empty query (only stop words). Raises Phrase for <-> and <N>."""
    tokens = []
    position = 0
    text = text.strip()
    while position < len(text):
        found = TOKEN.match(text, position)
        if not found:
            raise ValueError(f"unexpected tsquery text: {text!r}")
        lexeme, phrase, sign = found.groups()
        if phrase:
            raise Phrase
        tokens.append(("word", lexeme.replace("''", "'")) if lexeme is not None else sign)
        position = found.end()
    if not tokens:
        return None
    tree, rest = _or(tokens)
    assert not rest, text
    return tree


def _or(tokens):
    left, tokens = _and(tokens)
    while tokens and tokens[0] == "|":
        right, tokens = _and(tokens[1:])
        left = ("or", left, right)
    return left, tokens


def _and(tokens):
    left, tokens = _not(tokens)
    while tokens and tokens[0] == "&":
        right, tokens = _not(tokens[1:])
        left = ("and", left, right)
    return left, tokens


def _not(tokens):
    if tokens[0] == "!":
        inner, tokens = _not(tokens[1:])
        return ("not", inner), tokens
    if tokens[0] == "(":
        inner, tokens = _or(tokens[1:])
        assert tokens[0] == ")"
        return inner, tokens[1:]
    return tokens[0], tokens[1:]


def lexemes(tree):
    if tree is None:
        return set()
    if tree[0] == "word":
        return {tree[1]}
    return set().union(*(lexemes(t) for t in tree[1:]))


def evaluate(tree, bitmap, everything):
    """The bitmap of the practices a tree matches; `bitmap(lexeme)` gives a word's."""
    if tree is None:
        return 0
    kind = tree[0]
    if kind == "word":
        return bitmap(tree[1])
    if kind == "not":
        return everything & ~evaluate(tree[1], bitmap, everything)
    left, right = (evaluate(t, bitmap, everything) for t in tree[1:])
    return left & right if kind == "and" else left | right


# --- Counting ------------------------------------------------------------------------------


def as_int(data):
    return int.from_bytes(bytes(data or b""), "little")


COMMUNITY = "community_id="


def fetch(keys, prefix=None):
    """{key: bitmap} of the bitmaps of `keys` (and of every key starting with `prefix`) that
    exist, in one query."""
    sql = "SELECT key, bits FROM practices_matchbitmap WHERE key = ANY(%s)"
    params = [sorted(keys)]
    if prefix:
        sql += " OR key LIKE %s"
        params.append(f"{prefix}%")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {key: as_int(bits) for key, bits in cursor.fetchall()}


def per_community(kept, found):
    """{community id: how many of `kept`} from the community bitmaps among `found`."""
    counts = {}
    for key, bits in found.items():
        if key.startswith(COMMUNITY) and (number := (kept & bits).bit_count()):
            counts[int(key.removeprefix(COMMUNITY))] = number
    return counts


def ids(bits):
    """The practice ids whose bit is set in `bits`, in order."""
    found = []
    for i, byte in enumerate(bits.to_bytes((bits.bit_length() + 7) // 8, "little")):
        if byte:
            found += [i * 8 + b for b in range(8) if byte >> b & 1]
    return found


# The vector each kind of word key stands for (migration 0016), as search.py writes them.
VECTORS = {"word": "tsv_{lang}", "head": "head_{lang}", "title": "ts_filter(head_{lang}, '{{a}}')"}
# A tier with at most this many practices is ordered by their ids (primary key); a larger one
# by walking the newest-first index and testing each id's bit, which stops after a page.
SMALL_TIER = 300


@dataclass
class Counter:
    """The published practices that match a keyword, and each of its ranking tiers, as
    bitmaps; and the filters' bitmaps."""

    matches: int
    terms: dict  # {filter term: bitmap}
    tiers: list  # bitmaps, best first (search.TIERS); [matches] when no word is asked for

    @classmethod
    def make(cls, text, facets):
        """For `text` (search.Keyword) and every choice of `facets`; None when bitmaps cannot
        answer (a phrase, a word that became common since the last rebuild) or no PostgreSQL.
        Two queries, three with a rare word."""
        if connection.vendor != "postgresql":
            return None
        if search.nothing_to_look_for(text):
            return cls(0, {}, [])
        asked = search.positive_words(text)
        wanted_text = " or ".join(asked)
        texts = [search.cleaned(each) for each in search.alternatives(text)]
        trees = tsquery_trees([*texts, wanted_text] if asked else texts)
        if trees is None:
            return None
        keys = {
            f"{kind}:{lang}:{lexeme}"
            for i, (lang, tree) in enumerate(trees)
            for kind in (("word", "title") if i < 2 * len(texts) else ("title", "head"))
            for lexeme in lexemes(tree)
        }
        terms = {choice.term for facet in facets for choice in facet.choices}
        found = fetch(keys | terms | {"published"})
        missing = sorted(keys - found.keys())
        if missing:
            rare = read_rare(missing)
            if rare is None:
                return None
            found.update(rare)
        everything = found.get("published", 0)

        def combined(kind, part):
            bits = 0
            for lang, tree in part:
                bits |= evaluate(tree, lambda w, lang=lang: found[f"{kind}:{lang}:{w}"], everything)
            return bits & everything

        typed, wanted = trees[: 2 * len(texts)], trees[2 * len(texts) :]
        matches = combined("word", typed)
        if not asked:
            return cls(matches, {t: found.get(t, 0) for t in terms}, [matches])
        # search.tier_conditions, over the matches: the title holds every word (the query as
        # typed), some of them, the title or summary holds some, the rest.
        full = combined("title", typed)
        title = combined("title", wanted)
        head = combined("head", wanted)
        tiers = [matches & full, matches & title & ~full, matches & head & ~title, matches & ~head]
        return cls(matches, {t: found.get(t, 0) for t in terms}, tiers)

    @classmethod
    def published(cls, facets):
        """Every published practice, for the counts without a keyword; one query. None
        without PostgreSQL."""
        if connection.vendor != "postgresql":
            return None
        terms = {choice.term for facet in facets for choice in facet.choices}
        found = fetch(terms | {"published"})
        everything = found.get("published", 0)
        return cls(everything, {t: found.get(t, 0) for t in terms}, [everything])

    def within(self, selection, bits=None):
        """The matches (or `bits`) that every choice of `selection` ({param: Choice}) keeps."""
        kept = self.matches if bits is None else bits
        for choice in selection.values():
            kept &= self.terms.get(choice.term, 0)
        return kept

    def counts(self, facets, selection):
        """{param: {value: count}} and the total, by the rule of keyword.Match.counts."""
        kept = self.within(selection)
        counts = {}
        for facet in facets:
            if facet.param in selection:
                others = {p: c for p, c in selection.items() if p != facet.param}
                among = self.within(others)
            else:
                among = kept
            counts[facet.param] = {
                c.value: (among & self.terms.get(c.term, 0)).bit_count() for c in facet.choices
            }
        return counts, kept.bit_count()

    def by_community(self, selection):
        """{community id: how many matches} among those `selection` keeps (one query)."""
        return per_community(self.within(selection), fetch((), COMMUNITY))

    def best(self, selection, stop):
        """The ids of the first `stop` matches within `selection` by relevance: tier by tier,
        newest first (then the highest id) within a tier, in one query. A large tier is read
        from the newest-first index (index only: the date and the id), testing the id's bit,
        and PostgreSQL stops once the page is full."""
        parts, params = [], []
        for number, tier in enumerate(self.tiers, start=1):
            tier = self.within(selection, tier)
            if not tier:
                continue
            if tier.bit_count() <= SMALL_TIER:
                test, values = "id = ANY(%s)", [ids(tier)]
            else:
                data = tier.to_bytes((tier.bit_length() + 7) // 8, "little")
                test = "CASE WHEN id < %s THEN get_bit(%s, id) = 1 ELSE false END"
                values = [len(data) * 8, data]
            parts.append(
                f"(SELECT {number} AS tier, published_at, id FROM {TABLE} "  # noqa: S608
                f"WHERE status = 'published' AND {test} "
                f"ORDER BY published_at DESC, id DESC LIMIT {int(stop)})"
            )
            params += values
        if not parts:
            return []
        with connection.cursor() as cursor:
            union = " UNION ALL ".join(parts)
            cursor.execute(f"SELECT * FROM ({union}) AS tiers LIMIT {int(stop)}", params)  # noqa: S608 - our parts
            rows = cursor.fetchall()
        rows.sort(key=lambda row: (row[0], -row[1].timestamp(), -row[2]))
        return [pk for _tier, _date, pk in rows]


def community_counts(selection):
    """{community id: how many published practices} among those `selection` ({param: Choice})
    keeps, for the map's dots without a keyword; one query."""
    terms = {choice.term for choice in selection.values()} | {"published"}
    found = fetch(terms, COMMUNITY)
    kept = found.get("published", 0)
    for term in terms:
        kept &= found.get(term, 0)
    return per_community(kept, found)


def tsquery_trees(texts):
    """[(language, tree)] of each text's websearch tsquery in English, then in French, in one
    query; None when one holds a phrase."""
    columns = ", ".join(["websearch_to_tsquery(%s::regconfig, %s)::text"] * 2 * len(texts))
    params = [
        value for text in texts for lang in ("en", "fr") for value in (search.CONFIGS[lang], text)
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}", params)  # noqa: S608 - placeholders only
        printed = cursor.fetchone()
    try:
        return [("en" if i % 2 == 0 else "fr", parse(t)) for i, t in enumerate(printed)]
    except Phrase:
        return None


def read_rare(keys):
    """{key: bitmap} for words without a bitmap ("word:en:lexeme", "title:…", "head:…"), read
    from the published rows in one query; None when one of them is in more than RARE_LIMIT
    practices."""
    parts, params = [], []
    for i, key in enumerate(keys):
        kind, lang, lexeme = key.split(":", 2)
        quoted = "'" + lexeme.replace("'", "''") + "'"
        vector = VECTORS[kind].format(lang=lang)
        parts.append(
            f"(SELECT {i} AS word, id FROM {TABLE} WHERE status = 'published' "  # noqa: S608
            f"AND {vector} @@ %s::tsquery LIMIT {RARE_LIMIT + 1})"
        )
        params.append(quoted)
    found = {i: bytearray() for i in range(len(keys))}
    sizes = dict.fromkeys(range(len(keys)), 0)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for word, pk in cursor.fetchall():
            bits = found[word]
            if len(bits) <= pk // 8:
                bits.extend(bytes(pk // 8 + 1 - len(bits)))
            bits[pk // 8] |= 1 << (pk % 8)
            sizes[word] += 1
    if any(size > RARE_LIMIT for size in sizes.values()):
        return None
    return {keys[i]: as_int(bits) for i, bits in found.items()}
