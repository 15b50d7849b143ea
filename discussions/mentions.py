"""@-mentions. A member's handle is the part of their email address before the @.

`@marie` mentions the one member whose address starts with `marie@`. When two members share that
local part, the handle is ambiguous and the writer uses the full address: `@marie@example.org`.
Only members are ever notified, and at most MAX_MENTIONS per post.
"""

import re

from django.db.models import Q
from django.utils.translation import gettext as _

from discussions.access import members
from discussions.rendering import MENTION

MAX_MENTIONS = 10
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def handle_of(user):
    return user.email.split("@", 1)[0] if user and user.email else ""


def member_name(user):
    """How members appear to each other: their name and @handle, never the full address."""
    if user is None:
        return _("A former member")
    full = user.get_full_name()
    handle = handle_of(user)
    return f"{full} (@{handle})" if full else f"@{handle}"


def mentioned_names(text):
    """Handles and addresses mentioned in `text` (outside code), lower-cased, in order, unique."""
    names = []
    for match in MENTION.finditer(CODE.sub(" ", text or "")):
        name = match.group(1).rstrip(".").lower()
        if name and name not in names:
            names.append(name)
    return names[:MAX_MENTIONS]


def member_by_handle(handle):
    """The one member `handle` (or full address) names, or None (nobody, or ambiguous)."""
    handle = (handle or "").lower()
    if "@" in handle:
        found = list(members().filter(email__iexact=handle)[:2])
    else:
        found = [
            u
            for u in members().filter(email__istartswith=f"{handle}@")
            if handle_of(u).lower() == handle
        ]
    return found[0] if len(found) == 1 else None


def mentioned_members(text, exclude=None):
    """The members a text mentions; ambiguous handles match nobody. One query."""
    names = mentioned_names(text)
    if not names:
        return []
    lookup = Q()
    for name in names:
        lookup |= Q(email__iexact=name) if "@" in name else Q(email__istartswith=f"{name}@")
    candidates = list(members().filter(lookup))
    found = []
    for name in names:
        if "@" in name:
            matches = [u for u in candidates if u.email.lower() == name]
        else:
            matches = [u for u in candidates if handle_of(u).lower() == name]
        if len(matches) == 1 and matches[0] not in found and matches[0] != exclude:
            found.append(matches[0])
    return found
