"""The open-data pages (what is available, the API's documentation) and the practice exports."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from lib.ratelimits import client_address, limit
from opendata import apidocs, citation, exports
from opendata.pagination import MAX_PAGE_SIZE
from opendata.selection import BadQuery, read_query

# A whole-catalogue export costs seconds of server time: a few a minute per address is plenty.
EXPORT_RATE = "20/m"


@require_safe
def open_data(request):
    language = get_language()
    context = {
        "api_root": request.build_absolute_uri(reverse("opendata_api:root")),
        "schema_url": reverse("opendata_api:schema"),
        "exports": citation.exports(),
        "feeds": citation.feeds(),
        "licence_url": citation.LICENCE_URLS.get(language, citation.LICENCE_URLS["en"]),
        "licence_name": citation.LICENCE_NAME,
        "how_to_cite": citation.citation(language),
        "max_page_size": MAX_PAGE_SIZE,
    }
    return render(request, "opendata/open_data.html", context)


@require_safe
def api_docs(request):
    language = get_language()
    document = apidocs.schema(language)
    context = {
        "info": document["info"],
        "operations": apidocs.operations(document),
        "components": apidocs.components(document),
        "api_root": request.build_absolute_uri(reverse("opendata_api:root")),
        "schema_url": reverse("opendata_api:schema") + f"?lang={language}",
    }
    return render(request, "opendata/api_docs.html", context)


def export(render_export):
    @require_safe
    @limit("opendata:export", (EXPORT_RATE,), key=client_address)
    def view(request):
        try:
            query = read_query(request.GET)
        except BadQuery as bad:
            return exports.bad_query_response(bad.errors)
        return render_export(query, request)

    return view


practices_csv = export(exports.csv_response)
practices_json = export(exports.json_response)
