"""What comes out of the printer (issue 19): the map's numbers and the at-a-glance tables.

On screen the map's table sits in a closed <details>; printed, its rows must be on paper. Each
page is printed to PDF by Chromium (print media, Letter, 1 cm margins, as a person's "Print"
with default settings) and the PDF's text is read with pypdf, so the assertions are about what
is on the paper, not about the CSS that puts it there.
"""

import re
import unicodedata
from io import BytesIO

import pytest
from django.utils import translation
from pypdf import PdfReader

from tests.browser.conftest import LANGUAGES
from tests.browser.pages import filtered_practice_list, named

MAP_PAGES = {
    "home": named("home"),
    "catalogue-filtered": filtered_practice_list,
    "directory": named("organization_list"),
}
LETTER = {
    "format": "Letter",
    "margin": {side: "1cm" for side in ("top", "bottom", "left", "right")},
}


def plain(text):
    """Text compared as read: ligatures (fi) and no-break spaces as plain letters and spaces."""
    return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFKC", text))


def printed_text(page):
    """The text of the page as Chromium prints it, one line per printed line."""
    reader = PdfReader(BytesIO(page.pdf(**LETTER)))
    return plain("\n".join(printed.extract_text() for printed in reader.pages))


def table_rows(page, selector):
    """Each body row of the tables matching `selector`, its cells' text joined by spaces."""
    rows = page.locator(selector).evaluate_all(
        """tables => tables.flatMap(table => [...table.tBodies[0].rows].map(row =>
             [...row.cells].map(cell => cell.textContent.trim()).join(' ')))"""
    )
    return [plain(row) for row in rows]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_name", MAP_PAGES)
def test_the_maps_numbers_print_although_their_table_is_folded_on_screen(
    page, demo_data, language, page_name
):
    with translation.override(language):
        page.goto(MAP_PAGES[page_name]())
    folded = page.locator("details.map-numbers")
    assert folded.get_attribute("open") is None, "the table is folded on screen"
    assert not page.locator(".map-numbers td").first.is_visible()
    rows = table_rows(page, ".map-numbers table")
    assert len(rows) >= 13, rows  # every province and territory, then the communities
    summary = folded.locator("summary").text_content()
    total = plain(
        page.locator(".map-numbers tfoot tr").evaluate(
            "row => [...row.cells].map(cell => cell.textContent.trim()).join(' ')"
        )
    )

    text = printed_text(page)
    missing = [row for row in rows if row not in text]
    assert not missing, f"rows of the map's table not printed: {missing}"
    assert total in text
    assert summary not in text, "the folded table's summary is printed instead of the table"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glance_pages_tables_print_whole(page, demo_data, language):
    """The history table has ten columns: it scrolls sideways on a phone, and once printed cut
    off its last two columns (the scroll box clipped it to the page)."""
    with translation.override(language):
        page.goto(named("recommendation_glance")())
    items = page.locator(".reco-glance-table tbody tr").evaluate_all(
        "rows => rows.map(row => [row.cells[0], row.cells[row.cells.length - 1]]"
        "  .map(cell => cell.textContent.trim()))"
    )
    history = table_rows(page, ".reco-history-table")
    assert len(items) == 27 and history, (items, history)

    text = printed_text(page)
    # The timeline's cells wrap on paper: an item's row starts with its code and ends, a few
    # lines on, with its last cell (overdue: yes or no).
    missing = [
        code
        for code, overdue in items
        if not re.search(
            rf"^{re.escape(code)} (?:.*\n){{0,5}}.*\b{re.escape(overdue)}$", text, re.MULTILINE
        )
    ]
    missing += [row for row in history if row not in text]
    assert not missing, f"rows printed cut or not at all: {missing}"
