"""Both languages at once: {"en": …, "fr": …} for translated fields, choice labels and URLs."""

import functools

from django.conf import settings
from django.utils import translation

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def text(obj, name):
    """A modeltranslation field in every language; None where it was never written."""
    return {lang: (getattr(obj, f"{name}_{lang}", None) or None) for lang in LANGUAGES}


@functools.cache
def _labels(choices):
    found = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            for value, label in choices.choices:
                found.setdefault(value, {})[lang] = str(label)
    return found


def choice(choices, value):
    """{"code": value, "label": {"en": …, "fr": …}} for a TextChoices value; None if blank."""
    if not value:
        return None
    return {"code": value, "label": _labels(choices).get(value, dict.fromkeys(LANGUAGES, value))}


def urls(obj):
    """The object's page in every language, as absolute URLs on the canonical site."""
    found = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            found[lang] = settings.SITE_URL + obj.get_absolute_url()
    return found
