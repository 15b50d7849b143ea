"""French typography and glossary checks (docs/french-style.md), and a French collation key.

`french_problems(text)` lists what breaks the mechanical rules of the style guide: a colon
without a non-breaking space before it, a space before ? ! ;, guillemets without non-breaking
spaces, « 1 août » for the first of a month, « e-mail », and the words the glossary forbids.
Used by the catalogue check (compile_translations --check) and the tests.
"""

import re
import unicodedata

from django.db.models import F
from django.db.models.functions import Collate
from django.utils import translation

NBSP, NNBSP = "\u00a0", "\u202f"
_NB = f"[{NBSP}{NNBSP}]"
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"

# (pattern, message): each pattern matches one mistake in French text.
RULES = [
    (
        re.compile(r"(?<=[\wÀ-ÿ)»%\]}\"’'])[ \t]?:(?=\s|$|<)"),
        "colon without a non-breaking space before it (write « Statut\u00a0: »)",
    ),
    (re.compile(r"[ \t\u00a0\u202f][?!;](?=\s|$|<|»|\")"), "space before ? ! ; (none in Canada)"),
    (re.compile(rf"«(?!{_NB})"), "« not followed by a non-breaking space"),
    (re.compile(rf"(?<!{_NB})»"), "» not preceded by a non-breaking space"),
    (re.compile(rf"\b1[ {NBSP}{NNBSP}](?:{MONTHS})\b", re.I), "« 1 août »: write « 1er août »"),
    (re.compile(r"\be-?mails?\b", re.I), "« e-mail »: write « courriel »"),
    (
        re.compile(r"adresses? électroniques?", re.I),
        "« adresse électronique »: « adresse courriel »",
    ),
    (re.compile(r"\bÉditeur|\béditeur\b"), "« Éditeur » is a publisher: « équipe éditoriale »"),
    (re.compile(r"\bsoumissions?\b", re.I), "« soumission » is a bid: « proposition »"),
    (re.compile(r"\brévision\b", re.I), "« révision » for review: « examen »"),
    (
        re.compile(r"\w\((?:e|s|ne|euse|rice)\)|\w·\w", re.I),
        "parenthetical or dotted gender forms: see §3",
    ),
    (re.compile(r"\bdans le futur\b", re.I), "calque « dans le futur »"),
    (re.compile(r"\bcollectivités?\b", re.I), "« collectivité »: the glossary says « communauté »"),
    (re.compile(r"\bappel de propositions national", re.I), "« appel national de propositions »"),
    (re.compile(r"\bapparentées?\b", re.I), "« pratiques connexes »"),
    (re.compile(r"\b(?:ça|Ça)\b"), "register: « ça »"),
    (re.compile(r"\b\d{5,}\b"), "number without grouping (« 20\u00a0001 »)"),
]

# Placeholders and markup are not French text: %(name)s, {name}, %s, tags, entities, URLs.
_NOT_TEXT = re.compile(
    r"%\([^)]*\)[sdfir]|%[sdfir]|\{[^{}]*\}|<[^>]*>|&[a-z]+;|&#\d+;|https?://\S+|mailto:\S+"
)


def catalogue_problems(path):
    """Every msgstr of a .po catalogue that breaks the rules, as "path:line: problem" lines."""
    import polib  # only the catalogue check and its tests read .po files

    found = []
    for entry in polib.pofile(str(path)):
        if not entry.msgid or entry.obsolete:
            continue
        texts = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
        for text in texts:
            found += [f"{path}:{entry.linenum}: {problem}" for problem in french_problems(text)]
    return found


def french_problems(text):
    """The style guide's mechanical rules this French text breaks, as messages (empty if none)."""
    # Replace what is not text by a neutral letter so that « %(label)s : » is still checked.
    cleaned = _NOT_TEXT.sub("x", text)
    found = []
    for pattern, message in RULES:
        match = pattern.search(cleaned)
        if match:
            start = max(match.start() - 20, 0)
            found.append(f"{message}: …{cleaned[start : match.end() + 20]}…")
    return found


# The collation French lists are ordered by in SQL: ICU's root collation on PostgreSQL (accents
# and case second), and the same name registered on SQLite with collation_key (lib.apps).
COLLATION = "und-x-icu"


def collated(field):
    """`field` for order_by() in French (and English) alphabetical order, on either database."""
    return Collate(F(field), COLLATION)


def compare(a, b):
    """SQLite's collation function for COLLATION."""
    ka, kb = collation_key(a), collation_key(b)
    return (ka > kb) - (ka < kb)


def collation_key(text):
    """Sort key for French (and English) lists: accents, case and hyphens ignored first, so
    « Île-du-Prince-Édouard » sorts among the I's; the original text breaks ties."""
    base = unicodedata.normalize("NFKD", str(text or ""))
    base = "".join(c for c in base if not unicodedata.combining(c))
    base = base.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    base = re.sub(r"[-’'\s]+", " ", base).casefold().strip()
    return (base, str(text or ""))


_FIRST = re.compile(rf"(?<![\d])1(?=[ {NBSP}{NNBSP}](?:{MONTHS})\b)", re.I)


def first_of_month(text):
    """« 1 août 2021 » -> « 1er août 2021 » (the Translation Bureau's ordinal for the 1st)."""
    return _FIRST.sub("1er", text)


def french_date_formatting(format_date):
    """Wrap django.utils.dateformat.format so every French date (the `date` filter, date_format,
    {{ value }} of a date) writes « 1er » for the first of a month; lib.apps installs it."""

    def format_with_ordinal(value, format_string):
        text = format_date(value, format_string)
        if getattr(value, "day", None) == 1 and (translation.get_language() or "").startswith("fr"):
            return first_of_month(text)
        return text

    format_with_ordinal.__wrapped__ = format_date
    return format_with_ordinal
