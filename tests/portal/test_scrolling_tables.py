"""Tables that scroll sideways on a phone can be scrolled with the keyboard (axe's
scrollable-region-focusable): their .table-scroll wrapper takes focus and has a name."""

import re
from pathlib import Path

import pytest
from django.conf import settings

WRAPPER = re.compile(r"<div[^>]*\bclass=\"table-scroll\"[^>]*>")
FOCUSABLE_REGION = ('tabindex="0"', 'role="region"', 'aria-label="{{')


def templates_with_wrappers():
    base = Path(settings.BASE_DIR)
    paths = [*base.glob("*/templates/**/*.html"), *base.glob("templates/**/*.html")]
    for path in sorted(paths):
        if ".venv" not in path.parts and WRAPPER.search(path.read_text()):
            yield path.relative_to(base)


def test_the_portal_has_scrolling_tables():
    assert len(list(templates_with_wrappers())) >= 4


@pytest.mark.parametrize("template", list(templates_with_wrappers()), ids=str)
def test_every_scrolling_table_is_a_named_focusable_region(template):
    text = (Path(settings.BASE_DIR) / template).read_text()
    for wrapper in WRAPPER.findall(text):
        for attribute in FOCUSABLE_REGION:
            assert attribute in wrapper, f"{template}: {wrapper} lacks {attribute}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("/fr/recommandations/", "Statut par horizon, selon\u00a0: "),
        ("/fr/donnees-ouvertes/api/", "Paramètres de /api/v1/practices/"),
    ],
)
def test_the_region_name_is_in_the_pages_language(client, url, label):
    html = client.get(url).content.decode()
    region = '<div class="table-scroll" tabindex="0" role="region" aria-label="'
    assert region + label in html
