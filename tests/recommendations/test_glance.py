"""The tracker at a glance: its timeline and quarterly history say what the tracker says."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
import time_machine

from lib.svgcharts import SVG_NS
from recommendations import glance, schedule, summary
from recommendations.models import Recommendation, Source, Status
from tests.recommendations.conftest import post

pytestmark = pytest.mark.django_db

GLANCE = {"en": "/en/recommendations/at-a-glance/", "fr": "/fr/recommandations/en-un-coup-d-oeil/"}
TODAY = datetime.date(2024, 6, 15)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def history(item):
    """R1.1 planned then under way; R2.1 implemented; R3.1 "stalled" corrected to "planned" on
    the same day; R1.2 under way for IRCC and stalled for the working group (they disagree)."""
    post(item("R1.1"), status=Status.PLANNED, day=datetime.date(2021, 10, 1))
    post(item("R1.1"), status=Status.UNDER_WAY, day=datetime.date(2022, 5, 1))
    post(
        item("R2.1"),
        status=Status.IMPLEMENTED,
        day=datetime.date(2022, 3, 1),
        evidence_links=["https://example.org/done"],
    )
    wrong = post(item("R3.1"), status=Status.STALLED, day=datetime.date(2022, 2, 15))
    post(item("R3.1"), status=Status.PLANNED, day=datetime.date(2022, 2, 15), corrects=wrong)
    post(item("R1.2"), status=Status.UNDER_WAY, day=datetime.date(2022, 6, 1))
    post(
        item("R1.2"),
        source=Source.WORKING_GROUP,
        status=Status.STALLED,
        day=datetime.date(2023, 1, 1),
    )


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def svg_of(html, id_prefix):
    """The drawing whose title is `<id_prefix>-title`, parsed as XML."""
    for markup in re.findall(r"<svg\b.*?</svg>", html, re.S):
        if f'id="{id_prefix}-title"' in markup:
            return ET.fromstring(markup)  # noqa: S314 (the portal's own page)
    raise AssertionError(f"no {id_prefix} chart on the page")


def history_table(html):
    """{row label: [count per status in summary.STATUS_ROWS order..., total]}."""
    rows = re.findall(
        r'<tr><th scope="row"><time datetime="[\d-]+">(.*?)</time></th>(.*?)</tr>', html
    )
    return {label: [int(n) for n in re.findall(r"<td>(\d+)</td>", cells)] for label, cells in rows}


def shapes(svg, tag, css_class):
    return [e for e in svg.iter(f"{{{SVG_NS}}}{tag}") if css_class in e.get("class", "").split()]


def texts(svg):
    return [t.text for t in svg.iter(f"{{{SVG_NS}}}text")]


def column(status):
    return summary.STATUS_ROWS.index(status)


def test_quarter_ends_run_from_the_reports_quarter_to_today():
    assert glance.quarter_ends(datetime.date(2021, 8, 1), datetime.date(2022, 1, 15)) == [
        datetime.date(2021, 9, 30),
        datetime.date(2021, 12, 31),
        datetime.date(2022, 1, 15),
    ]
    # Today is a quarter's last day: counted once.
    ends = glance.quarter_ends(datetime.date(2021, 8, 1), datetime.date(2022, 3, 31))
    assert ends[-2:] == [datetime.date(2021, 12, 31), datetime.date(2022, 3, 31)]


def test_the_history_counts_each_status_at_each_quarters_end_corrections_left_out(client, history):
    table = history_table(page(client, GLANCE["en"]))
    total = Recommendation.objects.count()
    q3_2021, q4_2021, q1_2022, q2_2022 = (
        table["Q3 2021"],
        table["Q4 2021"],
        table["Q1 2022"],
        table["Q2 2022"],
    )
    assert q3_2021[column(summary.NO_UPDATE)] == total
    assert q4_2021[column(Status.PLANNED)] == 1
    # R3.1's "stalled" was corrected to "planned": the history never shows it stalled.
    assert q1_2022[column(Status.PLANNED)] == 2
    assert q1_2022[column(Status.STALLED)] == 0
    assert q1_2022[column(Status.IMPLEMENTED)] == 1
    assert q2_2022[column(Status.UNDER_WAY)] == 2  # R1.1 (May), R1.2 (June)
    assert q2_2022[column(Status.PLANNED)] == 1
    assert all(row[-1] == total for row in table.values())
    assert len(table) == len(glance.quarter_ends(schedule.REPORT_DATE, TODAY))


@pytest.mark.parametrize(("lang", "today"), [("en", "Today"), ("fr", "Aujourd’hui")])
def test_the_last_row_today_is_the_trackers_own_count_by_ircc_status(client, history, lang, today):
    html = page(client, GLANCE[lang])
    tracker = summary.count_table(list(Recommendation.objects.all()), Source.IRCC)
    expected = [tracker.rows[status]["cells"][-1] for status in summary.STATUS_ROWS]
    assert history_table(html)[today][:-1] == expected
    # The drawing says the same: its last row's segments carry the same counts.
    svg = svg_of(html, "history")
    segments = shapes(svg, "rect", "chart-segment")
    last_y = max(float(s.get("y")) for s in segments)
    drawn = {
        s.get("class").split()[1].removeprefix("chart-"): int(
            s.find(f"{{{SVG_NS}}}title").text.rsplit(" ", 1)[1]
        )
        for s in segments
        if float(s.get("y")) == last_y
    }
    assert drawn == {s: n for s, n in zip(summary.STATUS_ROWS, expected, strict=True) if n}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_timeline_draws_every_item_flags_the_overdue_and_marks_disagreements(
    client, history, lang
):
    html = page(client, GLANCE[lang])
    svg = svg_of(html, "timeline")
    items = list(Recommendation.objects.all())
    bars = shapes(svg, "rect", "chart-bar")
    assert len(bars) == len(items) == 27
    words = texts(svg)
    assert all(item.code in words for item in items)
    overdue = [item for item in items if schedule.is_overdue(item, TODAY)]
    assert len(shapes(svg, "circle", "chart-flag")) == len(overdue) > 0
    marks = shapes(svg, "polygon", "chart-mark")
    assert len(marks) == sum(1 for item in items if schedule.voices_disagree(item)) == 1
    stalled = {
        "en": "R1.2, working group: Stalled",
        "fr": "R1.2, groupe de travail\u00a0: Au point mort",
    }
    assert marks[0].find(f"{{{SVG_NS}}}title").text == stalled[lang]
    colours = [b.get("class").split()[1] for b in bars]
    assert colours.count("chart-implemented") == 1
    assert colours.count("chart-none") == 27 - 4
    # Colour is not the only cue: each row says its status in words, in the page's language.
    word = {"en": "Implemented", "fr": "Mise en œuvre"}[lang]
    assert word in words
    title = {"en": "Timeline of the recommendations", "fr": "Chronologie des recommandations"}
    assert svg.find(f"{{{SVG_NS}}}title").text.startswith(title[lang])


def test_the_tracker_filters_choose_what_both_charts_show(client, history):
    html = page(client, GLANCE["en"] + "?horizon=now&actor=both")
    wanted = Recommendation.objects.filter(horizon="now", actor="both")
    svg = svg_of(html, "timeline")
    assert len(shapes(svg, "rect", "chart-bar")) == wanted.count() == 4
    assert "R2.1" not in texts(svg)  # IRCC leads it
    assert all(row[-1] == 4 for row in history_table(html).values())
    assert "Items shown: 4 of 27." in html
    assert 'href="/en/recommendations/?horizon=now&amp;actor=both"' in html


def test_a_filter_that_selects_nothing_says_so_without_a_chart(client, history):
    html = page(client, GLANCE["en"] + "?horizon=now&status=will_not")
    assert "No item matches these filters." in html
    assert "<svg" not in html.split('id="main"')[1].split("</main>")[0].replace(
        '<svg viewBox="0 0 14 14"', ""
    )


def test_the_tracker_links_to_its_items_at_a_glance_with_its_filters(client):
    html = page(client, "/en/recommendations/?view=board&horizon=later&overdue=on")
    assert 'href="/en/recommendations/at-a-glance/?horizon=later&amp;overdue=on"' in html
    html = page(client, "/fr/recommandations/")
    assert 'href="/fr/recommandations/en-un-coup-d-oeil/"' in html
    assert "Ces éléments en un coup d’œil\u00a0: chronologie et historique trimestriel" in html


def test_the_page_reads_the_items_then_the_history_in_two_queries(
    client, history, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        page(client, GLANCE["en"])
    for n in range(20):
        post(
            Recommendation.objects.get(code="R4.1"),
            day=datetime.date(2022, 1, 1) + datetime.timedelta(n),
        )
    with django_assert_max_num_queries(2):
        page(client, GLANCE["fr"])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_h1_its_language_a_toggle_and_no_inline_style(client, history, lang):
    html = page(client, GLANCE[lang])
    assert html.count("<h1") == 1
    assert f'<html lang="{lang}">' in html
    other = "fr" if lang == "en" else "en"
    assert f'href="{GLANCE[other]}"' in html
    assert "style=" not in html
    # The timeline scrolls inside its own named, focusable region.
    label = {"en": "Timeline of the recommendations (scrolls sideways)", "fr": "Chronologie"}
    assert re.search(
        r'<div class="table-scroll chart-scroll" tabindex="0" role="region" aria-label="'
        + re.escape(label[lang]),
        html,
    )


def test_on_the_same_day_the_later_posted_update_counts_as_the_tracker_does(client, item):
    day = datetime.date(2022, 1, 10)
    posted = datetime.datetime(2024, 1, 2, tzinfo=datetime.UTC)
    post(item("R4.1"), status=Status.UNDER_WAY, day=day, created_at=posted)
    # Saved second (a higher id), but posted earlier: it is not the current one.
    post(item("R4.1"), status=Status.PLANNED, day=day, created_at=posted - datetime.timedelta(1))
    assert item("R4.1").ircc_status == Status.UNDER_WAY
    table = history_table(page(client, GLANCE["en"]))
    assert table["Q1 2022"][column(Status.UNDER_WAY)] == 1
    assert table["Q1 2022"][column(Status.PLANNED)] == 0
