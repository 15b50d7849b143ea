"""Spotting text that looks like someone's personal details (a guess, not a gate).

Practices describe programs, never clients; a problem report needs no one's details. Forms warn
or refuse with the kinds found, so the person can remove them.
"""

import re

from django.utils.translation import gettext_lazy as _

PATTERNS = {
    "email": (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), _("an email address")),
    "phone": (
        re.compile(r"(?<!\d)(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}(?!\d)"),
        _("a phone number"),
    ),
    "postal_code": (
        re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b", re.I),
        _("a postal code"),
    ),
    # A social insurance number, a file or client number: nine or more digits in a row.
    "long_number": (
        re.compile(r"(?<![\d.,])\d{3}[ -]?\d{3}[ -]?\d{3,}(?!\d|[.,]\d)"),
        _("a long number (a SIN or a file number?)"),
    ),
}


def looks_private(text):
    """The kinds of personal details `text` seems to hold (labels, in order), or []."""
    if not text:
        return []
    return [label for pattern, label in PATTERNS.values() if pattern.search(text)]
