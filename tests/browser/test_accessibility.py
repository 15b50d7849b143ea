"""Accessibility in a real browser: axe-core on every page type in both languages, and the
keyboard path into the page.

axe-core comes bundled in the `axe-playwright-python` package and is injected by Playwright
(an evaluation from outside the page, so the portal's CSP, which forbids inline scripts, stays
as it is in production).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import LANGUAGES
from tests.browser.pages import PAGE_TYPES

# WCAG 2.0 and 2.1, levels A and AA: the floor the federal standard points to.
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

axe = Axe()


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}: {node['failureSummary'].splitlines()[-1]}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_has_no_wcag_aa_violations(page, demo_data, open_page_type, page_type, language):
    url = open_page_type(page, page_type, language)
    violations = axe.run(page, options=WCAG_AA).response["violations"]
    found = {violation["id"] for violation in violations}
    known = [violation for violation in violations if violation["id"] in page_type.known]
    if known:
        print(f"known violations on {url}, to be fixed:\n{describe(known)}")
    new = [violation for violation in violations if violation["id"] not in page_type.known]
    assert not new, f"axe on {url}:\n{describe(new)}"
    fixed = set(page_type.known) - found
    assert not fixed, f"{url} no longer breaks {fixed}: remove them from `known` in pages.py"


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName.toLowerCase(), id: e.id, cls: e.className,"
        " text: e.textContent.trim()}; }"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, language):
    page.goto(f"/{language}/")
    page.keyboard.press("Tab")
    skip_link = focused(page)
    assert skip_link["cls"] == "skip-link", skip_link
    assert page.locator(".skip-link").is_visible(), "the skip link must show when focused"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")
