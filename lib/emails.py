"""Emails as a unit: subject, text and HTML rendered in the recipient's language, sent by Celery.

Templates live in `<app>/templates/<app>/emails/`: `<name>_subject.txt`, `<name>.txt` and
optionally `<name>.html` (docs/conventions.md). Text templates should start with
`{% autoescape off %}`. Data is loaded before rendering.
"""

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from lib.tasks import deliver_email


def render_email(prefix, context, language, body_suffix=""):
    """(subject, text, html or None) of `prefix`, rendered in `language`. allauth names its
    bodies `<prefix>_message.txt`: `body_suffix="_message"`."""
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, "language": language, **context}
        subject = " ".join(render_to_string(f"{prefix}_subject.txt", context).split())
        text = render_to_string(f"{prefix}{body_suffix}.txt", context)
        try:
            html = render_to_string(f"{prefix}{body_suffix}.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def send_email(to, subject, text, html=None, headers=None):
    """Queue the message once the current transaction commits."""
    transaction.on_commit(
        lambda: deliver_email.delay(
            to=list(to), subject=subject, text=text, html=html, headers=headers or {}
        )
    )


def send_templated_email(prefix, to, context, language, headers=None):
    subject, text, html = render_email(prefix, context, language)
    send_email(to, subject, text, html, headers)
