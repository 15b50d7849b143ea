"""Two-step verification, required of the roles that change what everyone sees.

IRCC staff post the tracker's official statuses, editors publish and moderate, administrators
hold every role: with MFA_REQUIRED (on in production), such a person who has not set up an
authenticator app is sent to set one up before any other page. Signing in and out and the
two-step pages themselves stay open, so they can always do it (or leave).
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from workinggroup import roles

OPEN_URL_PREFIXES = ("account_", "mfa_")  # allauth's names: sign-in, sign-out, two-step pages


def must_set_up_mfa(user):
    return settings.MFA_REQUIRED and roles.has_staff_role(user) and not is_mfa_enabled(user)


def _open(request):
    if request.path_info.startswith(settings.STATIC_URL) or request.path_info == "/healthz":
        return True
    try:
        name = resolve(request.path_info).url_name or ""
    except Resolver404:
        return True  # a 404 page shows nothing to protect
    return name.startswith(OPEN_URL_PREFIXES)


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if must_set_up_mfa(request.user) and not _open(request):
            messages.warning(
                request,
                _(
                    "Your role can change what everyone sees on the portal: set up two-step "
                    "verification with an authenticator app before you go on."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
