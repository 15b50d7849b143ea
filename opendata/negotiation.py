"""Content negotiation that answers an Accept header we cannot satisfy with a 400 and a JSON body
saying what we can send, instead of DRF's bodiless 406."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotAcceptable, ParseError
from rest_framework.negotiation import DefaultContentNegotiation


class UnsupportedAccept(ParseError):
    default_code = "unsupported_accept"


class StrictContentNegotiation(DefaultContentNegotiation):
    def get_accept_list(self, request):
        # An empty Accept header asks for nothing in particular, like no header at all.
        if not request.META.get("HTTP_ACCEPT", "").strip():
            return ["*/*"]
        return super().get_accept_list(request)

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            offered = ", ".join(renderer.media_type for renderer in renderers)
            raise UnsupportedAccept(
                _("This address cannot answer in %(accept)s. Ask for one of: %(offered)s.")
                % {"accept": request.META.get("HTTP_ACCEPT", "")[:100], "offered": offered}
            ) from None
