"""Limits on how fast people may write or download, and the one way the portal answers over a
limit: HTTP 429 with `Retry-After`, on the portal's 429 page in the page's language, with what
was typed ready to send again.

Counts are kept in the default cache (django-ratelimit's fixed windows); allauth's own limits
(sign-in, sign-up, password reset) are answered by the same page (allauth_rate_limited).
"""

import math
import re
import time
from functools import wraps

from allauth.core.internal import ratelimit as allauth_ratelimit
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import _split_rate, get_usage

# Never written back into a page: passwords, and the CSRF token (the page has its own).
SECRET_FIELDS = re.compile(r"password|csrfmiddlewaretoken", re.IGNORECASE)
# Posted fields of forms the 429 page does not have (allauth's), shown with these labels.
KNOWN_LABELS = {"email": _("Email address"), "login": _("Email address")}


def over_limit(request, group, rates, key="user"):
    """Count this request against each of `rates` ("6/m", "60/h") of `group`. Returns how many
    seconds to wait when any is exceeded, else 0. Every rate is counted, so a burst also uses up
    the longer windows."""
    wait = 0
    for rate in rates:
        usage = get_usage(request, group=f"{group}:{rate}", key=key, rate=rate, increment=True)
        if usage and usage["should_limit"]:
            # time_left is -1 when the cache failed: wait a whole window then.
            left = usage["time_left"] if usage["time_left"] > 0 else _split_rate(rate)[1]
            wait = max(wait, left)
    return wait


def too_many_requests(request, wait, form=None):
    """The answer over a limit: the 429 page, `Retry-After: wait`, and the form as typed (its
    other posted fields kept hidden) to send again once the wait is over."""
    wait = max(1, math.ceil(wait))
    if form is None and request.method == "POST":
        form = _typed_text(request)
    known = {field.html_name for field in form} if form is not None else set()
    resend = [
        (name, value)
        for name in request.POST
        if name not in known and not SECRET_FIELDS.search(name)
        for value in request.POST.getlist(name)
    ]
    context = {"form": form, "resend": resend, "wait_minutes": math.ceil(wait / 60)}
    response = render(request, "errors/429.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


def _typed_text(request):
    """A form holding the posted text we can label (an email address), for pages whose own form
    we do not have; None when there is none."""
    fields = {
        name: forms.CharField(label=label, required=False)
        for name, label in KNOWN_LABELS.items()
        if request.POST.get(name)
    }
    if not fields:
        return None
    return type("TypedText", (forms.Form,), fields)(request.POST)


def limit(group, rates, key="user"):
    """View decorator: each request counts against `rates`; over any, the 429 answer."""

    def decorate(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            wait = over_limit(request, group, rates, key=key)
            if wait:
                return too_many_requests(request, wait)
            return view(request, *args, **kwargs)

        return limited

    return decorate


# allauth's limited pages and the action each counts (settings.ACCOUNT_RATE_LIMITS).
ALLAUTH_ACTIONS = {
    "account_login": "login",
    "account_signup": "signup",
    "account_reset_password": "reset_password",
    "account_reset_password_from_key": "reset_password_from_key",
    "account_confirm_email": "confirm_email",
    "account_change_password": "change_password",
    "account_email": "manage_email",
}


def allauth_wait(request, action, key=None):
    """Seconds until allauth's limits of `action` let this request through again. allauth keeps,
    per rate, the times of the counted attempts, newest first; a full window frees up when its
    oldest counted attempt leaves it. (Read from allauth's internals: it says no time itself.)"""
    now, wait = time.time(), 0.0
    for rate in allauth_ratelimit.get_rates(app="allauth.account", action=action):
        if (rate.per == "key" and not key) or (
            rate.per == "user" and not request.user.is_authenticated
        ):
            continue
        cache_key = allauth_ratelimit.get_cache_key(
            request, app="allauth.account", action=action, rate=rate, key=key
        )
        history = cache.get(cache_key) or []
        if len(history) >= rate.amount:
            wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return wait


def allauth_rate_limited(request):
    """allauth's 429 (config.urls.handler429): the portal's answer, with the wait allauth will
    impose (a minute when it cannot be read)."""
    try:
        action = ALLAUTH_ACTIONS.get(resolve(request.path_info).url_name)
    except Resolver404:
        action = None
    email = (request.POST.get("email") or "").strip().lower() or None
    wait = allauth_wait(request, action, key=email) if action else 0
    return too_many_requests(request, wait or 60)


def client_address(group, request):
    """The reader's address: behind TRUSTED_PROXY_COUNT proxies, the one the outermost trusted
    proxy saw (as the API's throttle and allauth count), else the connection's."""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")
