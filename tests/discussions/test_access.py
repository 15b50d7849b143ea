"""Only members read and write discussions; only editors and administrators moderate.

Every view, every role, both languages. Non-members never see a title or a count."""

import pytest
from django.urls import reverse
from django.utils import translation

from discussions.emails import unfollow_token
from discussions.models import Flag, Thread
from tests.discussions.conftest import start_thread, url_in

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Winter tires for newcomers"


def member_views(thread, post):
    """(view name, kwargs) of every members-only page, GET."""
    return [
        ("discussions:category_list", {}),
        ("discussions:category", {"slug": thread.category.slug}),
        ("discussions:thread_new", {}),
        ("discussions:thread", {"pk": thread.pk}),
        ("discussions:thread_unread", {"pk": thread.pk}),
        ("discussions:reply", {"pk": thread.pk}),
        ("discussions:post", {"pk": post.pk}),
        ("discussions:post_edit", {"pk": post.pk}),
        ("discussions:post_flag", {"pk": post.pk}),
    ]


def moderator_views(thread, post):
    return [
        ("discussions:moderation_queue", {}),
        ("discussions:moderation_log", {}),
        ("discussions:thread_moderate", {"pk": thread.pk}),
        ("discussions:post_moderate", {"pk": post.pk}),
    ]


def urls(views, language):
    with translation.override(language):
        return [reverse(name, kwargs=kwargs) for name, kwargs in views]


@pytest.fixture
def post(thread):
    return thread.posts.get()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_anonymous_visitors_are_sent_to_sign_in_everywhere(client, thread, post, language):
    for url in urls(member_views(thread, post) + moderator_views(thread, post), language):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"] or "/connexion/" in response["Location"], url


@pytest.mark.parametrize("language", ["en", "fr"])
def test_sector_user_is_refused_everywhere_and_sees_no_title(
    client_for, sam, thread, post, language
):
    client = client_for(sam)
    for url in urls(member_views(thread, post) + moderator_views(thread, post), language):
        response = client.get(url)
        assert response.status_code == 403, url
        assert SECRET_TITLE not in response.content.decode(), url


def test_sector_user_cannot_write_follow_or_flag(client_for, sam, thread, post):
    client = client_for(sam)
    with translation.override("en"):
        posts = [
            (reverse("discussions:thread_new"), {"title": "x", "body": "y"}),
            (reverse("discussions:reply", args=[thread.pk]), {"body": "y"}),
            (reverse("discussions:follow", args=[thread.pk]), {"follow": "1"}),
            (reverse("discussions:post_flag", args=[post.pk]), {"reason": "spam"}),
            (reverse("discussions:post_edit", args=[post.pk]), {"body": "changed"}),
        ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert thread.posts.count() == 1
    assert not Flag.objects.exists()
    assert not sam.discussion_follows.exists()


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("persona", ["marie", "ian", "elodie", "alex"])
def test_members_and_staff_read_every_members_page(
    client_for, request, thread, post, persona, language
):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    for url in urls(member_views(thread, post), language):
        response = client.get(url, follow=True)
        assert response.status_code == expected_status(url, user, thread), url
        assert response.content.decode().count("<h1") == 1, url


def expected_status(url, user, thread):
    """Only the author edits a post; anyone but the author may flag it."""
    is_author = user == thread.author
    if "/flag/" in url or "/signaler/" in url:
        return 403 if is_author else 200
    if "/edit/" in url or "/modifier/" in url:
        return 200 if is_author else 403
    return 200


@pytest.mark.parametrize("persona", ["marie", "ian"])
def test_members_who_are_not_moderators_cannot_moderate(client_for, request, thread, post, persona):
    client = client_for(request.getfixturevalue(persona))
    for url in urls(moderator_views(thread, post), "en"):
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("discussions:thread_moderate", args=[thread.pk]),
        {"action": "lock", "reason": "because"},
    )
    assert response.status_code == 403
    thread.refresh_from_db()
    assert not thread.locked


@pytest.mark.parametrize("persona", ["elodie", "alex"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_editors_and_administrators_open_the_moderation_pages(
    client_for, request, thread, post, persona, language
):
    client = client_for(request.getfixturevalue(persona))
    for url in urls(moderator_views(thread, post), language):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count("<h1") == 1, url
    assert "Moderation queue" in client.get("/en/discussions/").content.decode()


def test_discussions_link_in_the_menu_is_for_members_only(client, client_for, sam, marie):
    assert "/en/discussions/" not in client.get("/en/").content.decode()
    assert "/en/discussions/" not in client_for(sam).get("/en/").content.decode()
    assert 'href="/fr/discussions/"' in client_for(marie).get("/fr/").content.decode()


def test_a_hidden_thread_is_not_found_for_members_but_open_to_moderators(
    client_for, thread, marie, ian, elodie
):
    thread.hidden = True
    thread.save()
    assert client_for(ian).get(url_in("en", thread)).status_code == 404
    category_page = client_for(ian).get(url_in("en", thread.category)).content.decode()
    assert SECRET_TITLE not in category_page
    assert client_for(elodie).get(url_in("en", thread)).status_code == 200


def test_the_category_list_counts_the_threads_each_person_sees_on_the_category_page(
    client_for, category, thread, marie, ian, elodie
):
    """A moderator sees hidden threads in a category; its count in the list says so too."""
    hidden = start_thread(category, marie, "Removed for now")
    Thread.objects.filter(pk=hidden.pk).update(hidden=True)
    moderator = client_for(elodie)
    assert "Removed for now" in moderator.get(url_in("en", category)).content.decode()
    assert "2 threads" in moderator.get("/en/discussions/").content.decode()
    member = client_for(ian)
    assert "Removed for now" not in member.get(url_in("en", category)).content.decode()
    listing = member.get("/en/discussions/").content.decode()
    assert "1 thread " in listing and "2 threads" not in listing


def test_unfollow_link_from_an_email_hides_the_title_from_someone_no_longer_member(
    client, thread, marie
):
    marie.groups.clear()
    url = reverse("discussions:unfollow_email", args=[unfollow_token(marie.pk, thread.pk)])
    response = client.get(url)
    assert response.status_code == 200
    assert SECRET_TITLE not in response.content.decode()


def test_a_forged_unfollow_token_is_not_found(client, thread, marie):
    token = unfollow_token(marie.pk, thread.pk)[:-2] + "xx"
    assert client.get(reverse("discussions:unfollow_email", args=[token])).status_code == 404
