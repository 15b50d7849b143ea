"""What a 360-pixel-wide phone shows: the catalogue's results are not buried under its filters."""

import pytest
from django.utils import translation

from tests.browser.conftest import LANGUAGES, PHONE
from tests.browser.pages import filtered_practice_list, named


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


@pytest.mark.parametrize("url_name", ["recommendation_glance", "organization_list"])
def test_checkboxes_keep_their_24_pixels_beside_a_wrapped_label(page, demo_data, url_name):
    """A label wrapping over three lines once squeezed its checkbox to 13 pixels (flex)."""
    page.set_viewport_size({"width": 320, "height": 640})
    with translation.override("fr"):  # the longer labels
        page.goto(named(url_name)())
    sizes = page.locator("main input[type=checkbox]").evaluate_all(
        "boxes => boxes.map(box => [box.name, box.getBoundingClientRect().width])"
    )
    assert sizes, "the page has its checkboxes"
    small = [(name, width) for name, width in sizes if width < 24]
    assert not small, f"checkboxes under 24 px at 320 px wide: {small}"
