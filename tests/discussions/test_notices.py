"""Followers get one email per burst of replies, in their language; mentions notify members."""

from unittest import mock

import pytest
from django.core import mail

from discussions import notices, tasks
from discussions.emails import unfollow_token
from discussions.mentions import mentioned_names
from discussions.models import Follow, Mention
from tests.conftest import make_user
from tests.discussions.conftest import tasks_eager
from workinggroup import roles

pytestmark = pytest.mark.django_db


def post_reply(client, thread, body, language="en"):
    path = (
        "/fr/discussions/fils/{}/repondre/"
        if language == "fr"
        else "/en/discussions/threads/{}/reply/"
    )
    return client.post(path.format(thread.pk), {"body": body, "action": "post"})


def test_a_burst_of_replies_schedules_one_grouped_email_per_follower(
    client_for, ian, marie, thread, django_capture_on_commit_callbacks
):
    """As in production: the first reply schedules the task, the next ones ride on it."""
    client = client_for(ian)
    with tasks_eager(False), mock.patch.object(tasks.notify_followers, "apply_async") as scheduled:
        for n in range(3):
            with django_capture_on_commit_callbacks(execute=True):
                post_reply(client, thread, f"Idea number {n}")
    scheduled.assert_called_once_with((thread.pk,), countdown=notices.FOLLOWER_DELAY)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.notify_followers(thread.pk) == 1
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["marie@example.org"]
    assert email.subject == "3 nouvelles réponses dans «\u00a0Winter tires for newcomers\u00a0»"
    assert "Idea number 0" in email.body and "Idea number 2" in email.body
    assert "/fr/discussions/fils/" in email.body
    html = email.alternatives[0][0]
    assert "Idea number 1" in html


def test_the_follower_email_is_in_english_for_an_english_follower(
    client_for, ian, elodie, thread, django_capture_on_commit_callbacks
):
    Follow.start(ian, thread, 1)
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(client_for(elodie), thread, "Voici une idée", language="fr")
    to_ian = [m for m in mail.outbox if m.to == ["ian@example.org"]]
    assert len(to_ian) == 1
    assert to_ian[0].subject == "New reply in “Winter tires for newcomers”"
    assert "/en/discussions/threads/" in to_ian[0].body


def test_nobody_is_emailed_about_their_own_reply(
    client_for, marie, thread, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(client_for(marie), thread, "Adding to my own question", language="fr")
    assert mail.outbox == []
    assert Follow.objects.get(user=marie, thread=thread).last_notified_position == 2


def test_running_the_task_twice_sends_nothing_twice(
    ian, marie, thread, django_capture_on_commit_callbacks
):
    thread.add_reply(ian, "One")
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.notify_followers(thread.pk) == 1
        assert tasks.notify_followers(thread.pk) == 0
    assert len(mail.outbox) == 1


def test_a_follower_who_left_the_working_group_gets_no_email(
    ian, marie, thread, django_capture_on_commit_callbacks
):
    marie.groups.clear()
    thread.add_reply(ian, "One")
    with django_capture_on_commit_callbacks(execute=True):
        tasks.notify_followers(thread.pk)
    assert mail.outbox == []


def test_hidden_replies_are_left_out_of_the_email(
    ian, marie, thread, django_capture_on_commit_callbacks
):
    thread.add_reply(ian, "Fine reply")
    bad = thread.add_reply(ian, "Rude reply")
    bad.hidden = True
    bad.save()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.notify_followers(thread.pk)
    assert "Fine reply" in mail.outbox[0].body and "Rude reply" not in mail.outbox[0].body


def test_follow_and_unfollow_buttons(client_for, ian, thread):
    client = client_for(ian)
    client.post(f"/en/discussions/threads/{thread.pk}/follow/", {"follow": "1"})
    assert Follow.objects.filter(user=ian, thread=thread).exists()
    page = client.get(f"/en/discussions/threads/{thread.pk}/").content.decode()
    assert "Stop following" in page
    client.post(f"/en/discussions/threads/{thread.pk}/follow/", {"follow": "0"})
    assert not Follow.objects.filter(user=ian, thread=thread).exists()
    assert client.get(f"/en/discussions/threads/{thread.pk}/follow/").status_code == 405


def test_the_email_carries_one_click_unfollow_headers(
    ian, marie, thread, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to("2026-11-02 12:00:00+00:00", tick=False)  # one second for both tokens
    thread.add_reply(ian, "One")
    with django_capture_on_commit_callbacks(execute=True):
        tasks.notify_followers(thread.pk)
    headers = mail.outbox[0].extra_headers
    token = unfollow_token(marie.pk, thread.pk)
    assert headers["List-Unsubscribe"] == (
        f"<http://127.0.0.1:8000/fr/discussions/ne-plus-suivre/{token}/>"
    )
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_unfollow_link_asks_first_then_stops_the_emails(client, marie, thread):
    url = f"/fr/discussions/ne-plus-suivre/{unfollow_token(marie.pk, thread.pk)}/"
    page = client.get(url).content.decode()
    assert "Ne plus recevoir de courriels" in page and "Winter tires for newcomers" in page
    assert Follow.objects.filter(user=marie, thread=thread).exists()
    response = client.post(url)  # no sign-in, no CSRF token: a mail client's one-click POST
    assert response.status_code == 200
    assert not Follow.objects.filter(user=marie, thread=thread).exists()


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


def test_a_mentioned_member_is_emailed_in_their_language(
    client_for, ian, marie, thread, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(client_for(ian), thread, "@marie what do you think?")
    mention_emails = [m for m in mail.outbox if "mentionné" in m.subject]
    assert len(mention_emails) == 1
    assert mention_emails[0].to == ["marie@example.org"]
    assert (
        mention_emails[0].subject
        == "@ian vous a mentionné dans «\u00a0Winter tires for newcomers\u00a0»"
    )
    assert Mention.objects.filter(user=marie).count() == 1


def test_mentions_never_reach_non_members(
    client_for, ian, sam, thread, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(client_for(ian), thread, "@sam and @sam@example.org should see this")
    assert not [m for m in mail.outbox if "sam@example.org" in m.to]


def test_an_ambiguous_handle_needs_the_full_address(
    client_for, ian, marie, thread, django_capture_on_commit_callbacks
):
    make_user("marie@other.example", roles.MEMBER)
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(client_for(ian), thread, "@marie? I mean @marie@other.example")
    mentioned = sorted(
        m.to[0] for m in mail.outbox if "mentioned" in m.subject or "mentionné" in m.subject
    )
    assert mentioned == ["marie@other.example"]


def test_a_mention_added_by_an_edit_notifies_once(
    client_for, ian, elodie, thread, django_capture_on_commit_callbacks
):
    client = client_for(ian)
    post_reply(client, thread, "First draft")
    post = thread.posts.get(position=2)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                f"/en/discussions/posts/{post.pk}/edit/",
                {"body": f"First draft, cc @elodie {_}", "action": "post"},
            )
    assert len([m for m in mail.outbox if m.to == ["elodie@example.org"]]) == 1


def test_a_reply_that_mentions_a_follower_sends_one_email(
    client_for, ian, marie, thread, django_capture_on_commit_callbacks
):
    """Issue 16, defect 7: Marie follows the thread and is mentioned: she had two emails."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(client_for(ian), thread, "@marie what do you think?")
    to_marie = [m for m in mail.outbox if m.to == ["marie@example.org"]]
    assert [m.subject for m in to_marie] == [
        "@ian vous a mentionné dans «\u00a0Winter tires for newcomers\u00a0»"
    ]
