"""Headers every response carries for privacy: what the browser may use, and who may keep it.

`Permissions-Policy` turns off the browser features the portal never uses. A page for a signed-in
person shows their name, and often their drafts, threads or contacts: it is `Cache-Control:
private`, so no shared cache (an office proxy, a CDN) keeps it for the next person.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control


class PrivacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
        return response
