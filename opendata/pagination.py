"""Numbered pages with next/previous links, strict about what it is given.

DRF's own page-number pagination quietly shrinks a page size over the maximum and answers a
malformed page with 404; open data answers both with a 400 that says what to send instead. A view
that already knows how many results there are (a search, a cached count) passes it in, so no
count query runs.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from opendata.selection import BadQuery

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000
PARAMS = ("page", "page_size")


def read_int(params, name, default, maximum, errors):
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    valid = raw.isascii() and raw.isdigit() and len(raw) <= 9
    if not valid or not 1 <= int(raw) <= maximum:
        errors[name] = [
            _("Give a whole number from 1 to %(maximum)d.") % {"maximum": maximum},
        ]
        return default
    return int(raw)


class Pagination(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None, count=None):
        errors = {}
        size = read_int(request.query_params, "page_size", PAGE_SIZE, MAX_PAGE_SIZE, errors)
        number = read_int(request.query_params, "page", 1, MAX_PAGE, errors)
        if errors:
            raise BadQuery(errors)
        paginator = Paginator(queryset, size)
        if count is not None:
            paginator.count = count  # a cached_property: the known count replaces the query
        if number > paginator.num_pages:
            raise BadQuery(
                {
                    "page": [
                        _("There is no page %(page)d: the last page is %(last)d.")
                        % {"page": number, "last": paginator.num_pages}
                    ]
                }
            )
        self.page = paginator.page(number)
        self.request = request
        return list(self.page)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "page": self.page.number,
                "pages": self.page.paginator.num_pages,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )
