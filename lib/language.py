"""The language toggle: the URL of the same page in the other language.

Built by reversing the current view under the other language (so translated paths follow),
unless the view supplied its own (objects with translated slugs must: translate_url() would
keep the slug of the current language).
"""

from django.conf import settings
from django.http import QueryDict
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation


def other_languages(current):
    return [code for code, _name in settings.LANGUAGES if code != current]


def page_in_language(request, language):
    """URL of the current page in `language`, keeping the query string (its `next` taken to
    the same language: after signing in, the person stays in the language they chose)."""
    explicit = getattr(request, "alternate_urls", {}).get(language)
    if explicit:
        return _with_query(explicit, request, language)
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
    return _with_query(url, request, language)


def _with_query(url, request, language):
    query = request.META.get("QUERY_STRING", "")
    if not query or "?" in url:
        return url
    params = QueryDict(query, mutable=True)
    if params.get("next", "").startswith("/") and not params["next"].startswith("//"):
        params["next"] = translate_url(params["next"], language)
        query = params.urlencode(safe="/")
    return f"{url}?{query}"


def set_alternate_urls(request, obj):
    """For pages of an object with translated slugs: its own URL in every language."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = obj.get_absolute_url()
    request.alternate_urls = urls
    return urls
