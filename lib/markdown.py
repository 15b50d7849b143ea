"""User text: Markdown rendered to HTML, then cleaned with an allow-list (nh3).

Raw HTML typed by a user never survives: Markdown escapes nothing, so the sanitiser is what
stands between a post and a script. Links keep only http, https and mailto.
"""

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer nofollow ugc"


def render(text):
    """Markdown to safe HTML, ready for a template."""
    if not text:
        return mark_safe("")  # noqa: S308 - empty string
    html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    return mark_safe(clean(html))  # noqa: S308 - cleaned by nh3 just above


def clean(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
