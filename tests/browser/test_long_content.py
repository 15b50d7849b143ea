"""The issue's numbers (issue 16): every page type fits a 320-pixel screen, in both languages,
with the longest realistic content people type.

The demo data is loaded, then every free text people write (practices, recommendations and
their updates, organizations, threads and posts, adaptations, submissions' content, names) gets
a 200-character address and a 60-character word appended, as far as its column allows; every
website and every update's evidence links get the 200-character address. Every
page type of pages.py is then opened at 320 px: the page must not scroll sideways.
"""

import pytest
from django.apps import apps
from django.db import connection, models
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import LANGUAGES
from tests.browser.pages import PAGE_TYPES

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NARROW = {"width": 320, "height": 640}
LONG_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/partners-service-"
    "providers/funding/settlement-program-evidence/small-centres/rural-and-remote-delivery-"
    "evaluation-2024-report.html?x"
)  # 200 characters
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" + "x" * 15
APPS = ("workinggroup", "practices", "recommendations", "submissions", "adaptations", "discussions")
# Columns that are codes, keys or addresses rather than free text.
NOT_FREE_TEXT = {"password", "email", "code", "slug", "token", "language", "key", "bit", "kind"}


def free_text_columns():
    """(table, column, max length or None) of every free-text field of the portal's models."""
    for app in APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if (
                    isinstance(field, models.CharField | models.TextField)
                    and not isinstance(field, models.EmailField | models.URLField)
                    and not isinstance(field, models.SlugField)
                    and not field.choices
                    and not field.unique
                    and field.name.split("_")[0] not in NOT_FREE_TEXT
                    and (field.max_length is None or field.max_length >= 60)
                ):
                    yield model._meta.db_table, field.column, field.max_length


def lengthen_everything():
    tail = f" {LONG_WORD} {LONG_URL}"
    with connection.cursor() as cursor:
        for table, column, max_length in free_text_columns():
            value = f"{column} || %s"
            if max_length:
                value = f"LEFT({value}, {max_length})"
            cursor.execute(
                f'UPDATE "{table}" SET "{column}" = {value} WHERE "{column}" <> %s',  # noqa: S608
                [tail, ""],
            )
    for model in apps.get_models():
        websites = [f for f in model._meta.concrete_fields if isinstance(f, models.URLField)]
        for field in websites:
            model._default_manager.exclude(**{field.name: ""}).update(**{field.name: LONG_URL})
    # Status updates are append-only for the ORM: the test writes under it.
    table = apps.get_model("recommendations", "StatusUpdate")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f'UPDATE "{table}" SET evidence_links = evidence_links || jsonb_build_array(%s::text)',  # noqa: S608
            [LONG_URL],
        )
    submissions = apps.get_model("submissions", "Submission")
    for submission in submissions.objects.all():
        for key, text in submission.content.items():
            if isinstance(text, str) and text and key[-3:] in ("_en", "_fr"):
                submission.content[key] = text + tail
        submission.save(update_fields=["content"])


def test_every_page_fits_320_pixels_with_long_addresses_and_words(
    new_page, demo_data, open_page_type
):
    lengthen_everything()
    too_wide = []
    for language in LANGUAGES:
        for page_type in PAGE_TYPES:
            page = new_page()
            page.set_viewport_size(NARROW)
            url = open_page_type(page, page_type, language)
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > NARROW["width"]:
                culprit = page.evaluate(
                    """() => [...document.querySelectorAll('main *')]
                        .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
                        .slice(-1).map(e => e.tagName + '.' + e.className + ': '
                        + e.textContent.trim().slice(0, 60))[0] || ''"""
                )
                too_wide.append(f"{page_type} ({language}) {url}: {width} px; {culprit}")
            page.context.close()
    assert not too_wide, "pages wider than 320 px:\n" + "\n".join(too_wide)


def test_the_tracker_chart_is_readable_at_320_pixels(page, demo_data):
    page.set_viewport_size(NARROW)
    for language in LANGUAGES:
        with translation.override(language):
            page.goto(reverse("recommendation_list"))
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('.reco-chart text')].map(t => {
                const box = t.getBoundingClientRect();
                const svg = t.closest('svg').getBoundingClientRect();
                return {height: box.height, left: box.left - svg.left,
                        right: svg.right - box.right};
            })"""
        )
        assert sizes, "the tracker has no chart"
        for size in sizes:
            assert size["height"] >= 11, f"chart text is {size['height']:.1f} px high"
            assert size["left"] >= -0.5 and size["right"] >= -0.5, "a chart label is clipped"


def test_the_tracker_at_a_glance_is_readable_at_320_pixels(page, demo_data):
    """The history scales with the page and keeps 11-pixel text; the timeline keeps its drawn
    size and scrolls inside its own region, so the page itself does not scroll sideways."""
    page.set_viewport_size(NARROW)
    for language in LANGUAGES:
        with translation.override(language):
            page.goto(reverse("recommendation_glance"))
        heights = page.evaluate(
            """() => [...document.querySelectorAll('.reco-chart svg[role=img] text')]
                .map(t => t.getBoundingClientRect().height)"""
        )
        assert len(heights) > 100, "the page has no charts"
        assert min(heights) >= 11, f"chart text is {min(heights):.1f} px high ({language})"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= NARROW["width"]
        region = page.locator(".chart-scroll[role=region][tabindex='0']")
        assert region.evaluate("e => e.scrollWidth > e.clientWidth"), "the timeline fits?"
        region.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(  # the keyboard scrolls it (smoothly: wait for it)
            "() => document.querySelector('.chart-scroll').scrollLeft > 0", timeout=2000
        )


def test_table_columns_keep_their_words_at_320_pixels(page, demo_data, open_page_type):
    """A wide table scrolls in its box: its columns are not squeezed to a letter's width (the
    priorities ranking once printed « Median » one letter per line on a phone)."""
    page.set_viewport_size(NARROW)
    results = next(p for p in PAGE_TYPES if p.id == "priorities-results")
    for language in LANGUAGES:
        open_page_type(page, results, language)
        narrowest = page.evaluate(
            """() => Math.min(...[...document.querySelectorAll('.table-scroll th')]
                .map(cell => cell.getBoundingClientRect().width))"""
        )
        assert narrowest >= 40, f"a column is {narrowest:.0f} px wide ({language})"
