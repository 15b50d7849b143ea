"""Themes people can be called about.

The practices app owns the Theme model; this app stores theme slugs only (MemberProfile.themes)
and reads names from `practices.Theme` (fields `slug` and a translated `name`) when it exists,
without importing the practices app.
"""

from django.apps import apps
from django.db import DatabaseError


def theme_labels():
    """{slug: name in the active language}; empty until the practices app defines Theme."""
    try:
        theme = apps.get_model("practices", "Theme")
    except LookupError:
        return {}
    try:
        return {t.slug: str(t.name) for t in theme.objects.order_by("slug")}
    except DatabaseError:  # a Theme model whose table is not migrated yet
        return {}


def label_of(slug, labels):
    return labels.get(slug) or slug.replace("-", " ").capitalize()
