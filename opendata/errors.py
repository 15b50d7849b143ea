"""Every API error is JSON: {"detail": what went wrong, "code": a stable code, "errors": by
parameter}. Unknown addresses under /api/ answer the same way, not with the site's HTML page."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.decorators import api_view, permission_classes, throttle_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from opendata.selection import BadQuery


class InvalidQuery(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_query"

    def __init__(self, errors):
        super().__init__(_("The query string has errors: see “errors”, by parameter."))
        self.errors = errors


def exception_handler(exc, context):
    if isinstance(exc, BadQuery):
        exc = InvalidQuery(exc.errors)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.APIException):
        detail = exc.detail
        body = {"detail": str(detail), "code": getattr(detail, "code", None) or exc.default_code}
        if isinstance(detail, dict | list):
            body["detail"] = _("The request has errors.")
            body["errors"] = detail
        if isinstance(exc, InvalidQuery):
            body["errors"] = exc.errors
    else:  # Http404 or PermissionDenied, converted by DRF
        body = {"detail": str(response.data.get("detail", "")), "code": "not_found"}
    response.data = body
    return response


@extend_schema(exclude=True)
@api_view(["GET", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
@throttle_classes([])
def not_found(request, path=""):
    return Response(
        {
            "detail": _("There is nothing at this address. The API root lists what there is."),
            "code": "not_found",
        },
        status=status.HTTP_404_NOT_FOUND,
    )
