"""Threads about a practice or a recommendation: "Discussion (N)" on its page, members only."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from discussions.models import Category, Thread
from practices import demo as practices_demo
from practices.models import PromisingPractice, Status
from recommendations.models import Recommendation
from tests.discussions.conftest import start_thread

pytestmark = pytest.mark.django_db

BOX = Template("{% load discussions %}{% discussion_box obj %}")


@pytest.fixture
def practice(db):
    practices_demo.load()
    return PromisingPractice.objects.published().order_by("pk").first()


@pytest.fixture
def recommendation(db):
    return Recommendation.objects.order_by("order").first()


def box_for(user, obj, language="en"):
    request = RequestFactory().get("/")
    request.user = user
    with translation.override(language):
        return BOX.render(Context({"request": request, "obj": obj}))


def page_of(obj, language):
    with translation.override(language):
        return obj.get_absolute_url()


def test_the_box_counts_the_posts_of_visible_threads_for_members(
    category, marie, ian, elodie, recommendation
):
    first = start_thread(category, marie, "Now items first", recommendation=recommendation)
    first.add_reply(ian, "Agreed")
    hidden = start_thread(category, marie, "Removed thread", recommendation=recommendation)
    Thread.objects.filter(pk=hidden.pk).update(hidden=True)
    html = box_for(ian, recommendation)
    assert "Discussion (2)" in html
    assert "Now items first" in html and "Removed thread" not in html
    assert f"/en/discussions/new/?recommendation={recommendation.pk}" in html
    assert "Discussion (2)" in box_for(marie, recommendation, "fr")


def test_the_box_renders_nothing_for_visitors_and_sector_users(category, marie, sam, practice):
    start_thread(category, marie, "Secret plans", practice=practice)
    assert box_for(AnonymousUser(), practice).strip() == ""
    assert box_for(sam, practice).strip() == ""


@pytest.mark.parametrize("language", ["en", "fr"])
def test_practice_page_shows_discussion_count_to_members_only(
    client, client_for, category, marie, sam, practice, language
):
    start_thread(category, marie, "Trying this in Smithers", practice=practice)
    url = page_of(practice, language)
    assert "Trying this in Smithers" not in client.get(url).content.decode()
    assert "Trying this in Smithers" not in client_for(sam).get(url).content.decode()
    html = client_for(marie).get(url).content.decode()
    assert "Discussion (1)" in html and "Trying this in Smithers" in html


def test_member_starts_a_thread_from_a_practice(client_for, ian, category, practice):
    client = client_for(ian)
    form = client.get(f"/en/discussions/new/?practice={practice.pk}").content.decode()
    assert f'name="practice" value="{practice.pk}"' in form
    client.post(
        "/en/discussions/new/",
        {"practice": practice.pk, "category": category.pk, "title": "Adapting it", "body": "How?"},
    )
    thread = Thread.objects.get()
    assert thread.practice == practice
    page = client.get(f"/en/discussions/threads/{thread.pk}/").content.decode()
    assert page_of(practice, "en") in page


def test_a_draft_practice_cannot_be_attached(client_for, ian, category, practice):
    PromisingPractice.objects.filter(pk=practice.pk).update(status=Status.DRAFT)
    client_for(ian).post(
        "/en/discussions/new/",
        {"practice": practice.pk, "category": category.pk, "title": "Draft", "body": "Hm"},
    )
    assert Thread.objects.get().practice is None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_recommendation_page_shows_discussion_count_to_members_only(
    client, client_for, category, marie, sam, ian, recommendation, language
):
    start_thread(category, marie, "Is this one started?", recommendation=recommendation)
    url = page_of(recommendation, language)
    assert "Is this one started?" not in client.get(url).content.decode()
    assert "Is this one started?" not in client_for(sam).get(url).content.decode()
    html = client_for(ian).get(url).content.decode()
    assert "Discussion (1)" in html and "Is this one started?" in html


def test_a_thread_started_from_a_recommendation_defaults_to_the_recommendations_category(
    client_for, ian, category, recommendation
):
    """Issue 16, defect 7: the form picked the first category ("Promising practices")."""
    Category.objects.create(
        name_en="Recommendations",
        name_fr="Recommandations",
        slug_en="recommendations",
        slug_fr="recommandations",
        order=5,
        default_for="recommendation",
    )
    page = client_for(ian).get(f"/en/discussions/new/?recommendation={recommendation.pk}")
    html = page.content.decode()
    selected = re.search(r'<option value="(\d+)" selected>([^<]*)</option>', html)
    assert selected and selected.group(2) == "Recommendations"
    # Without a recommendation, nothing is chosen: the list starts on its first category.
    plain = client_for(ian).get("/en/discussions/new/").content.decode()
    assert "selected>" not in plain
