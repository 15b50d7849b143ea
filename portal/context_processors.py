from django.conf import settings
from django.utils import translation

from lib.language import other_languages, page_in_language

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def site(request):
    current = translation.get_language() or settings.LANGUAGE_CODE

    def alternates():
        return [
            {"code": code, "name": LANGUAGE_NAMES[code], "url": page_in_language(request, code)}
            for code in other_languages(current)
        ]

    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "DEMO_DATA_NOTICE": settings.DEMO_DATA_NOTICE,
        # Computed at render time, after the view had its chance to set request.alternate_urls.
        "alternate_languages": alternates,
    }
