"""The issue's journeys, walked in the browser at a phone-sized viewport, in both languages.

1. A settlement worker finds a practice with two filters and a keyword, opens it, switches
   language and stays on the same practice; then the same with the keyboard alone.
2. A new user signs up, confirms the email, joins their organization, submits a practice in
   French; an editor publishes it; it shows in the catalogue (in French, with a notice, on the
   English page) and in the translation queue.
Journeys 3 to 5 (tracker, discussions, digest) are in test_journeys_community.py.

Journeys change data, so each test gets its own copy of the demo data (see conftest).
"""

import re
import uuid

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
        labels = {facet.param: str(facet.label) for facet in catalogue.current_facets()}
        catalogue_url, here = reverse("practice_list"), practice.get_absolute_url()
    with translation.override(other(language)):
        there = practice.get_absolute_url()

    page.goto(f"/{language}/")
    page.locator(f"nav.main-nav a[href='{catalogue_url}']").click()
    page.locator(".filter-panel > summary").click()  # on a phone the filters are folded
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
    tab_to(page, ".filter-panel > summary")  # on a phone the filters are folded: open them
    page.keyboard.press("Enter")
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


# --- 2. Sharing a practice: sign up, confirm, submit in French, publish, find it ---------------


def confirmation_link(address):
    from django.core import mail

    for message in reversed(mail.outbox):
        if address in message.to:
            return re.search(
                r"https?://\S+/(?:confirm-email|confirmer-courriel)/\S+/", message.body
            )[0]
    raise AssertionError(
        f"no confirmation email to {address}: {[(m.to, m.subject) for m in mail.outbox]}"
    )


def url_in(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_user_shares_a_practice_in_french_and_an_editor_publishes_it(
    new_page, sign_in, demo_data, language
):
    from practices.demo import organization
    from practices.models import PromisingPractice

    # A new address each run: allauth limits confirmation emails per address in the cache.
    address = f"nouvelle.{language}.{uuid.uuid4().hex[:8]}@example.org"
    title = "Cuisine collective du jeudi à Smithers"
    bulkley = organization("sm-bulkley-valley")

    # Sign up and confirm the address from the email.
    page = new_page()
    page.goto(url_in(language, "account_signup"))
    page.locator("input[name=email]").fill(address)
    page.locator("input[name=password1]").fill("a-long-and-unusual-passphrase-42")
    page.locator("input[name=password2]").fill("a-long-and-unusual-passphrase-42")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{url_in(language, 'account_email_verification_sent')}")
    page.goto(confirmation_link(address))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{url_in(language, 'account_login')}*")
    page.locator("input[name=login]").fill(address)
    page.locator("input[name=password]").fill("a-long-and-unusual-passphrase-42")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()

    # Join the organization (the demo's Bulkley Valley approves its website's email domain at
    # once), then share the practice, in French only.
    page.goto(url_in(language, "my_organizations"))
    page.locator("input[name=q]").fill(getattr(bulkley, f"name_{language}"))
    page.locator("main form[role=search] button[type=submit]").click()
    page.locator(f"main form:has(input[name=organization][value='{bulkley.pk}']) button").click()
    page.wait_for_load_state()
    page.locator(f"nav.main-nav a[href='{url_in(language, 'submissions:new')}']").click()
    page.locator("input[name=title_fr]").fill(title)
    page.locator("textarea[name=summary_fr]").fill(
        "Chaque jeudi, des familles cuisinent ensemble des plats d’ici et d’ailleurs."
    )
    choices = {
        "kind": "innovation",
        "stage": "pilot",
        "origin": "newcomer_idea",
        "delivery_mode": "non_digital",
        "evidence_level": "anecdotal",
    }
    for name, value in choices.items():
        page.locator(f"select[name={name}]").select_option(value)
    page.locator("input[name=themes]").first.check()
    page.locator("select[name=province]").select_option(
        label="British Columbia" if language == "en" else "Colombie-Britannique"
    )
    page.locator("button[name=action][value=send]").click()
    page.wait_for_url(re.compile(r"/\d+/$"))
    assert page.locator(".badge").first.inner_text() in (
        "Waiting for review",
        "En attente d’examen",
    )

    # An editor publishes it.
    editor = new_page()
    sign_in(editor, "editor@demo.example")
    editor.goto(url_in(language, "submissions:review_queue"))
    editor.get_by_role("link", name=title).click()
    editor.locator("input[name=decision][value=published]").check()
    editor.locator("main form button[type=submit]").click()
    editor.wait_for_url(f"**{url_in(language, 'submissions:review_queue')}")

    # It is in the catalogue, in French with a notice on the English page, and waits for English.
    practice = PromisingPractice.objects.published().get(title_fr=title)
    reader = new_page()
    reader.goto(url_in("en", "practice_list") + "?q=cuisine+collective")
    reader.get_by_role("link", name=title).click()
    reader.wait_for_url(
        f"**{url_in('en', 'practice_detail', pk=practice.pk, slug=practice.slug_en)}"
    )
    assert "shown in French" in reader.locator("main").inner_text()
    assert reader.locator("h1").get_attribute("lang") == "fr"
    editor.goto(url_in(language, "submissions:translation_queue") + "?missing=en")
    assert editor.get_by_role("link", name=title, exact=True).count() == 1
