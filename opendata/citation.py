"""The licence, how to cite the data, and where each format lives: said once, shown by the API
root and by the open-data page."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from opendata.bilingual import LANGUAGES

LICENCE_NAME = "CC BY 4.0"
LICENCE_URLS = {
    "en": "https://creativecommons.org/licenses/by/4.0/",
    "fr": "https://creativecommons.org/licenses/by/4.0/deed.fr",
}
PUBLISHER = {
    "en": "National Small Centres Working Group",
    "fr": "Groupe de travail national sur les petits centres",
}


def in_languages(view_name, **kwargs):
    """Absolute URL of a language-prefixed page, in every language."""
    found = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            found[lang] = settings.SITE_URL + reverse(view_name, kwargs=kwargs)
    return found


def licence():
    return {"name": LICENCE_NAME, "url": LICENCE_URLS["en"], "url_fr": LICENCE_URLS["fr"]}


def citation(lang, today=None):
    today = today or timezone.localdate()
    with translation.override(lang):
        return _(
            "%(publisher)s. Small Centres Portal open data (promising practices and "
            "recommendations tracker). %(url)s. Retrieved %(date)s. Licence: %(licence)s."
        ) % {
            "publisher": PUBLISHER[lang],
            "url": in_languages("open_data")[lang],
            "date": today.isoformat(),
            "licence": LICENCE_NAME,
        }


def how_to_cite(today=None):
    return {lang: citation(lang, today) for lang in LANGUAGES}


def exports():
    """Downloads: the practices (add the catalogue's filters to the query string) and the
    tracker (the recommendations app's own exports)."""
    return {
        "practices_csv": in_languages("open_data_practices_csv")["en"],
        "practices_json": in_languages("open_data_practices_json")["en"],
        "recommendations_csv": in_languages("recommendation_export_csv")["en"],
        "recommendations_history_csv": in_languages("status_update_export_csv")["en"],
        "recommendations_json": in_languages("recommendation_export_json")["en"],
    }


def feeds():
    practices = in_languages("open_data_practice_feed")
    tracker = in_languages("status_update_feed")
    return {
        "practices_en": practices["en"],
        "practices_fr": practices["fr"],
        "recommendations_en": tracker["en"],
        "recommendations_fr": tracker["fr"],
    }
