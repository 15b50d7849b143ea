"""What the digest reads: new threads and replies in followed threads, for members only."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from discussions import activity, demo
from discussions.mentions import mentioned_names
from discussions.models import Category, Follow, Post, Thread
from tests.discussions.conftest import start_thread

pytestmark = pytest.mark.django_db

MONDAY = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


def test_new_threads_since_a_date_leave_out_hidden_and_own_threads(category, marie, ian):
    with time_machine.travel(MONDAY - datetime.timedelta(days=2)):
        start_thread(category, ian, "Before the period")
    with time_machine.travel(MONDAY + datetime.timedelta(hours=1)):
        start_thread(category, ian, "Fresh")
        hidden = start_thread(category, ian, "Hidden")
        start_thread(category, marie, "Marie's own")
    Thread.objects.filter(pk=hidden.pk).update(hidden=True)
    titles = [t.title for t in activity.new_threads(marie, MONDAY)]
    assert titles == ["Fresh"]


def test_followed_activity_counts_replies_by_others_and_points_to_the_first(
    category, marie, ian, elodie, django_assert_max_num_queries
):
    with time_machine.travel(MONDAY - datetime.timedelta(days=1)):
        followed = start_thread(category, marie, "Followed")
        followed.add_reply(ian, "Old reply")
        other = start_thread(category, ian, "Not followed")
    with time_machine.travel(MONDAY + datetime.timedelta(hours=2)):
        followed.add_reply(ian, "New 1")
        followed.add_reply(marie, "Marie herself")
        followed.add_reply(elodie, "New 2")
        other.add_reply(elodie, "Elsewhere")
    # Why: one grouped query for the counts, one for the threads.
    with django_assert_max_num_queries(3):
        rows = activity.followed_activity(marie, MONDAY)
    assert [(r.thread.title, r.new_posts, r.first_new_position) for r in rows] == [
        ("Followed", 2, 3)
    ]
    assert rows[0].url.endswith("#p3")


def test_the_digest_api_answers_nothing_to_a_non_member(category, sam, ian):
    thread = start_thread(category, ian, "Members only")
    Follow.start(sam, thread, 0)
    thread.add_reply(ian, "Reply")
    since = timezone.now() - datetime.timedelta(days=1)
    assert activity.new_threads(sam, since) == []
    assert activity.followed_activity(sam, since) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Thanks @marie!", ["marie"]),
        ("cc @Marie.Cormier and @ian.", ["marie.cormier", "ian"]),
        ("Write to info@example.org", []),
        ("Ask @marie@other.example", ["marie@other.example"]),
        ("In code: `@decorator` and\n```\n@property\n```", []),
    ],
)
def test_mentions_are_found_outside_code_and_email_addresses(text, names):
    assert mentioned_names(text) == names


def test_demo_data_loads_twice_without_duplicates(db):
    demo.load()
    demo.load()
    assert Category.objects.count() == 4
    assert Thread.objects.count() == 4
    assert Post.objects.filter(position=1).count() == 4
    assert Category.objects.get(slug_en="regions").name_fr == "Nouvelles des régions"
