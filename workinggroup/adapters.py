"""allauth as the portal wants it: roles on sign-up, emails through Celery in the recipient's
language, one password per sign-in, and a sign-in lockout that a shared office does not trip.

Sign-in failures are counted, successes never: per account ("login_failed", keyed by the address
typed) and per network address ("login_failed_address", generous: a whole rural office may share
one). Over either, password sign-ins wait (HTTP 429), except a correct password for an account
with two-step verification: it goes on to the second step, which has its own limit, so someone
else's failures never keep the owner out.
"""

import time
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal import ratelimit
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.urls import translate_url
from django.utils import translation

from lib.emails import render_email, send_email
from lib.ratelimits import allauth_wait, too_many_requests
from workinggroup import roles

ACCOUNT_FAILURES, ADDRESS_FAILURES = "login_failed", "login_failed_address"


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Self sign-up: the sector-user role only, and the language they signed up in."""
        user.preferred_language = (translation.get_language() or "en")[:2]
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            roles.grant(user, roles.SECTOR_USER)
        return user

    def send_mail(self, template_prefix, email, context):
        """Render now, in the recipient's language, with the portal's name and links in that
        language (docs/french-style.md, §4); deliver through Celery."""
        language = email_language(context.get("user"), email)
        context = {
            "email": email,
            "current_site": PortalSite(),
            **context,
            **{
                key: translate_url(value, language)
                for key, value in context.items()
                if key.endswith("_url") and isinstance(value, str)
            },
        }
        subject, text, html = render_email(template_prefix, context, language, "_message")
        send_email([email], self.format_email_subject(subject), text, html, language=language)

    def authenticate(self, request, **credentials):
        """Check the password, then the failure limits (see the module's docstring)."""
        account = self._get_login_attempts_cache_key(request, **credentials)
        locked = not _allowed(request, ACCOUNT_FAILURES, account) or not _allowed(
            request, ADDRESS_FAILURES
        )
        AuthenticationBackend.unstash_authenticated_user()
        user = authenticate(request, **credentials) or (
            AuthenticationBackend.unstash_authenticated_user()
        )
        if user is not None and (not locked or is_mfa_enabled(user)):
            return user
        if not locked:
            _count(request, ACCOUNT_FAILURES, account)
            _count(request, ADDRESS_FAILURES)
            self.authentication_failed(request, **credentials)
            return None
        wait = max(
            allauth_wait(request, ACCOUNT_FAILURES, key=account),
            allauth_wait(request, ADDRESS_FAILURES),
        )
        raise ImmediateHttpResponse(too_many_requests(request, wait or 60))

    def is_reauthentication_required(self, *, app, **kwargs):
        """One password per sign-in: a person who signed in within the reauthentication
        timeout (say, then sets up two-step verification) is not asked for it again."""
        request = context.request
        if request is not None and request.user.is_authenticated:
            records = get_authentication_records(request, request.user)
            latest = max((record.get("at", 0) for record in records), default=0)
            if time.time() - latest < account_settings.REAUTHENTICATION_TIMEOUT:
                return False
        return super().is_reauthentication_required(app=app, **kwargs)


class PortalSite:
    """What allauth's emails call the site: the portal's name, in the language they are rendered
    in (lazy), and its address (they print « Merci d'utiliser {{ site_name }} » and the domain)."""

    name = settings.PORTAL_NAME
    domain = urlsplit(settings.SITE_URL).netloc

    def __str__(self):
        return str(self.name)


def email_language(user, email):
    """The recipient's language: the account's preferred language; for no account (or an
    account with none stored), the language of the page the request came from."""
    if user is None:
        user = (
            get_user_model().objects.filter(email__iexact=email).only("preferred_language").first()
        )
    preferred = getattr(user, "preferred_language", "") or ""
    if preferred in dict(settings.LANGUAGES):
        return preferred
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def _allowed(request, action, key=None):
    return bool(
        ratelimit.consume(request, app="allauth.account", action=action, key=key, dry_run=True)
    )


def _count(request, action, key=None):
    ratelimit.consume(request, app="allauth.account", action=action, key=key)
