"""Signed-in sessions end after a time without activity, shorter for the roles that can change
what everyone sees.

Each request moves the end forward (at most once an hour, so the session is not written on
every page). Both limits are longer than 20 hours, WCAG 2.2.1's exception: nobody is signed out
while working on a page.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import timezone

from workinggroup import roles

REFRESH_EVERY = 3600  # seconds


def idle_limit(user):
    """How long this person stays signed in without activity, in seconds."""
    if roles.has_staff_role(user):
        return settings.SESSION_IDLE_SECONDS_STAFF
    return settings.SESSION_COOKIE_AGE


def date_at_sign_in(request, user):
    """Signing in starts the time without activity (models.py calls it on user_logged_in)."""
    if getattr(request, "session", None) is not None:
        request.session.set_expiry(timezone.now() + timedelta(seconds=idle_limit(user)))


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Signed in at the end of the request: not after signing out, nor for visitors.
        if session is not None and session.get(SESSION_KEY) and request.user.is_authenticated:
            limit = idle_limit(request.user)
            left = session.get_expiry_age()
            dated = session.get("_session_expiry") is not None  # else it ends where it began
            if not dated or left < limit - REFRESH_EVERY or left > limit:
                session.set_expiry(timezone.now() + timedelta(seconds=limit))
        return response
