"""Practices describe programs, never clients: spotting text that looks like someone's details.

A guess, not a gate: the author confirms or removes what is flagged, and editors see the flags
again when they review. The contact section is meant to hold a program's public contact, so it
is never flagged.
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


def flagged_fields(content, labels):
    """[(field label, [kinds])] for every text of `content` outside the contact section.
    `labels` maps a content key to the label people know it by."""
    flagged = []
    for key, value in content.items():
        if not isinstance(value, str) or key.startswith("contact_"):
            continue
        kinds = looks_private(value)
        if kinds:
            flagged.append((labels.get(key, key), kinds))
    return flagged
