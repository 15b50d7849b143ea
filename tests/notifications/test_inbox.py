"""The notification centre: replies, mentions, review decisions, adaptations and recommendation
news in one list, in the reader's language, each leading to its place; read and unread."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from notifications import inbox
from notifications.models import Kind, Notification
from practices import demo as practices_demo
from practices.models import PromisingPractice
from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db

HEADER = Template("{% load notifications %}{% notifications_nav_link %}")


def reply(client, thread, body):
    return client.post(
        f"/en/discussions/threads/{thread.pk}/reply/", {"body": body, "action": "post"}
    )


def test_a_reply_reaches_the_followers_and_a_mention_the_mentioned_once(
    client_for, ian, marie, elodie, thread
):
    thread.add_reply(elodie, "Following along")  # Élodie follows by replying
    reply(client_for(ian), thread, "@marie: the library lends tires")
    # Marie is mentioned and follows: one notification, the mention; Élodie gets the reply.
    assert list(Notification.objects.filter(recipient=marie).values_list("kind", flat=True)) == [
        "mention"
    ]
    assert list(Notification.objects.filter(recipient=elodie).values_list("kind", flat=True)) == [
        "reply"
    ]
    assert not Notification.objects.filter(recipient=ian).exists()


def test_the_centre_speaks_the_readers_language_and_leads_to_the_post(
    client_for, ian, marie, thread
):
    reply(client_for(ian), thread, "@marie look at this")
    client = client_for(marie)
    page = client.get("/fr/notifications/").content.decode()
    assert "@ian vous a mentionné dans «\u00a0Winter tires for newcomers\u00a0»" in page
    assert "1 non lue" in page
    notification = Notification.objects.get(recipient=marie)
    opened = client.get(f"/fr/notifications/{notification.pk}/")
    assert opened.status_code == 302
    assert opened["Location"] == f"/fr/discussions/fils/{thread.pk}/#p2"
    notification.refresh_from_db()
    assert notification.read_at is not None
    english = client.get("/en/notifications/").content.decode()
    assert "@ian mentioned you in “Winter tires for newcomers”" in english
    assert "0 unread" in english


def test_mark_one_and_mark_all_as_read_without_javascript(client_for, ian, marie, thread):
    for n in range(3):
        thread.add_reply(ian, f"Reply {n}")
    inbox.notify([marie], Kind.REPLY, thread, ian, "#p2")
    inbox.notify([marie], Kind.REPLY, thread, ian, "#p3")
    inbox.notify([marie], Kind.REPLY, thread, ian, "#p4")
    first = Notification.objects.filter(recipient=marie).first()
    client = client_for(marie)
    response = client.post(f"/en/notifications/{first.pk}/read/")
    assert response.status_code == 302 and response["Location"] == "/en/notifications/"
    assert inbox.unread_count(marie) == 2
    client.post("/en/notifications/read/")
    assert inbox.unread_count(marie) == 0
    page = client.get("/en/notifications/").content.decode()
    assert "All your notifications are marked as read." in page
    assert "Mark all as read" not in page


def test_nobody_opens_or_marks_someone_elses_notifications(client_for, ian, marie, thread):
    inbox.notify([marie], Kind.REPLY, thread, ian, "#p1")
    theirs = Notification.objects.get()
    client = client_for(ian)
    assert client.get(f"/en/notifications/{theirs.pk}/").status_code == 404
    client.post(f"/en/notifications/{theirs.pk}/read/")
    client.post("/en/notifications/read/")
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert "Winter tires" not in client.get("/en/notifications/").content.decode()


def test_visitors_are_sent_to_sign_in(client):
    response = client.get("/en/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_hidden_thread_is_not_named(client_for, ian, marie, thread):
    inbox.notify([marie], Kind.REPLY, thread, ian, "#p1")
    thread.hidden = True
    thread.save()
    page = client_for(marie).get("/en/notifications/").content.decode()
    assert "Winter tires" not in page
    assert "no longer there" in page


def test_the_header_count_is_one_query(django_assert_num_queries, ian, marie, thread):
    inbox.notify([marie], Kind.REPLY, thread, ian, "#p1")
    inbox.notify([marie], Kind.MENTION, thread, ian, "#p1")
    request = RequestFactory().get("/")
    request.user = marie
    with django_assert_num_queries(1), translation.override("en"):
        html = HEADER.render(Context({"request": request}))
    assert 'href="/en/notifications/"' in html and ">2<" in html


def test_the_centre_lists_every_kind_in_constant_queries(
    client_for, django_assert_num_queries, ian, marie, thread
):
    practices_demo.load()
    practice = PromisingPractice.objects.published().order_by("pk").first()
    item = Recommendation.objects.order_by("order").first()

    def add(rounds):
        for _ in range(rounds):
            inbox.notify([marie], Kind.REPLY, thread, ian, "#p1")
            inbox.notify([marie], Kind.ADAPTATION, practice, ian, "#adaptation-1")
            inbox.notify([marie], Kind.RECOMMENDATION_STATUS, item, ian, "#update-1")
            inbox.notify([marie], Kind.REVIEW_DECISION, practice, ian, detail="published")

    client = client_for(marie)
    add(1)
    client.get("/en/notifications/")  # warm the content-type cache and the session
    with django_assert_num_queries(10) as few:
        page = client.get("/en/notifications/")
    add(6)
    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get("/en/notifications/")
    html = page.content.decode()
    assert f"@ian recorded an adaptation of your practice “{practice.title}”" in html
    assert f"Your practice “{practice.title}” is published" in html
    assert f"New status update on “{item}”" in html
