"""The issue's community journeys, walked in the browser at a phone-sized viewport, in both
languages (see test_journeys.py for journey 1):

3. IRCC staff post a status update on a recommendation: it shows in the item's history, on the
   tracker and in the Atom feed; a sector user cannot reach the form (403 page);
4. a member starts a thread on a practice, another member replies, the first sees it unread;
5. a member's digest is sent and its unsubscribe link works without signing in.

Journeys 3 and 4 are also walked with the keyboard alone (4 in French only). Each test gets its
own copy of the demo data (see conftest); Celery tasks run in the test's process, so nothing is
left on a broker and emails land in django.core.mail.outbox (the live server runs in this
process too).
"""

import datetime
import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from tests.browser.conftest import LANGUAGES
from tests.browser.test_journeys import a_bilingual_practice, tab_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

IRCC = "ircc@demo.example"
SECTOR = "sector@demo.example"
MEMBER = "member@demo.example"
OTHER_MEMBER = "olu.adeyemi@example.org"  # a working-group member without a demo sign-in

NOTES = {
    "en": "Funding letters went to twelve small-centre agencies this week.",
    "fr": "Des lettres de financement sont parties cette semaine vers douze organismes.",
}
THREADS = {
    "en": ("Winter tires for newcomer families", "Who lends **winter tires** before the snow?"),
    "fr": ("Pneus d’hiver pour les familles", "Qui prête des **pneus d’hiver** avant la neige?"),
}
REPLIES = {
    "en": "The Rotary club lends them for free.",
    "fr": "Le club Rotary en prête gratuitement.",
}


def t(language, message):
    """`message` as a user of `language` reads it on the page."""
    with translation.override(language):
        return gettext(message)


def label(language, choice):
    """A model choice's label in `language`."""
    with translation.override(language):
        return str(choice.label)


def url(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def url_of(language, obj):
    with translation.override(language):
        return obj.get_absolute_url()


@pytest.fixture(autouse=True)
def _tasks_in_process():
    """Even when REDIS_URL is set, tasks run at once here: no test leaves one on a broker."""
    from config.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    cache.clear()  # rate limits and form tokens of an earlier test's members
    yield
    app.conf.task_always_eager = before
    cache.clear()


# --- 3. A status update on the tracker ---------------------------------------------------------


def an_item_without_ircc_update():
    from recommendations.models import Recommendation

    item = (
        Recommendation.objects.exclude(horizon="").filter(ircc_status="").in_report_order().first()
    )
    assert item is not None, "the demo data needs a tracker item IRCC has not reported on"
    return item


def check_update_is_published(page, language, item, status_label, note):
    """After posting: the item's history, the tracker's card and the feed all show it."""
    from recommendations.models import Source, Status

    page.wait_for_url(f"**{url_of(language, item)}#update-*")
    assert page.locator(".messages").inner_text() == t(
        language, "Your update is published in the history."
    )
    voice = page.locator(f"section[aria-labelledby='voice-{Source.IRCC.value}']")
    latest = voice.locator("ol.reco-timeline > li").first
    assert latest.locator(".status").inner_text() == status_label
    assert latest.locator(".reco-note").inner_text() == note

    tracker = url(language, "recommendation_list")
    page.locator(f"nav.main-nav a[href='{tracker}']").click()
    page.wait_for_url(f"**{tracker}")
    card = page.locator(f"[id='item-{item.code}']")
    today = timezone.localdate()
    with translation.override(language):
        voice_label, as_of = (
            gettext("IRCC reports"),
            gettext("as of %(date)s") % {"date": date_format(today)},
        )
    ircc = card.locator("dl.reco-facts > div", has=page.locator("dt", has_text=voice_label))
    assert ircc.locator(".status").inner_text() == status_label
    assert ircc.locator(".meta").inner_text() == as_of

    # The feed is XML: read what the link answers rather than Chromium's rendering of it.
    feed_link = page.get_by_role(
        "link", name=t(language, "Status updates as they are posted (Atom feed)")
    )
    feed = page.request.get(feed_link.get_attribute("href"))
    assert feed.ok and feed.headers["content-type"].startswith("application/atom+xml")
    with translation.override(language):
        title = gettext("%(code)s · %(voice)s: %(status)s") % {
            "code": item.code,
            "voice": Source.IRCC.label,
            "status": Status.UNDER_WAY.label,
        }
    first_entry = re.search(r"<entry>(.*?)</entry>", feed.text(), re.S)[1]
    assert f"<title>{title}</title>" in first_entry
    assert note in first_entry


def check_sector_user_cannot_reach_the_form(page, language, item, note):
    """A sector user reads the new update, sees no way to post, and gets the 403 page."""
    page.goto(url_of(language, item))
    assert page.get_by_text(note).is_visible()
    assert page.get_by_role("link", name=t(language, "Post an IRCC update")).count() == 0

    response = page.goto(url(language, "recommendation_post_ircc_update", code=item.code))
    assert response.status == 403
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == t(language, "Access denied")
    assert page.locator("main textarea").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_ircc_staff_post_an_update_that_shows_on_the_tracker_and_in_the_feed_not_for_sector(
    new_page, sign_in, demo_data, language
):
    from recommendations.models import Status

    item = an_item_without_ircc_update()
    note_label = {"en": "Progress note in English", "fr": "Progress note in French"}[language]
    page = new_page()
    sign_in(page, IRCC)

    page.goto(url(language, "recommendation_list"))
    page.locator(f"[id='item-{item.code}'] .reco-title a").click()
    page.wait_for_url(f"**{url_of(language, item)}")
    page.get_by_role("link", name=t(language, "Post an IRCC update")).click()
    page.get_by_label(t(language, "Status")).select_option(Status.UNDER_WAY)
    today = page.get_by_label(t(language, "Effective date")).input_value()
    assert today == timezone.localdate().isoformat()
    page.get_by_label(t(language, note_label)).fill(NOTES[language])
    page.get_by_role("button", name=t(language, "Publish this update")).click()

    status_label = label(language, Status.UNDER_WAY)
    check_update_is_published(page, language, item, status_label, NOTES[language])

    sector = new_page()
    sign_in(sector, SECTOR)
    check_sector_user_cannot_reach_the_form(sector, language, item, NOTES[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_ircc_staff_post_an_update_with_the_keyboard_alone(page, sign_in, demo_data, language):
    from recommendations.models import Status

    item = an_item_without_ircc_update()
    note_field = {"en": "note_en", "fr": "note_fr"}[language]
    sign_in(page, IRCC)

    page.goto(url_of(language, item))
    post_url = url(language, "recommendation_post_ircc_update", code=item.code)
    tab_to(page, f"a[href='{post_url}']", presses=120)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{post_url}")
    tab_to(page, "select[name=status]")
    # A closed <select> takes the first letters of an option, as a sighted keyboard user types.
    page.keyboard.type(label(language, Status.UNDER_WAY)[:3])
    assert page.locator("select[name=status]").input_value() == Status.UNDER_WAY
    tab_to(page, f"textarea[name={note_field}]")
    page.keyboard.type(NOTES[language])
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")

    status_label = label(language, Status.UNDER_WAY)
    check_update_is_published(page, language, item, status_label, NOTES[language])


# --- 4. A thread on a practice ---------------------------------------------------------------


def a_practice_without_threads():
    from discussions.models import Thread

    practice = a_bilingual_practice()
    if Thread.objects.filter(practice=practice).exists():
        discussed = Thread.objects.filter(practice__isnull=False).values("practice")
        bilingual = type(practice).objects.published().filter(has_en=True, has_fr=True)
        practice = bilingual.exclude(pk__in=discussed).order_by("pk").first()
    assert practice is not None, "the demo data needs a published practice nobody discusses yet"
    return practice


def a_category(language):
    from discussions.models import Category

    category = Category.objects.filter(slug_en="practices").first() or Category.objects.first()
    assert category is not None, "the demo data needs a discussion category"
    with translation.override(language):
        return category.name, category.get_absolute_url()


def start_thread(page, language, practice, category_name, keyboard=False):
    """The first member opens the practice and starts a thread from its discussion box."""
    title, body = THREADS[language]
    page.goto(url_of(language, practice))
    box = page.locator("section.discussion-box")
    assert box.locator("h2").inner_text() == "Discussion (0)"  # the same in French
    start = box.get_by_role("link", name=t(language, "Start a discussion about this"))
    if keyboard:
        tab_to(page, f"section.discussion-box a[href='{start.get_attribute('href')}']", 200)
        page.keyboard.press("Enter")
    else:
        start.click()
    page.wait_for_url(f"**{url(language, 'discussions:thread_new')}?practice={practice.pk}")
    if keyboard:
        tab_to(page, "select[name=category]")
        page.keyboard.type(category_name[:6])  # type-ahead, as in any closed <select>
        chosen = page.locator("select[name=category] option:checked").inner_text()
        assert chosen == category_name
        tab_to(page, "input[name=title]")
        page.keyboard.type(title)
        tab_to(page, "textarea[name=body]")
        page.keyboard.type(body)
        tab_to(page, "button[value=post]")
        page.keyboard.press("Enter")
    else:
        page.get_by_label(t(language, "Category")).select_option(label=category_name)
        page.get_by_label(t(language, "Title"), exact=True).fill(title)
        page.get_by_label(t(language, "Your message")).fill(body)
        page.get_by_role("button", name=t(language, "Start the thread")).click()
    page.wait_for_url(re.compile(r"/\d+/$"))
    assert page.locator("h1").inner_text() == title
    assert page.locator(".messages").inner_text() == t(
        language, "Your thread is started. You follow it."
    )
    return title


def reply_from_the_practice(page, language, practice, title, keyboard=False):
    """Another member finds the thread on the practice's page and replies."""
    page.goto(url_of(language, practice))
    box = page.locator("section.discussion-box")
    assert box.locator("h2").inner_text() == "Discussion (1)"
    if keyboard:
        tab_to(page, "section.discussion-box li a", presses=200)
        assert page.evaluate("document.activeElement.textContent") == title
        page.keyboard.press("Enter")
    else:
        box.get_by_role("link", name=title).click()
    page.wait_for_url(re.compile(r"/\d+/$"))
    if keyboard:
        tab_to(page, "textarea[name=body]", presses=120)
        page.keyboard.type(REPLIES[language])
        tab_to(page, "button[value=post]")
        page.keyboard.press("Enter")
    else:
        page.get_by_label(t(language, "Your message")).fill(REPLIES[language])
        page.get_by_role("button", name=t(language, "Post reply")).click()
    page.wait_for_url(re.compile(r"#p2$"))
    assert page.locator(".messages").inner_text() == t(language, "Your reply is posted.")


def check_thread_is_unread(page, language, category_url, title, keyboard=False):
    """The first member, back on the category's list, sees one unread post and jumps to it."""
    discussions = url(language, "discussions:category_list")
    page.goto(f"/{language}/")
    if keyboard:
        tab_to(page, f"nav.main-nav a[href='{discussions}']")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{discussions}")
        tab_to(page, f"main a[href='{category_url}']")
        page.keyboard.press("Enter")
    else:
        page.locator(f"nav.main-nav a[href='{discussions}']").click()
        page.locator(f"main a[href='{category_url}']").click()
    page.wait_for_url(f"**{category_url}")
    listed = page.locator("ul.thread-list > li", has=page.get_by_role("link", name=title))
    unread = listed.locator("a.badge")
    with translation.override(language):
        one_unread = ngettext("%(shown)s unread", "%(shown)s unread", 1) % {"shown": 1}
    assert unread.inner_text() == one_unread
    if keyboard:
        tab_to(page, "ul.thread-list a.badge")
        page.keyboard.press("Enter")
    else:
        unread.click()
    page.wait_for_url(re.compile(r"#p2$"))
    reply = page.locator("article#p2")
    assert reply.locator(".post-body").inner_text() == REPLIES[language]
    assert reply.locator(".badge").inner_text() == t(language, "New")
    assert page.locator("article#p1 .badge").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_starts_a_thread_on_a_practice_another_replies_and_the_first_sees_it_unread(
    new_page, sign_in, demo_data, language
):
    practice = a_practice_without_threads()
    category_name, category_url = a_category(language)
    first, second = new_page(), new_page()
    sign_in(first, MEMBER)
    sign_in(second, OTHER_MEMBER)

    title = start_thread(first, language, practice, category_name)
    reply_from_the_practice(second, language, practice, title)
    check_thread_is_unread(first, language, category_url, title)


# One language: the keys are the same in both, and each run of this journey costs seconds of
# Tab presses through the practice page (the mouse variant above covers both languages).
@pytest.mark.parametrize("language", ["fr"])
def test_the_thread_journey_works_with_the_keyboard_alone(new_page, sign_in, demo_data, language):
    practice = a_practice_without_threads()
    category_name, category_url = a_category(language)
    first, second = new_page(), new_page()
    sign_in(first, MEMBER)
    sign_in(second, OTHER_MEMBER)

    title = start_thread(first, language, practice, category_name, keyboard=True)
    reply_from_the_practice(second, language, practice, title, keyboard=True)
    check_thread_is_unread(first, language, category_url, title, keyboard=True)


# --- 5. The digest and its unsubscribe link --------------------------------------------------


def next_digest_day(profile):
    """The next day the member's weekly digest goes out: its week covers the demo's news."""
    today = timezone.localdate()
    days = (profile.digest_weekday - today.weekday()) % 7 or 7
    return today + datetime.timedelta(days=days)


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_digest_is_sent_and_its_unsubscribe_link_works_without_signing_in(
    page, server, settings, mailoutbox, demo_data, language
):
    from digests.models import DigestDelivery
    from digests.views import WEEKDAYS
    from workinggroup.models import MemberProfile, User

    # Links in emails point at SITE_URL: here, the live server.
    settings.SITE_URL = server
    User.objects.filter(email=MEMBER).update(preferred_language=language)
    profile = MemberProfile.objects.get(user__email=MEMBER)
    assert profile.digest_frequency == "weekly"
    day = next_digest_day(profile)
    # The demo's own past digests end when the demo was loaded (digests.demo): without them the
    # next digest covers the demo's news, as a new member's first one would.
    DigestDelivery.objects.filter(user__email=MEMBER).delete()

    call_command("send_digests", "--period", "weekly", "--date", str(day), stdout=StringIO())

    digests = [message for message in mailoutbox if message.to == [MEMBER]]
    assert len(digests) == 1, [message.subject for message in mailoutbox]
    html = next(body for body, kind in digests[0].alternatives if kind == "text/html")
    # The member opens the email (a fresh browser: no cookies, nobody signed in) and follows it.
    assert page.context.cookies() == []
    page.set_content(html)
    assert page.locator("html").get_attribute("lang") == language
    page.get_by_role("link", name=t(language, "Get it less often, or stop it")).click()
    page.wait_for_url(
        f"**{url(language, 'digests:unsubscribe', token='TOKEN')}".replace("TOKEN", "*")
    )

    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == t(language, "Your digest email")
    with translation.override(language):
        weekday = WEEKDAYS[profile.digest_weekday]
        every_week = gettext("You get the digest every week, on %(day)s.") % {"day": weekday}
    assert page.get_by_text(every_week).is_visible()
    page.get_by_role("button", name=t(language, "No more digests")).click()
    assert page.get_by_role("status").inner_text() == t(
        language, "Done: you will get no more digest emails."
    )
    profile.refresh_from_db()
    assert profile.digest_frequency == "off"
