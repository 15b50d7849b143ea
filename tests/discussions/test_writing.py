"""Writing: start a thread, reply, quote, preview, edit one's own post; bad input refused."""

import pytest

from discussions.models import Follow, Post, PostRevision, Thread
from tests.conftest import assert_too_many
from tests.discussions.conftest import url_in

pytestmark = pytest.mark.django_db

REPLY = "/en/discussions/threads/{pk}/reply/"
NEW = "/en/discussions/new/"


def reply(client, thread, body, **extra):
    return client.post(REPLY.format(pk=thread.pk), {"body": body, "action": "post", **extra})


def test_member_starts_a_thread_and_follows_it(client_for, ian, category):
    response = client_for(ian).post(
        NEW,
        {"category": category.pk, "title": "  Rides to   English class ", "body": "Who drives?"},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/discussions/threads/{thread.pk}/"
    assert thread.title == "Rides to English class"
    assert thread.posts.get().position == 1
    assert Follow.objects.filter(user=ian, thread=thread).exists()


def test_starting_a_thread_in_french(client_for, marie, category):
    page = client_for(marie).get(f"/fr/discussions/nouveau/?category={category.slug_fr}")
    assert "Lancer un fil" in page.content.decode()
    response = client_for(marie).post(
        "/fr/discussions/nouveau/",
        {"category": category.pk, "title": "Covoiturage", "body": "Qui?"},
    )
    thread = Thread.objects.get()
    assert response["Location"] == f"/fr/discussions/fils/{thread.pk}/"


def test_a_thread_keeps_the_language_it_was_written_in_on_pages_of_the_other(
    client_for, marie, ian, category
):
    client_for(marie).post(
        "/fr/discussions/nouveau/",
        {"category": category.pk, "title": "Covoiturage vers Bathurst", "body": "Qui conduit?"},
    )
    thread = Thread.objects.get()
    reply(client_for(ian), thread, "I drive on Tuesdays.")
    assert [post.language for post in thread.posts.order_by("position")] == ["fr", "en"]
    page = client_for(ian).get(url_in("en", thread)).content.decode()
    assert '<h1 lang="fr">Covoiturage vers Bathurst</h1>' in page
    assert (
        '<div class="post-body" lang="en">' in page and '<div class="post-body" lang="fr">' in page
    )
    listing = client_for(ian).get(url_in("en", category)).content.decode()
    assert ' lang="fr">Covoiturage vers Bathurst</a>' in listing


def test_reply_is_numbered_counted_and_followed(client_for, ian, thread):
    response = reply(client_for(ian), thread, "I can lend two sets.")
    thread.refresh_from_db()
    assert thread.reply_count == 1
    post = thread.posts.get(position=2)
    assert response["Location"] == f"/en/discussions/threads/{thread.pk}/#p2"
    assert post.author == ian and post.body == "I can lend two sets."
    assert Follow.objects.get(user=ian, thread=thread).last_notified_position == 2


def test_preview_shows_the_rendered_text_and_saves_nothing(client_for, ian, thread):
    response = client_for(ian).post(
        REPLY.format(pk=thread.pk), {"body": "**Draft** idea", "action": "preview"}
    )
    page = response.content.decode()
    assert "<strong>Draft</strong> idea" in page
    assert "**Draft** idea</textarea>" in page
    assert thread.posts.count() == 1


def test_quoting_a_post_prefills_the_reply(client_for, ian, marie, thread):
    marie.first_name, marie.last_name = "Marie", "Cormier"
    marie.save()
    post = thread.posts.get()
    page = client_for(ian).get(f"{REPLY.format(pk=thread.pk)}?quote={post.pk}").content.decode()
    assert "&gt; **Marie Cormier (@marie) wrote:**" in page
    assert "&gt; Who lends **winter tires**?" in page


def test_author_edits_their_post_which_is_marked_edited_and_keeps_the_old_text(
    client_for, marie, elodie, thread
):
    post = thread.posts.get()
    client = client_for(marie)
    response = client.post(
        f"/en/discussions/posts/{post.pk}/edit/", {"body": "Who lends snow tires?"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Who lends snow tires?" and post.edited_at is not None
    assert PostRevision.objects.get(post=post).body == "Who lends **winter tires**?"
    assert ">edited<" in client.get(url_in("en", thread)).content.decode()
    moderator_page = client_for(elodie).get(f"/fr/discussions/messages/{post.pk}/moderer/")
    assert "Who lends **winter tires**?" in moderator_page.content.decode()


def test_editing_someone_elses_post_is_refused_and_changes_nothing(client_for, ian, thread):
    post = thread.posts.get()
    response = client_for(ian).post(f"/en/discussions/posts/{post.pk}/edit/", {"body": "Hacked"})
    assert response.status_code == 403
    assert "You can only edit your own posts." in response.content.decode()
    post.refresh_from_db()
    assert post.body == "Who lends **winter tires**?" and post.edited_at is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write a message before posting."),
        ("   \n ", "Write a message before posting."),
        ("x" * 100_000, "Your message is 100000 characters long; the limit is 20000."),
        ("<script>alert(1)</script>", "Remove the script, frame or event handler"),
        ('<img src=x onerror="alert(1)">', "Remove the script, frame or event handler"),
        ("[click](javascript:alert(1))", "Remove the script, frame or event handler"),
    ],
)
def test_bad_replies_are_refused_with_a_clear_message_and_nothing_saved(
    client_for, ian, thread, body, message
):
    response = reply(client_for(ian), thread, body)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'class="error-summary"' in page and 'aria-invalid="true"' in page
    assert 'aria-describedby="id_body_helptext id_body_error"' in page
    thread.refresh_from_db()
    assert thread.reply_count == 0 and thread.posts.count() == 1


def test_bad_input_message_in_french_keeps_the_typed_text(client_for, marie, thread):
    response = client_for(marie).post(
        f"/fr/discussions/fils/{thread.pk}/repondre/",
        {"body": "Bonjour <iframe src=https://evil.example></iframe>", "action": "post"},
    )
    page = response.content.decode()
    assert "Retirez le script" in page
    assert "Bonjour &lt;iframe" in page


def test_writing_about_script_tags_in_code_is_allowed(client_for, ian, thread):
    reply(client_for(ian), thread, "Never paste `<script>` tags into the website form.")
    assert thread.posts.filter(position=2).exists()


def test_a_reply_to_a_locked_thread_is_refused(client_for, ian, thread):
    Thread.objects.filter(pk=thread.pk).update(locked=True)
    response = reply(client_for(ian), thread, "Late reply")
    assert response.status_code == 403
    assert "This thread is locked" in response.content.decode()
    assert thread.posts.count() == 1


def test_a_reply_to_a_hidden_thread_is_refused(client_for, ian, elodie, thread):
    Thread.objects.filter(pk=thread.pk).update(hidden=True)
    assert reply(client_for(ian), thread, "Hello?").status_code == 404
    assert reply(client_for(elodie), thread, "Hello?").status_code == 403
    assert thread.posts.count() == 1


def test_a_double_submitted_form_posts_once(client_for, ian, thread):
    client = client_for(ian)
    form = client.get(REPLY.format(pk=thread.pk)).context["form"]
    token = form.initial["token"]
    first = reply(client, thread, "Only once", token=token)
    second = reply(client, thread, "Only once", token=token)
    assert first["Location"] == second["Location"]
    assert thread.posts.count() == 2
    page = client.get(second["Location"]).content.decode()
    assert "it was not posted twice" in page


def test_the_same_reply_sent_again_within_a_minute_is_ignored(client_for, ian, thread):
    client = client_for(ian)
    reply(client, thread, "Same words")
    reply(client, thread, "Same words")
    assert thread.posts.count() == 2


def test_posting_too_fast_is_refused_with_a_clear_message_and_text_kept(client_for, ian, thread):
    client = client_for(ian)
    for n in range(6):
        reply(client, thread, f"Reply number {n}")
    response = reply(client, thread, "One too many")
    assert_too_many(response, "en", "One too many</textarea>")
    assert thread.posts.count() == 7


def test_posts_are_sanitised_on_output_even_if_stored_unsafe(client_for, ian, thread):
    # Text that reached the database some other way (admin, import) is still cleaned.
    unsafe = '<script>alert(1)</script><a href="#" onclick="x()">link</a>'
    Post.objects.filter(thread=thread).update(body=unsafe, body_html=unsafe)
    page = client_for(ian).get(url_in("en", thread)).content.decode()
    assert "<script>alert(1)" not in page and "onclick" not in page
    assert '<a href="#" rel="noopener noreferrer nofollow ugc">link</a>' in page


# Digits Python calls digits but int() refuses, a number beyond any id, a NUL byte.
HOSTILE_IDS = ["²", "٣", "9" * 30, "9" * 5000, "1\x00", "-1", "abc"]


@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_a_hostile_quote_parameter_is_ignored(client_for, ian, thread, value):
    response = client_for(ian).get(REPLY.format(pk=thread.pk), {"quote": value})
    assert response.status_code == 200
    assert "wrote:**" not in response.content.decode()


@pytest.mark.parametrize("param", ["practice", "recommendation", "category"])
@pytest.mark.parametrize("value", [*HOSTILE_IDS, "\x00", "rural\x00housing"])
def test_a_hostile_new_thread_parameter_is_ignored(client_for, ian, category, param, value):
    response = client_for(ian).get(NEW, {param: value})
    assert response.status_code == 200
