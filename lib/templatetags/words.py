"""`truncate_words`: Django's truncatewords, but a non-breaking space stays what it is.

truncatewords splits on every space, U+00A0 included, and joins with plain ones: « Nord : un
organisme » then reads « Nord : un… » with a breaking space before the colon, which Canadian
French typography forbids (docs/french-style.md) and which lets the colon start a line.
"""

import re

from django import template

register = template.Library()

BREAKING_SPACES = re.compile(r"[ \t\r\n\f\v]+")


@register.filter
def truncate_words(value, count):
    words = BREAKING_SPACES.split(str(value).strip())
    if len(words) <= int(count):
        return " ".join(words)
    return " ".join(words[: int(count)]) + "…"
