"""The numbers written on the tracker's charts can be read against their colours.

axe checks the contrast of HTML text, not of SVG text on an SVG shape: this reads the colour
each count is drawn in and the colour of the segment under it, as the browser computes them.
"""

import pytest
from django.utils import translation

from tests.browser.pages import named

# [count, its colour, the segment's colour, contrast ratio] for every count written on a bar.
CONTRASTS = """() => {
  const rgb = (colour) => colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = (colour) => {
    const [r, g, b] = rgb(colour).map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return [...document.querySelectorAll('svg text.chart-count')].map((text) => {
    let segment = text.previousElementSibling;
    while (segment && segment.tagName !== 'rect') segment = segment.previousElementSibling;
    const ink = getComputedStyle(text).fill, paper = getComputedStyle(segment).fill;
    const [light, dark] = [luminance(ink), luminance(paper)].sort((a, b) => b - a);
    return [text.textContent, ink, paper, (light + 0.05) / (dark + 0.05)];
  });
}"""


@pytest.mark.parametrize("url_name", ["recommendation_list", "recommendation_glance"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_counts_on_the_charts_have_a_contrast_of_4_5_to_1(page, demo_data, url_name, language):
    """The quarterly history once drew its counts dark on the dark status colours (2 to 3:1)."""
    with translation.override(language):
        page.goto(named(url_name)())
    counts = page.evaluate(CONTRASTS)
    assert counts, "the chart writes its counts"
    faint = [count for count in counts if count[3] < 4.5]
    assert not faint, f"counts too faint on their segment: {faint}"
