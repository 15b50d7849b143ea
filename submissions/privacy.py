"""Practices describe programs, never clients: spotting text that looks like someone's details.

A guess, not a gate: the author confirms or removes what is flagged, and editors see the flags
again when they review. The contact section is meant to hold a program's public contact, so it
is never flagged.
"""

from lib.privacy import looks_private


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
