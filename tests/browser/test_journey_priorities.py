"""Issue 20's journey in the browser, at a phone-sized viewport: an administrator runs a
two-round priority exercise from its rounds page; five members answer round one (in French and
in English); round two shows a member the group's answers; the results are published and the
tracker and its Atom feed show each item's priority, in both languages.

The chair sets the exercise up on its form (one bad input first: overlapping rounds), and every
change of state goes through the rounds page as the chair would. Tasks run in the test's
process (see test_journeys_community), so the opening emails land in django.core.mail.outbox.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from tests.browser.conftest import LANGUAGES
from tests.browser.test_journeys_community import t

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADMIN = "admin@demo.example"
SLUG = "priorities-2028"
# Round one, one row per member: {code: point}. O1 high with consensus, R3 medium, R4 low.
# The first member's answers lie inside every middle half, so they may keep them in round two
# without a reason.
ROUND_ONE = [
    {"O1": 5, "R3": 3, "R4": 2},
    {"O1": 5, "R3": 3, "R4": 1},
    {"O1": 4, "R3": 4, "R4": 2},
    {"O1": 5, "R3": 3, "R4": 1},
    {"O1": 4, "R3": 4, "R4": 2},
]
ANSWER_LANGUAGES = ["fr", "en", "fr", "en", "fr"]
SAVED = "Your answers are saved. Until %(date)s, you can come back and change them."


@pytest.fixture(autouse=True)
def _tasks_in_process():
    from config.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    cache.clear()
    yield
    app.conf.task_always_eager = before
    cache.clear()


def url(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def set_up_exercise(chair):
    """ "Priorities 2028" on three tracker items ticked on the exercise's form, two rounds not
    yet open (their times are far off, so only the rounds page opens them)."""
    from priorities.models import Exercise
    from recommendations.models import Recommendation

    def moment(days):
        return timezone.localtime(timezone.now() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")

    chair.goto(url("en", "priorities:index"))
    chair.get_by_role("link", name="Set up a priority exercise").click()
    chair.get_by_label("Title in English").fill("Priorities 2028")
    chair.get_by_label("Title in French").fill("Priorités 2028")
    chair.get_by_label("Address").fill(SLUG)
    chair.locator("input[name='item_set'][value='chosen']").check()
    for code in ("O1", "R3", "R4"):
        pk = Recommendation.objects.get(code=code).pk
        chair.locator(f"input[name='items'][value='{pk}']").check()
    chair.get_by_label("Round 1 opens").fill(moment(60))
    chair.get_by_label("Round 1 closes").fill(moment(74))
    chair.get_by_label("Round 2 opens").fill(moment(70))  # before round one closes
    chair.get_by_label("Round 2 closes").fill(moment(94))
    chair.get_by_role("button", name="Save the exercise as a draft").click()
    summary = chair.locator(".error-summary")
    assert "Round 2 would open before round 1 closes" in summary.inner_text()
    assert chair.get_by_label("Title in French").input_value() == "Priorités 2028"  # kept
    chair.get_by_label("Round 2 opens").fill(moment(80))
    chair.get_by_role("button", name="Save the exercise as a draft").click()
    chair.wait_for_url(f"**{url('en', 'priorities:manage', slug=SLUG)}")
    assert chair.locator(".messages").inner_text().startswith("The exercise is saved as a draft.")
    return Exercise.objects.get(slug=SLUG)


def manage(page, action_label, done_message):
    """Press one of the rounds page's buttons and check what it says."""
    page.goto(url("en", "priorities:manage", slug=SLUG))
    page.get_by_role("button", name=action_label).click()
    page.wait_for_url(f"**{url('en', 'priorities:manage', slug=SLUG)}")
    assert page.locator(".messages").inner_text() == done_message


def answer_round(page, language, items, points):
    """On the answer page in `language`: choose each item's point and save."""
    page.goto(url(language, "priorities:answer", slug=SLUG))
    assert page.locator("html").get_attribute("lang") == language
    for code, point in points.items():
        page.locator(f"input[name='importance_{items[code].pk}'][value='{point}']").check()
    page.get_by_role("button", name=t(language, "Save my answers")).click()
    page.wait_for_url(f"**{url(language, 'priorities:answer', slug=SLUG)}")
    saved = t(language, SAVED).split("%(date)s")[0]
    assert page.locator(".messages").inner_text().startswith(saved)


def test_a_two_round_exercise_from_setup_to_the_tracker(new_page, sign_in, demo_data):
    from priorities import ballots, results
    from priorities.models import ItemResult, NoticeKind, Round

    chair = new_page()
    sign_in(chair, ADMIN)
    exercise = set_up_exercise(chair)
    items = {item.recommendation.code: item for item in exercise.items.all()}
    assert sorted(items) == ["O1", "R3", "R4"]

    # Round one opens from the rounds page: every member is emailed.
    mail.outbox.clear()
    manage(chair, "Open the next round", "The round is open; every participant is being emailed.")
    first = Round.objects.get(exercise=exercise, number=1)
    invited = list(
        first.notices.filter(kind=NoticeKind.OPENING).select_related("user").order_by("user_id")
    )
    assert len(invited) >= 5, "the demo data needs five working-group members"
    assert len(mail.outbox) == len(invited)
    members = [notice.user for notice in invited[:5]]

    # Five members answer, in French and in English.
    tabs = []
    for member, language, points in zip(members, ANSWER_LANGUAGES, ROUND_ONE, strict=True):
        tab = new_page()
        sign_in(tab, member.email)
        answer_round(tab, language, items, points)
        tabs.append(tab)
    assert chair.goto(url("en", "priorities:manage", slug=SLUG)).ok
    assert "5 of" in chair.locator("table tbody tr").first.inner_text()

    # The chair closes round one and opens round two.
    manage(chair, "Close the open round", "The round is closed; its figures are computed.")
    manage(chair, "Open the next round", "The round is open; every participant is being emailed.")

    # A member reads round one's answers beside each item, and keeps theirs.
    figures = {r.item_id: r for r in ItemResult.objects.filter(round=first)}
    o1 = figures[items["O1"].pk]
    assert (o1.median, o1.q1, o1.q3, o1.answers) == (5, 4, 5, 5)
    member, language = tabs[0], ANSWER_LANGUAGES[0]
    member.goto(url(language, "priorities:answer", slug=SLUG))
    section = member.locator(f"section[aria-labelledby='item-{items['O1'].pk}-heading']")
    with translation.override(language):
        said = results.figure(5), results.figure(4)
    feedback = section.locator(".prio-feedback")
    assert f" {said[0]}, " in feedback.locator("p").first.inner_text()  # the median
    assert feedback.locator("svg[role='img'] title").text_content() == t(
        language, "Answers per point in the previous round"
    )
    counts = feedback.locator("table.prio-table tbody td").all_inner_texts()
    assert counts == ["0", "0", "0", "2", "3"]
    assert section.locator(f"input[value='{ROUND_ONE[0]['O1']}']").is_checked()
    member.get_by_role("button", name=t(language, "Save my answers")).click()
    member.wait_for_url(f"**{url(language, 'priorities:answer', slug=SLUG)}")
    assert member.locator(".errorlist").count() == 0
    # The other four answer round two as in round one (the page is checked above).
    second = Round.objects.get(exercise=exercise, number=2)
    for person, points in zip(members[1:], ROUND_ONE[1:], strict=True):
        ballots.save(
            second, person, {items[code].pk: (point, None, "") for code, point in points.items()}
        )

    # The chair closes round two and publishes.
    manage(chair, "Close the open round", "The round is closed; its figures are computed.")
    manage(
        chair,
        "Publish the results",
        "The results are published; the participants are being emailed.",
    )

    # The tracker shows each item's priority beside it, in both languages.
    for language in LANGUAGES:
        chair.goto(url(language, "recommendation_list"))
        with translation.override(language):
            standings = results.latest_standings()
            expected = {code: standings[item.recommendation_id] for code, item in items.items()}
            heading = str(expected["O1"].heading)
            summaries = {code: standing.summary for code, standing in expected.items()}
        assert (
            expected["O1"].exercise_title
            == {"en": "Priorities 2028", "fr": "Priorités 2028"}[language]
        )
        assert [expected[code].level for code in ("O1", "R3", "R4")] == ["high", "medium", "low"]
        assert expected["O1"].consensus == "strong"
        for code, summary in summaries.items():
            card = chair.locator(f"[id='item-{code}']")
            fact = card.locator("dl.reco-facts > div", has=chair.locator("dt", has_text=heading))
            assert fact.locator("dd").inner_text() == summary
            assert fact.locator("a").get_attribute("href") == url(
                language, "priorities:results", slug=SLUG
            )
        # The tracker's Atom feed has the same, one entry per item.
        feed = chair.request.get(url(language, "status_update_feed"))
        assert feed.ok
        with translation.override(language):
            title = t(language, "%(code)s · %(voice)s: %(status)s") % {
                "code": "O1",
                "voice": heading,
                "status": summaries["O1"],
            }
        assert f"<title>{title}</title>" in feed.text()
