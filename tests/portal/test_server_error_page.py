"""The 500 page speaks the page's language first (parity.md P12), without the database."""

import pytest
from django.test import RequestFactory

from portal.views import server_error


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/fr/recommandations/", "fr", "Un problème est survenu de notre côté"),
        ("/en/recommendations/", "en", "Something went wrong on our side"),
    ],
)
def test_server_error_page_is_in_the_page_language(path, lang, heading):
    response = server_error(RequestFactory().get(path))
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{lang}">' in html
    assert html.index(f"<h1>{heading}</h1>") < html.index("<section lang=")
