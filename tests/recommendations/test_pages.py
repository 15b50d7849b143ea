"""The tracker, item and vocabulary pages, in both languages."""

import datetime
import re

import pytest
import time_machine

from recommendations.models import Follow, Recommendation, Source
from tests.recommendations.conftest import post

pytestmark = pytest.mark.django_db

TRACKER = {"en": "/en/recommendations/", "fr": "/fr/recommandations/"}
ITEM = {"en": "/en/recommendations/R1.1/", "fr": "/fr/recommandations/R1.1/"}
STATUSES = {"en": "/en/recommendations/statuses/", "fr": "/fr/recommandations/statuts/"}


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC), tick=False):
        yield


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("pages", [TRACKER, ITEM, STATUSES])
def test_each_page_has_one_h1_its_language_and_a_toggle_to_the_same_page(client, lang, pages):
    html = html_of(client.get(pages[lang]))
    assert html.count("<h1") == 1
    assert f'<html lang="{lang}">' in html
    other = "fr" if lang == "en" else "en"
    assert f'href="{pages[other]}"' in html
    assert "style=" not in html, "CSP forbids inline styles"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            ["Recommendations tracker", "Co-create a practical definition of innovation", "Now"],
        ),
        (
            "fr",
            [
                "Suivi des recommandations",
                "Élaborer ensemble une définition pratique",
                "Maintenant",
            ],
        ),
    ],
)
def test_the_tracker_lists_every_item_in_the_pages_language(client, lang, words):
    html = html_of(client.get(TRACKER[lang]))
    for word in words:
        assert word in html
    for code in Recommendation.objects.values_list("code", flat=True):
        assert f'id="item-{code}"' in html or f">{code}</span>" in html


def test_the_tracker_shows_each_window_as_real_dates(client):
    html = html_of(client.get(TRACKER["en"]))
    assert "August 1, 2021 to February 1, 2022" in html
    assert "February 1, 2022 to August 1, 2023" in html
    assert "August 1, 2023 to November 14, 2023" in html
    html = html_of(client.get(TRACKER["fr"]))
    assert "1er août 2021 au 1er février 2022" in html


@pytest.mark.parametrize("page", [TRACKER, STATUSES])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_horizon_dates_close_their_parenthesis_without_a_space(client, page, lang):
    html = html_of(client.get(page[lang]))
    windows = re.findall(r"\(([^()]*\d{4}\s*)\)</li>", html)
    assert len(windows) == 3
    assert all(window == window.rstrip() for window in windows), windows


def test_an_item_whose_window_closed_without_work_is_marked_overdue_in_words(client, item):
    post(item("R1.1"), status="under_way")
    html = html_of(client.get(TRACKER["en"] + "?overdue=on"))
    assert 'id="item-R1.2"' in html and 'id="item-R1.1"' not in html
    assert "Overdue" in html


def test_filters_narrow_the_list_and_bad_values_are_ignored(client):
    html = html_of(client.get(TRACKER["en"] + "?horizon=later&actor=both"))
    assert 'id="item-R3.6"' in html and 'id="item-R3.5"' not in html
    assert "Items shown: 1 of 27." in html
    html = html_of(client.get(TRACKER["en"] + "?horizon=someday&principle=%3Cscript%3E"))
    assert "Items shown: 27 of 27." in html


def test_the_status_filter_matches_either_voice(client, item):
    post(item("R4.1"), source=Source.WORKING_GROUP, status="stalled")
    html = html_of(client.get(TRACKER["en"] + "?status=stalled"))
    assert 'id="item-R4.1"' in html and "Items shown: 1 of 27." in html


def test_the_board_shows_now_next_and_later_columns(client):
    html = html_of(client.get(TRACKER["en"] + "?view=board"))
    for column in ("column-now", "column-next", "column-later"):
        assert f'id="{column}"' in html
    board = html.split('id="column-later"')[1]
    assert 'id="item-R4.5"' in board and 'id="item-R1.1"' not in board


def test_a_disagreement_is_visible_on_the_item_and_counted_in_the_summary(client, item):
    post(item("R1.1"), status="implemented", evidence_links=["https://x.ca"])
    post(item("R1.1"), source=Source.WORKING_GROUP, status="stalled")
    html = html_of(client.get(TRACKER["en"]))
    assert "<strong>1</strong> item where IRCC and the working group disagree" in html
    item_html = html.split('id="item-R1.1"')[1].split("</article>")[0]
    assert "IRCC and the working group disagree" in item_html
    assert "Implemented" in item_html and "Stalled" in item_html
    html = html_of(client.get(TRACKER["en"] + "?disagree=on"))
    assert "Items shown: 1 of 27." in html


def test_the_summary_table_counts_horizon_by_status_for_each_voice(client, item):
    post(item("R1.1"), status="under_way")
    post(item("R1.2"), status="under_way")
    html = html_of(client.get(TRACKER["en"]))
    caption = "<caption>Status by horizon, according to: IRCC"
    ircc_table = html.split(caption)[1].split("</table>")[0]
    row = re.search(r"<th scope=\"row\">Under way</th>((?:<td>\d+</td>)+)", ircc_table).group(1)
    # columns: Now, Next, Later, No horizon, Total
    assert re.findall(r"\d+", row) == ["2", "0", "0", "0", "2"]
    assert "according to: Working group" in html


def test_the_chart_is_server_drawn_svg_with_words_for_every_colour(client, item):
    post(item("R1.1"), status="under_way")
    html = html_of(client.get(TRACKER["fr"]))
    svg = html.split("<svg", 1)[1].split("</svg>")[0]
    assert 'role="img"' in svg and "<title" in svg
    assert 'class="chart-segment chart-under_way"' in svg
    # Coordinates stay numbers with a dot in French too.
    assert not re.search(r'(x|y|width)="\d+,\d', svg)
    assert "En cours" in html  # the legend names each colour


def test_the_tracker_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, item):
    """Current statuses are on the items: the history's length must not matter."""
    for code in ("R1.1", "R1.2", "R2.3"):
        for day in range(1, 21):
            post(item(code), day=datetime.date(2022, 3, day))
    with django_assert_max_num_queries(2):  # items; (session and user only when signed in)
        html_of(client.get(TRACKER["en"]))


def test_the_item_page_runs_a_constant_number_of_queries(
    client_for, ian, django_assert_max_num_queries, item
):
    """One query for the whole history, whatever its length."""
    for day in range(1, 29):
        post(item("R1.1"), day=datetime.date(2022, 2, day))
        post(item("R1.1"), source=Source.WORKING_GROUP, day=datetime.date(2022, 2, day))
    client = client_for(ian)
    # session, user, roles, member profile, item, history, follow, practices, threads, and the
    # latest published priorities (once: cached until the next publication), and the header's
    # count of unread notifications
    with django_assert_max_num_queries(11):
        html = html_of(client.get(ITEM["en"]))
    assert html.count('id="update-') == 56


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_item_page_shows_both_voices_with_their_full_history(client, lang, item, ian):
    post(item("R1.1"), status="planned", day=datetime.date(2021, 12, 1), author=ian)
    post(item("R1.1"), status="under_way", day=datetime.date(2022, 3, 1), author=ian)
    post(
        item("R1.1"),
        source=Source.WORKING_GROUP,
        status="stalled",
        evidence_links=["https://e.ca/x"],
    )
    html = html_of(client.get(ITEM[lang]))
    assert html.count('id="update-') == 3
    assert 'href="https://e.ca/x"' in html
    if lang == "en":
        assert "IRCC&#x27;s reported status" in html or "IRCC's reported status" in html
        assert "Posted on June 15, 2024 by IRCC staff" in html
        assert "Ranked" not in html and "does not publish this item's rank" in html
    else:
        assert "Publiée le 15 juin 2024 — Personnel d&#x27;IRCC" in html


def test_a_note_in_one_language_shows_in_the_other_with_a_notice(client, item):
    post(item("R1.1"), note_en="Only in English.", note_fr="")
    html = html_of(client.get(ITEM["fr"]))
    assert '<div class="reco-note" lang="en"><p>Only in English.</p></div>' in html
    assert "Cette note n’est pas encore offerte en français." in html


def test_the_vocabulary_page_defines_every_status(client):
    html = html_of(client.get(STATUSES["en"]))
    for word in (
        "Not started",
        "Planned",
        "Under way",
        "Stalled",
        "Implemented",
        "Will not be implemented",
        "No longer applicable",
    ):
        assert word in html
    assert "At least one evidence link" in html


def test_an_unknown_item_is_a_404(client):
    assert client.get("/en/recommendations/R9.9/").status_code == 404


@pytest.mark.parametrize("code", ["R1%00", "%00", "%01", "R1.1.1.1.1.1", "R" * 300])
@pytest.mark.parametrize(
    ("method", "page"), [("get", ""), ("post", "follow/"), ("get", "ircc-update/")]
)
def test_a_code_no_item_can_have_is_a_404(client_for, ian, code, method, page):
    """A NUL byte reached PostgreSQL (a 500); codes are at most 10 characters."""
    send = getattr(client_for(ian), method)
    assert send(f"/en/recommendations/{code}/{page}").status_code == 404


def test_signed_in_users_follow_and_unfollow_an_item(client_for, sam):
    client = client_for(sam)
    url = "/en/recommendations/R1.1/follow/"
    assert client.post(url, {"action": "follow"}).status_code == 302
    assert client.post(url, {"action": "follow"}).status_code == 302
    assert Follow.objects.filter(user=sam, recommendation__code="R1.1").count() == 1
    assert "Stop following" in html_of(client.get(ITEM["en"]))
    client.post(url, {"action": "unfollow"})
    assert not Follow.objects.exists()


def test_anonymous_visitors_are_asked_to_sign_in_to_follow(client):
    assert "Sign in to follow" in html_of(client.get(ITEM["en"]))
    response = client.post("/en/recommendations/R1.1/follow/", {"action": "follow"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Follow.objects.exists()
    assert client.get("/en/recommendations/R1.1/follow/").status_code == 405


def test_the_item_page_lists_its_published_related_practices_only(client, item):
    from practices import demo as practices_demo
    from practices.models import PromisingPractice

    practices_demo.load()
    shown, hidden = PromisingPractice.objects.published().order_by("pk")[:2]
    PromisingPractice.objects.filter(pk=hidden.pk).update(status="archived")
    item("R1.1").practices.set([shown, hidden])
    html = html_of(client.get(ITEM["en"]))
    section = html.split('id="practices-heading"')[1]
    assert f'href="{shown.get_absolute_url()}"' in section
    assert hidden.title_en not in section
    html = html_of(client.get("/en/recommendations/R1.2/"))
    assert "No practice is linked to this item yet." in html


def test_the_tracker_shows_a_new_update_at_once(client, item):
    assert 'id="item-R3.2"' not in html_of(client.get(TRACKER["en"] + "?status=under_way"))
    post(item("R3.2"), status="under_way")
    assert 'id="item-R3.2"' in html_of(client.get(TRACKER["en"] + "?status=under_way"))


def test_the_tracker_never_echoes_a_tampered_parameter(client):
    html_of(client.get(TRACKER["en"] + "?horizon=now"))
    html = html_of(client.get(TRACKER["en"] + "?horizon=now&actor=%22%3E%3Cb%3Ex"))
    assert "<b>x" not in html and "&quot;&gt;" not in html


def test_an_item_page_says_when_it_last_changed_in_both_languages(client, item):
    """Its "Date modified" is the day its newest status update was posted."""
    assert "Date modified" not in client.get(ITEM["en"]).content.decode()
    with time_machine.travel(datetime.datetime(2026, 3, 9, 15, tzinfo=datetime.UTC), tick=False):
        post(item("R1.1"))
    with time_machine.travel(datetime.datetime(2026, 5, 4, 15, tzinfo=datetime.UTC), tick=False):
        post(item("R1.1"), source=Source.WORKING_GROUP)
    english = client.get(ITEM["en"]).content.decode()
    assert '<time datetime="2026-05-04">2026-05-04</time>' in english
    french = client.get(ITEM["fr"]).content.decode()
    assert 'Date de modification\u00a0: <time datetime="2026-05-04">' in french


def test_the_chart_fits_a_phone_with_its_labels_above_the_bars(client, item):
    """Issue 16, defect 3: on a phone the chart shrank by half and clipped its labels."""
    post(item("R1.1"), status="under_way")
    svg = html_of(client.get(TRACKER["fr"])).split("<svg", 1)[1].split("</svg>")[0]
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    assert width <= 320  # drawn at about a phone's width: 13-unit text stays readable
    labels = re.findall(r'<text x="([\d.]+)"[^>]*class="chart-label"', svg)
    assert labels and set(labels) == {"0"}  # labels start at the left edge, never cut off
    assert 'text-anchor="end" class="chart-label"' not in svg
    assert re.search(r"class=\"chart-label\">[^<]* · Groupe de travail<", svg)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_item_page_says_no_more_than_the_report(client, lang):
    """fidelity.md: the principle is the working group's classification, the wording a
    paraphrase with its source, the Later end date the portal's reading, parent actors derived."""
    sub = html_of(
        client.get({"en": "/en/recommendations/R2.3/", "fr": "/fr/recommandations/R2.3/"}[lang])
    )
    parent = html_of(
        client.get({"en": "/en/recommendations/R1/", "fr": "/fr/recommandations/R1/"}[lang])
    )
    if lang == "en":
        assert "IRCC principle (the working group's classification)" in sub
        assert "PeaceGeeks, August 2021" in sub and "a paraphrase of the report" in sub
        assert "the portal reads it as the opening of CFP 2024" in sub
        assert "IRCC must broaden" in sub
        assert "derived by the portal from its sub-recommendations" in parent
    else:
        assert "Principe d’IRCC (classement du groupe de travail)" in sub
        assert "PeaceGeeks, août 2021" in sub
        assert "le portail le situe à l’ouverture" in sub
        assert "IRCC doit élargir" in sub
        assert "déduit par le portail de ses sous-recommandations" in parent


def test_french_horizon_lines_are_lower_case_after_the_colon(client):
    """« Maintenant : le travail commence… » (docs/french-style.md: lower case after a colon),
    and the same line alone, under a column of the board, starts with a capital."""
    tracker = client.get(TRACKER["fr"]).content.decode()
    assert "<strong>Maintenant</strong>\u00a0: le travail commence dans les 6 mois" in tracker
    assert "<strong>Ensuite</strong>\u00a0: moyen terme, de 6 mois à 2 ans" in tracker
    assert "Plus long terme\u00a0:" not in tracker
    board = client.get(TRACKER["fr"], {"view": "board"}).content.decode()
    assert '<p class="meta">Le travail commence dans les 6 mois' in board
    item = client.get("/fr/recommandations/R2.3/").content.decode()
    assert "<strong>Plus tard</strong>\u00a0: plus long terme, de 2 ans" in item
    english = client.get(TRACKER["en"]).content.decode()
    assert "<strong>Now</strong>: Work starts within 6 months" in english
