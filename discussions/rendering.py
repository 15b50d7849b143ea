"""Post text to HTML: Markdown converted once, when the post is written; sanitised at every output.

Converting Markdown is the slow part (about a millisecond a post); nh3's clean is a hundred times
faster. So a post keeps its converted, not yet trusted, HTML in body_html, and pages run it
through lib.markdown.clean (the site's one allow-list) each time they show it: a change to the
allow-list applies to every old post at once. Measured with bench_discussions (2026-12-06, load
average 3): a thread page p50 17 ms, p95 19 to 28 ms with body_html; p50 28 ms, p95 33 to 43 ms
converting on every view, too close to the 50 ms p95 the site's other pages are held to.
"""

import re

import markdown as markdown_lib
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from lib import markdown

# The same conversion as lib.markdown.render, minus the cleaning.
EXTENSIONS = ["extra", "sane_lists"]


def convert(text):
    """Markdown to raw HTML. Not safe: always clean() before output."""
    return markdown_lib.markdown(text or "", extensions=EXTENSIONS, output_format="html")


# An @-mention (see mentions.py). Not preceded by a word character, so "name@example.org" in
# running text is no mention.
MENTION = re.compile(r"(?<![\w.@])@([A-Za-z0-9._+-]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)")
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*/?\s*([A-Za-z0-9]+)")
# Text inside these is left alone: a link already, or code.
NO_MENTION_LINKS = {"a", "code", "pre"}


def safe_html(post):
    """The post's HTML, sanitised now, ready for a template."""
    html = post.body_html if post.body_html or not post.body else convert(post.body)
    return mark_safe(markdown.clean(link_mentions(html)))  # noqa: S308 - cleaned by nh3 just now


def link_mentions(html):
    """Each @handle in the text of `html` (not in code or a link) as a link to the member's page,
    in the page's language. The page says whom the handle names; nothing is looked up here."""
    out, inside = [], 0
    for part in TAG.split(html):
        if part.startswith("<"):
            name = TAG_NAME.match(part)
            if name and name.group(1).lower() in NO_MENTION_LINKS:
                inside = max(0, inside + (-1 if part.lstrip("< ").startswith("/") else 1))
            out.append(part)
        elif inside or "@" not in part:
            out.append(part)
        else:
            out.append(MENTION.sub(_mention_link, part))
    return "".join(out)


def _mention_link(match):
    handle = match.group(1).rstrip(".")
    rest = match.group(1)[len(handle) :]
    if not handle:
        return match.group(0)
    url = reverse("discussions:member", kwargs={"handle": handle})
    return f'<a href="{escape(url)}">@{escape(handle)}</a>{rest}'
