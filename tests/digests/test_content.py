"""What goes in a digest: one function of the member, the window and the data."""

import datetime

import pytest
import time_machine

from digests import content, schedule
from discussions.models import Category, Follow, Post, Thread
from recommendations.models import Recommendation, Source, Status, StatusUpdate
from tests.digests.conftest import DAY, TORONTO, YESTERDAY_NOON, make_member, make_practice
from workinggroup.models import DigestFrequency as Frequency

pytestmark = pytest.mark.usefixtures("morning")

START = datetime.datetime(2026, 1, 6, 0, 0, tzinfo=TORONTO)
END = datetime.datetime(2026, 1, 7, 0, 0, tzinfo=TORONTO)


def digest_for(user, start=START, end=END):
    readers = content.load_readers([user])
    sources = content.load_sources(list(readers.values()), start, end)
    return content.build_digest(readers[user.pk], start, end, sources)


def items(digest, key):
    return next((s.items for s in digest.sections if s.key == key), None)


@pytest.fixture
def category(db):
    return Category.objects.create(
        name_en="Housing", name_fr="Logement", slug_en="housing", slug_fr="logement"
    )


@pytest.fixture
def author(db):
    """Ana, a member who writes threads and does not take the digest."""
    from tests.conftest import make_user
    from workinggroup import roles

    return make_user("ana@example.org", roles.MEMBER)


def at(moment):
    return time_machine.travel(moment, tick=False)


def test_window_is_the_day_before_the_run_day_in_toronto():
    assert schedule.window_end(DAY) == END
    assert schedule.window_start(Frequency.DAILY, END, None) == START
    assert schedule.window_start(Frequency.WEEKLY, END, None) == END - datetime.timedelta(days=7)
    assert schedule.period_key(Frequency.DAILY, DAY) == "2026-01-07"
    assert schedule.period_key(Frequency.WEEKLY, DAY) == "2026-W02"


def test_window_starts_where_the_previous_digest_ended_unless_long_ago():
    previous = END - datetime.timedelta(days=3)
    assert schedule.window_start(Frequency.DAILY, END, previous) == previous
    long_ago = END - datetime.timedelta(days=90)
    assert schedule.window_start(Frequency.DAILY, END, long_ago) == START


def test_practices_published_inside_the_window_only(reader_en, organization):
    inside = make_practice(organization, published_at=START)
    make_practice(organization, published_at=END)  # the end is not inside
    make_practice(organization, published_at=START - datetime.timedelta(seconds=1))

    assert items(digest_for(reader_en), "practices") == [inside]


def test_digest_is_the_same_whenever_it_is_built(reader_en, organization, category, author):
    make_practice(organization)
    with at(YESTERDAY_NOON):
        Thread.start(category, author, "Snow tires", "Who lends them?")
    first = digest_for(reader_en)

    with at(END + datetime.timedelta(days=3)):
        make_practice(organization, published_at=END + datetime.timedelta(hours=1))
        later = digest_for(reader_en)

    assert [s.items for s in later.sections] == [s.items for s in first.sections]


def test_members_see_new_threads_by_others_and_replies_in_threads_they_follow(
    reader_en, reader_fr, category
):
    with at(START - datetime.timedelta(days=2)):
        followed, _post = Thread.start(category, reader_fr, "Old thread", "Opening")
        Follow.start(reader_en, followed, 1)
    with at(YESTERDAY_NOON):
        new, _post = Thread.start(category, reader_fr, "New thread", "Opening")
        own, _post = Thread.start(category, reader_en, "Erin's own thread", "Opening")
        followed.add_reply(reader_fr, "First reply")
        followed.add_reply(reader_fr, "Second reply")
        followed.add_reply(reader_en, "Erin's own reply")

    digest = digest_for(reader_en)

    assert items(digest, "threads") == [new]
    [replies] = items(digest, "replies")
    assert (replies.title, replies.count, replies.first_position) == ("Old thread", 2, 2)


def test_replies_count_in_followed_threads_only_busiest_first(reader_en, reader_fr, category):
    with at(START - datetime.timedelta(days=2)):
        quiet, _post = Thread.start(category, reader_fr, "Quiet thread", "Opening")
        busy, _post = Thread.start(category, reader_fr, "Busy thread", "Opening")
        unfollowed, _post = Thread.start(category, reader_fr, "Not followed", "Opening")
        busy.add_reply(reader_fr, "Before the window")
        Follow.start(reader_en, quiet, 1)
        Follow.start(reader_en, busy, 1)
    with at(YESTERDAY_NOON):
        quiet.add_reply(reader_fr, "One")
        for text in ("One", "Two"):
            busy.add_reply(reader_fr, text)
        unfollowed.add_reply(reader_fr, "Elsewhere")

    replies = items(digest_for(reader_en), "replies")

    assert [(r.title, r.count, r.first_position) for r in replies] == [
        ("Busy thread", 2, 3),
        ("Quiet thread", 1, 2),
    ]


def test_hidden_threads_and_posts_stay_out_of_every_digest_a_moderators_too(
    reader_en, reader_fr, category
):
    from workinggroup import roles

    moderator = make_member("moderator@example.org", role=roles.EDITOR)
    with at(START - datetime.timedelta(days=2)):
        followed, _post = Thread.start(category, reader_fr, "Followed", "Opening")
        taken_down, _post = Thread.start(category, reader_fr, "Taken down later", "Opening")
    with at(YESTERDAY_NOON):
        Thread.start(category, reader_fr, "Fresh", "Opening")
        hidden_new, _post = Thread.start(category, reader_fr, "Hidden", "Opening")
        followed.add_reply(reader_fr, "Fine reply")
        rude = followed.add_reply(reader_fr, "Rude reply")
        taken_down.add_reply(reader_fr, "Reply in a hidden thread")
    Thread.objects.filter(pk__in=[hidden_new.pk, taken_down.pk]).update(hidden=True)
    Post.objects.filter(pk=rude.pk).update(hidden=True)
    for reader in (reader_en, moderator):
        Follow.start(reader, followed, 1)
        Follow.start(reader, taken_down, 1)

        digest = digest_for(reader)

        assert [t.title for t in items(digest, "threads")] == ["Fresh"]
        [replies] = items(digest, "replies")
        assert (replies.title, replies.count) == ("Followed", 1)


def test_people_who_are_not_members_get_no_discussion_sections(db, category, author):
    from workinggroup import roles

    sector_user = make_member("sam@example.org", role=roles.SECTOR_USER)
    with at(YESTERDAY_NOON):
        Thread.start(category, author, "Members only", "Opening")

    digest = digest_for(sector_user)

    assert [s.key for s in digest.sections] == ["practices", "resources", "adaptations", "statuses"]


def test_status_updates_on_followed_items_or_on_all_when_following_none(reader_en, reader_fr):
    from recommendations.models import Follow as ItemFollow

    first, second = Recommendation.objects.order_by("order")[:2]
    ItemFollow.objects.create(user=reader_fr, recommendation=second)
    with at(YESTERDAY_NOON):
        for item in (first, second):
            StatusUpdate.record(
                item,
                source=Source.IRCC,
                status=Status.UNDER_WAY,
                effective_date=DAY,
                note_en="Work began.",
            )

    everything = items(digest_for(reader_en), "statuses")
    followed = items(digest_for(reader_fr), "statuses")

    assert [u.recommendation_id for u in everything] == [first.pk, second.pk]
    assert [u.recommendation_id for u in followed] == [second.pk]


def test_batch_build_takes_the_same_queries_for_5_or_40_members(
    organization, category, author, django_assert_max_num_queries, django_assert_num_queries
):
    """Prevents an n+1 in the digest build: readers and sources are loaded once per batch."""
    for n in range(5):
        make_practice(organization, title_en=f"Practice {n}")
    with at(YESTERDAY_NOON):
        thread, _post = Thread.start(category, author, "A thread", "Opening")
        thread.add_reply(author, "A reply")
    users = [make_member(f"m{n}@example.org", themes=["employment"]) for n in range(40)]
    for user in users:
        Follow.start(user, thread, 1)

    def build(batch):
        readers = content.load_readers(batch)
        sources = content.load_sources(list(readers.values()), START, END)
        return [content.build_digest(readers[u.pk], START, END, sources) for u in batch]

    # Readers' queries, and one per section (the resources' made it 12).
    with django_assert_max_num_queries(12) as small:
        build(users[:5])
    with django_assert_num_queries(len(small.captured_queries)):
        digests = build(users)
    assert all(d.item_count == 5 + 1 + 1 for d in digests)
