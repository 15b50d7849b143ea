"""The issue's journeys, walked in the browser at a phone-sized viewport, in both languages.

1. A settlement worker finds a practice with two filters and a keyword, opens it, switches
   language and stays on the same practice; then the same with the keyboard alone.
Still to come, one test each, as their pages land: 2. sign up, confirm the email, submit a
practice in French, an editor publishes it, it shows in the catalogue and the translation queue;
3. IRCC staff post a status update (tracker and feed), a sector user cannot reach the form;
4. a member starts a thread on a practice, another replies, the first sees it unread;
5. a member's digest is sent and its unsubscribe link works without signing in.

Journeys change data, so each test gets its own copy of the demo data (see conftest).
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import LANGUAGES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def other(language):
    return next(code for code in LANGUAGES if code != language)


def longest_word(text):
    return max(re.findall(r"\w+", text), key=len)


def a_bilingual_practice():
    from practices.models import PromisingPractice

    published = PromisingPractice.objects.published().filter(has_en=True, has_fr=True)
    practice = published.exclude(themes=None).order_by("pk").first()
    assert practice is not None, "the demo data needs a practice in both languages, with a theme"
    return practice


@pytest.mark.parametrize("language", LANGUAGES)
def test_worker_finds_a_practice_by_filters_and_keyword_then_reads_it_in_the_other_language(
    page, demo_data, language
):
    from practices import catalogue

    practice = a_bilingual_practice()
    theme = practice.themes.order_by("pk").first()
    keyword = longest_word(getattr(practice, f"title_{language}"))
    with translation.override(language):
        labels = {facet.param: str(facet.label) for facet in catalogue.build_facets()}
        catalogue_url, here = reverse("practice_list"), practice.get_absolute_url()
    with translation.override(other(language)):
        there = practice.get_absolute_url()

    page.goto(f"/{language}/")
    page.locator(f"nav.main-nav a[href='{catalogue_url}']").click()
    page.get_by_label(labels["region"], exact=True).select_option(practice.region.code)
    page.get_by_label(labels["theme"], exact=True).select_option(theme.slug)
    page.get_by_role("searchbox").fill(keyword)
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"[?&]q="))
    assert f"region={practice.region.code}" in page.url and f"theme={theme.slug}" in page.url

    results = page.locator("ol.practice-results")
    results.get_by_role("link", name=getattr(practice, f"title_{language}")).click()
    page.wait_for_url(f"**{here}")
    assert page.locator("h1").inner_text() == getattr(practice, f"title_{language}")

    page.locator(f"nav.lang-toggle a[hreflang={other(language)}]").click()
    page.wait_for_url(f"**{there}")
    assert page.locator("html").get_attribute("lang") == other(language)
    assert page.locator("h1").inner_text() == getattr(practice, f"title_{other(language)}")


def tab_to(page, selector, presses=80, key="Tab"):
    """Press Tab until `selector` has the focus; fail if the keyboard cannot reach it."""
    target = page.locator(selector).first
    for _ in range(presses):
        page.keyboard.press(key)
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{selector} not reached after {presses} presses of Tab")


def choose_with_arrows(page, selector, value, presses=100):
    """With the focus on a <select>, press the down arrow until `value` is chosen."""
    select = page.locator(selector)
    for _ in range(presses):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value} not reached in {selector} with the arrow keys")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_journey_works_with_the_keyboard_alone(page, demo_data, language):
    practice = a_bilingual_practice()
    theme = practice.themes.order_by("pk").first()
    keyword = longest_word(getattr(practice, f"title_{language}"))
    with translation.override(language):
        catalogue_url, here = reverse("practice_list"), practice.get_absolute_url()
    with translation.override(other(language)):
        there = practice.get_absolute_url()

    page.goto(f"/{language}/")
    tab_to(page, f"nav.main-nav a[href='{catalogue_url}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{catalogue_url}")
    tab_to(page, "select[name=region]")
    choose_with_arrows(page, "select[name=region]", practice.region.code)
    tab_to(page, "select[name=theme]")
    choose_with_arrows(page, "select[name=theme]", theme.slug)
    tab_to(page, "input[name=q]", key="Shift+Tab")  # the search box is above the filters
    page.keyboard.type(keyword)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q="))
    assert f"region={practice.region.code}" in page.url and f"theme={theme.slug}" in page.url

    tab_to(page, f"ol.practice-results a[href='{here}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{here}")
    tab_to(page, f"nav.lang-toggle a[hreflang={other(language)}]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{there}")
    assert page.locator("h1").inner_text() == getattr(practice, f"title_{other(language)}")
