"""What a 360-pixel-wide phone shows: the catalogue's results are not buried under its filters."""

import pytest
from django.utils import translation

from tests.browser.conftest import LANGUAGES, PHONE
from tests.browser.pages import filtered_practice_list


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_results_start_within_two_screens_on_a_phone(page, demo_data, language):
    """Twelve stacked filters once pushed the results 2.4 screens down (2.6 in French)."""
    with translation.override(language):
        page.goto(filtered_practice_list())
    top = page.evaluate(
        "() => document.getElementById('results-heading').getBoundingClientRect().top + scrollY"
    )
    assert top < 2 * PHONE["height"], f"the results start {top:.0f} px down"
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width} px wide)"
