"""Emails as a unit: subject, text and HTML rendered in the recipient's language, sent by Celery.

Templates live in `<app>/templates/<app>/emails/`: `<name>_subject.txt`, `<name>.txt` and
optionally `<name>.html` (docs/conventions.md). Text templates should start with
`{% autoescape off %}`. Data is loaded before rendering.
"""

import re
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from lib.tasks import deliver_email


def render_email(prefix, context, language, body_suffix=""):
    """(subject, text, html or None) of `prefix`, rendered in `language`. allauth names its
    bodies `<prefix>_message.txt`: `body_suffix="_message"`."""
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, "language": language, **context}
        # One line; non-breaking spaces (French « : » and guillemets) are kept.
        subject = re.sub(r"[ \t\r\n]+", " ", render_to_string(f"{prefix}_subject.txt", context))
        subject = subject.strip(" ")
        text = render_to_string(f"{prefix}{body_suffix}.txt", context)
        try:
            html = render_to_string(f"{prefix}{body_suffix}.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def sender(language):
    """DEFAULT_FROM_EMAIL with the portal's name in `language` (« Portail des petits centres »)."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if not name:
        return settings.DEFAULT_FROM_EMAIL
    with translation.override(language):
        return formataddr((str(_("Small Centres Portal")), address))


def send_email(to, subject, text, html=None, headers=None, language=None):
    """Queue the message once the current transaction commits; the sender's name is in the
    recipient's `language` (the active one if not given)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    from_email = sender(language)
    # Content-Language (RFC 3282): mail clients and screen readers read the message in it.
    headers = {"Content-Language": language, **(headers or {})}
    transaction.on_commit(
        lambda: deliver_email.delay(
            to=list(to),
            subject=subject,
            text=text,
            html=html,
            headers=headers,
            from_email=from_email,
        )
    )


def send_templated_email(prefix, to, context, language, headers=None):
    subject, text, html = render_email(prefix, context, language)
    send_email(to, subject, text, html, headers, language=language)
