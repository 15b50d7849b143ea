"""Post text to HTML: Markdown converted once, when the post is written; sanitised at every output.

Converting Markdown is the slow part (about a millisecond a post); nh3's clean is a hundred times
faster. So a post keeps its converted, not yet trusted, HTML in body_html, and pages run it
through lib.markdown.clean (the site's one allow-list) each time they show it: a change to the
allow-list applies to every old post at once. Measured with bench_discussions (2026-12-06, load
average 3): a thread page p50 17 ms, p95 19 to 28 ms with body_html; p50 28 ms, p95 33 to 43 ms
converting on every view, too close to the 50 ms p95 the site's other pages are held to.
"""

import markdown as markdown_lib
from django.utils.safestring import mark_safe

from lib import markdown

# The same conversion as lib.markdown.render, minus the cleaning.
EXTENSIONS = ["extra", "sane_lists"]


def convert(text):
    """Markdown to raw HTML. Not safe: always clean() before output."""
    return markdown_lib.markdown(text or "", extensions=EXTENSIONS, output_format="html")


def safe_html(post):
    """The post's HTML, sanitised now, ready for a template."""
    if not post.body_html and post.body:
        return markdown.render(post.body)
    return mark_safe(markdown.clean(post.body_html))  # noqa: S308 - cleaned by nh3 just now
