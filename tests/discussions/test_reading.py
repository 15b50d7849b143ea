"""Reading: categories, thread lists with unread marks, paged threads, jump to first unread."""

import datetime

import pytest
from django.utils import timezone

from discussions.models import Post, ReadPosition, Thread
from tests.discussions.conftest import add_replies, start_thread, url_in

pytestmark = pytest.mark.django_db


def test_category_list_shows_bilingual_names_and_thread_counts(client_for, ian, thread):
    english = client_for(ian).get("/en/discussions/").content.decode()
    assert "Rural housing" in english and "1 thread" in english
    french = client_for(ian).get("/fr/discussions/").content.decode()
    assert "Logement en milieu rural" in french and "1 fil" in french


def test_category_has_a_slug_in_each_language_and_the_toggle_uses_it(client_for, ian, category):
    response = client_for(ian).get("/fr/discussions/categories/logement-rural/")
    assert response.status_code == 200
    assert 'hreflang="en" href="/en/discussions/categories/rural-housing/"' in (
        response.content.decode()
    )
    # The English slug under /fr/ lands on the French address.
    wrong = client_for(ian).get("/fr/discussions/categories/rural-housing/")
    assert wrong.status_code == 302
    assert wrong["Location"] == "/fr/discussions/categories/logement-rural/"


def test_pinned_threads_come_first_then_latest_activity(client_for, ian, category, marie):
    old = start_thread(category, marie, "Old but pinned")
    Thread.objects.filter(pk=old.pk).update(
        pinned=True, last_activity=timezone.now() - datetime.timedelta(days=30)
    )
    quiet = start_thread(category, marie, "Quiet thread")
    busy = start_thread(category, marie, "Busy thread")
    busy.add_reply(ian, "Latest news")
    Thread.objects.filter(pk=quiet.pk).update(
        last_activity=timezone.now() - datetime.timedelta(days=1)
    )
    page = client_for(ian).get(url_in("en", category)).content.decode()
    assert page.index("Old but pinned") < page.index("Busy thread") < page.index("Quiet thread")


def test_thread_list_marks_new_and_unread_threads_per_member(client_for, ian, elodie, thread):
    client = client_for(ian)
    assert ">New<" in client.get(url_in("en", thread.category)).content.decode()
    client.get(url_in("en", thread))
    add_replies(thread, elodie, 2)
    page = client.get(url_in("en", thread.category)).content.decode()
    assert "2 unread" in page
    client.get(url_in("en", thread))
    page = client.get(url_in("en", thread.category)).content.decode()
    assert "unread" not in page and ">New<" not in page


def test_jump_to_first_unread_lands_on_the_right_page_and_post(client_for, ian, elodie, thread):
    add_replies(thread, elodie, 44)  # 45 posts: pages of 20
    ReadPosition.objects.create(user=ian, thread=thread, position=25)
    response = client_for(ian).get(f"/en/discussions/threads/{thread.pk}/unread/")
    assert response["Location"] == f"/en/discussions/threads/{thread.pk}/?page=2#p26"
    page = client_for(ian).get(f"/en/discussions/threads/{thread.pk}/?page=2").content.decode()
    assert 'id="p26"' in page and 'id="unread"' in page


def test_reading_a_page_moves_the_read_mark_forward_never_back(client_for, ian, elodie, thread):
    add_replies(thread, elodie, 44)
    client = client_for(ian)
    client.get(f"/en/discussions/threads/{thread.pk}/?page=3")
    assert ReadPosition.objects.get(user=ian, thread=thread).position == 45
    client.get(f"/en/discussions/threads/{thread.pk}/?page=1")
    assert ReadPosition.objects.get(user=ian, thread=thread).position == 45


def test_a_page_number_out_of_range_shows_the_last_page(client_for, ian, elodie, thread):
    add_replies(thread, elodie, 21)
    page = client_for(ian).get(f"/en/discussions/threads/{thread.pk}/?page=99").content.decode()
    assert 'id="p22"' in page and 'id="p1"' not in page


def test_thread_page_in_french(client_for, marie, thread):
    page = client_for(marie).get(f"/fr/discussions/fils/{thread.pk}/").content.decode()
    assert "Winter tires for newcomers" in page
    assert "0 réponse" in page and "Répondre" in page
    assert "<strong>winter tires</strong>" in page


def bulk_posts(thread, author, count):
    """`count` replies at once, as add_reply would number them."""
    now = timezone.now()
    Post.objects.bulk_create(
        Post(thread=thread, author=author, body=f"Reply {n}", position=n, created=now)
        for n in range(2, count + 2)
    )
    Thread.objects.filter(pk=thread.pk).update(reply_count=count)
    thread.refresh_from_db()


def test_a_5000_post_thread_opens_at_any_page_in_constant_queries(
    client_for, ian, elodie, thread, django_assert_max_num_queries
):
    bulk_posts(thread, elodie, 4999)
    client = client_for(ian)
    client.get("/en/discussions/")  # session and roles warmed up like any later request
    for page in (1, 125, 250):
        # Why: posts by position range with their authors, the read mark and follow annotated
        # on the thread; no count, no n+1. (Session, user and roles make three more, and the
        # header's count of unread notifications one.)
        with django_assert_max_num_queries(7):
            response = client.get(f"/en/discussions/threads/{thread.pk}/?page={page}")
        assert response.status_code == 200
        assert f'id="p{page * 20}"' in response.content.decode()


def test_a_category_with_20000_threads_lists_in_constant_queries(
    client_for, ian, category, marie, django_assert_max_num_queries
):
    now = timezone.now()
    Thread.objects.bulk_create(
        Thread(
            category=category,
            author=marie,
            title=f"Thread {n}",
            last_activity=now - datetime.timedelta(minutes=n),
        )
        for n in range(20_000)
    )
    client = client_for(ian)
    for page in (1, 400, 800):
        # Why: one count, one page of threads with authors, one lookup of read marks (and the
        # header's count of unread notifications).
        with django_assert_max_num_queries(8):
            response = client.get(f"{url_in('en', category)}?page={page}")
        assert response.status_code == 200
        assert f"Thread {(page - 1) * 25}<" in response.content.decode()
    # Why: counts and latest activity per category come from one aggregate query (and the
    # header's count of unread notifications is one more).
    with django_assert_max_num_queries(5):
        assert "20,000 threads" in client.get("/en/discussions/").content.decode()


def test_the_authors_own_posts_are_never_marked_new(client_for, ian, elodie, thread):
    """Issue 16, defect 7: after replying, the member's own reply showed the "New" badge."""
    client = client_for(ian)
    client.get(thread.get_absolute_url())
    response = client.post(
        f"/en/discussions/threads/{thread.pk}/reply/", {"body": "My idea", "action": "post"}
    )
    html = client.get(response["Location"]).content.decode()
    assert "My idea" in html
    assert ">New<" not in html
    # A reply from someone else after that is new to Ian, and only that one.
    thread.add_reply(elodie, "Another idea")
    html = client.get(thread.get_absolute_url()).content.decode()
    assert html.count(">New<") == 1
    # Marie's own opening post is not new to her even before she opens the thread.
    assert ReadPosition.objects.get(user=thread.author, thread=thread).position == 1


def test_a_mention_links_to_the_members_page(client_for, ian, marie, thread):
    """Issue 16, defect 7: @marie was plain text."""
    thread.add_reply(ian, "Ask @marie. Not in `@marie code` nor [@marie](https://example.org)")
    html = client_for(ian).get(thread.get_absolute_url()).content.decode()
    link = '<a href="/en/discussions/members/marie/" rel="noopener noreferrer nofollow ugc">'
    assert html.count(link) == 1
    assert f"{link}@marie</a>." in html
    member_page = client_for(ian).get("/en/discussions/members/marie/")
    assert member_page.status_code == 200
    assert "Winter tires for newcomers" in member_page.content.decode()
    assert client_for(ian).get("/fr/discussions/membres/marie/").status_code == 200
    assert client_for(ian).get("/en/discussions/members/nobody/").status_code == 404
