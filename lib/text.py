"""Checks on short texts people type (titles, names) and the accent-free form they are compared in.

Titles and names are shown to everyone, in lists and emails: a title made only of invisible
characters is a blank link, and a bidirectional override (U+202E) makes a name read backwards and
can disguise what follows it. Arabic, Inuktitut syllabics and emoji are all welcome.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Embeddings, overrides and isolates: they reorder the text around them. The marks (U+200E,
# U+200F, U+061C) only nudge neutral characters and are left alone.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def fold(text):
    """Lower case, without accents, spaces collapsed: "Rivière-la-Paix " → "riviere-la-paix"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(plain.split())


def is_visible(text):
    """True when the text has at least one letter, digit, punctuation mark or symbol (an emoji
    counts); spaces, zero-width and other format characters alone do not."""
    return any(unicodedata.category(c)[0] in "LNPS" for c in text or "")


def validate_visible(value):
    if value and not is_visible(value):
        raise ValidationError(
            _("Write at least one letter, digit or symbol: invisible characters show nothing."),
            code="invisible",
        )


def validate_no_bidi_controls(value):
    if any(c in BIDI_CONTROLS for c in value or ""):
        raise ValidationError(
            _(
                "Remove the invisible direction-changing characters (such as U+202E): they make "
                "the text read in another order than it was typed."
            ),
            code="bidi_control",
        )


# Titles and display names: both checks.
SHOWN_TEXT_VALIDATORS = [validate_visible, validate_no_bidi_controls]


def language_names_in_running_text(names):
    """Names of languages for a list in a sentence, in the active language: lower case in French
    (« anglais, arabe »; docs/french-style.md), as written in English ("English, Arabic")."""
    names = [str(name) for name in names]
    if (get_language() or "").startswith("fr"):
        return [name[:1].lower() + name[1:] for name in names]
    return names
