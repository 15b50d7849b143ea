"""The language toggle: the URL of the same page in the other language.

Built by reversing the current view under the other language (so translated paths follow),
unless the view supplied its own (objects with translated slugs must: translate_url() would
keep the slug of the current language).
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation


def other_languages(current):
    return [code for code, _name in settings.LANGUAGES if code != current]


def page_in_language(request, language):
    """URL of the current page in `language`, keeping the query string."""
    explicit = getattr(request, "alternate_urls", {}).get(language)
    if explicit:
        return explicit
    match = getattr(request, "resolver_match", None)
    url = None
    if match and match.view_name:
        with translation.override(language):
            try:
                url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                url = None
    if url is None:
        # No view to reverse (a 404, say): the other language's home page.
        return f"/{language}/"
    query = request.META.get("QUERY_STRING", "")
    if query and "?" not in url:
        url = f"{url}?{query}"
    return url


def set_alternate_urls(request, obj):
    """For pages of an object with translated slugs: its own URL in every language."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = obj.get_absolute_url()
    request.alternate_urls = urls
    return urls
