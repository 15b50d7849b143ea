"""Flags from members; moderators hide, restore, lock, move and pin, and every act is logged."""

import pytest
from django.core import mail

from discussions.models import Flag, ModerationAction, Thread
from tests.conftest import assert_too_many
from tests.discussions.conftest import start_thread, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def reply(thread, ian):
    return thread.add_reply(ian, "Call me at 613-555-0199 anytime")


def flag(client, post, reason="personal", details=""):
    return client.post(
        f"/en/discussions/posts/{post.pk}/flag/", {"reason": reason, "details": details}
    )


def moderate_post(client, post, action, reason="Phone number in a post"):
    return client.post(
        f"/en/discussions/posts/{post.pk}/moderate/", {"action": action, "reason": reason}
    )


def moderate_thread(client, thread, action, reason="Housekeeping", **extra):
    return client.post(
        f"/en/discussions/threads/{thread.pk}/moderate/",
        {"action": action, "reason": reason, **extra},
    )


def test_member_flags_a_post_and_moderators_see_it_in_the_queue(client_for, marie, elodie, reply):
    response = flag(client_for(marie), reply, details="A personal number")
    assert response.status_code == 302
    assert Flag.objects.get().reason == "personal"
    queue = client_for(elodie).get("/fr/discussions/moderation/").content.decode()
    assert "Contient des renseignements personnels" in queue
    assert "Winter tires for newcomers #2" in queue


def test_flagging_ones_own_post_is_refused(client_for, ian, reply):
    response = flag(client_for(ian), reply)
    assert response.status_code == 403
    assert "You cannot flag your own post" in response.content.decode()
    assert not Flag.objects.exists()


def test_flagging_twice_keeps_one_flag(client_for, marie, reply):
    client = client_for(marie)
    flag(client, reply)
    response = flag(client, reply, reason="spam")
    assert response.status_code == 302
    assert Flag.objects.count() == 1


def test_a_flag_needs_a_reason(client_for, marie, reply):
    response = flag(client_for(marie), reply, reason="")
    assert response.status_code == 400
    assert "Choose a reason." in response.content.decode()
    assert not Flag.objects.exists()


def test_flagging_too_much_is_slowed_down(client_for, marie, ian, thread):
    posts = [thread.add_reply(ian, f"Post {n}") for n in range(11)]
    client = client_for(marie)
    for post in posts[:10]:
        assert flag(client, post).status_code == 302
    response = flag(client, posts[10])
    assert_too_many(response, "en")
    assert Flag.objects.count() == 10


def test_moderator_hides_a_post_members_see_a_placeholder_and_it_is_logged(
    client_for, marie, elodie, reply
):
    flag(client_for(marie), reply)
    assert moderate_post(client_for(elodie), reply, "hide_post").status_code == 302
    reply.refresh_from_db()
    assert reply.hidden
    assert not Flag.objects.filter(resolved=False).exists()
    page = client_for(marie).get(url_in("fr", reply.thread)).content.decode()
    assert "Ce message a été masqué par l'équipe de modération." in page
    assert "613-555-0199" not in page
    action = ModerationAction.objects.get()
    assert (action.moderator, action.kind, action.post) == (elodie, "hide_post", reply)
    assert action.reason == "Phone number in a post"
    log = client_for(elodie).get("/en/discussions/moderation/log/").content.decode()
    assert "Hid a post" in log and "Phone number in a post" in log


def test_moderator_restores_a_hidden_post(client_for, elodie, reply):
    client = client_for(elodie)
    moderate_post(client, reply, "hide_post")
    moderate_post(client, reply, "restore_post", reason="Number was the agency's public line")
    reply.refresh_from_db()
    assert not reply.hidden
    assert list(ModerationAction.objects.values_list("kind", flat=True)) == [
        "restore_post",
        "hide_post",
    ]


def test_every_moderation_action_needs_a_reason(client_for, alex, thread, reply):
    client = client_for(alex)
    response = moderate_thread(client, thread, "lock", reason="")
    assert response.status_code == 400
    assert "every moderation action is recorded" in response.content.decode()
    assert moderate_post(client, reply, "hide_post", reason="").status_code == 400
    thread.refresh_from_db()
    reply.refresh_from_db()
    assert not thread.locked and not reply.hidden
    assert not ModerationAction.objects.exists()


def test_lock_and_unlock(client_for, elodie, ian, thread):
    moderate_thread(client_for(elodie), thread, "lock")
    thread.refresh_from_db()
    assert thread.locked
    page = client_for(ian).get(url_in("en", thread)).content.decode()
    assert "This thread is locked" in page and 'name="body"' not in page
    moderate_thread(client_for(elodie), thread, "unlock")
    thread.refresh_from_db()
    assert not thread.locked


def test_move_a_thread_to_another_category(client_for, alex, thread, other_category):
    response = moderate_thread(client_for(alex), thread, "move", category=other_category.pk)
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.category == other_category
    assert ModerationAction.objects.get().detail == "Rural housing → Employment"


def test_moving_needs_a_category(client_for, alex, thread):
    response = moderate_thread(client_for(alex), thread, "move")
    assert response.status_code == 400
    assert "Choose the category to move the thread to." in response.content.decode()


def test_pinning_puts_a_thread_first(client_for, elodie, ian, thread, category, marie):
    start_thread(category, marie, "A newer thread")
    moderate_thread(client_for(elodie), thread, "pin")
    page = client_for(ian).get(url_in("en", category)).content.decode()
    assert page.index("Winter tires for newcomers") < page.index("A newer thread")


def test_hiding_a_thread_removes_it_for_members_and_from_counts(client_for, elodie, ian, thread):
    moderate_thread(client_for(elodie), thread, "hide_thread")
    assert Thread.objects.get().hidden
    assert client_for(ian).get(url_in("en", thread)).status_code == 404
    assert "0 threads" in client_for(ian).get("/en/discussions/").content.decode()


def moderator_edit(client, post, body, reason="Removed a phone number"):
    return client.post(
        f"/en/discussions/posts/{post.pk}/moderate/edit/", {"body": body, "reason": reason}
    )


def test_moderator_edits_a_post_which_says_so_and_the_author_is_told_in_their_language(
    client_for, marie, elodie, thread, reply, django_capture_on_commit_callbacks
):
    """Issue 16, defect 8: moderators could only hide, restore or dismiss."""
    flag(client_for(marie), reply)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_edit(client_for(elodie), reply, "Call the agency's front desk")
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.body == "Call the agency's front desk" and reply.moderator_edited_at
    assert reply.revisions.get().body == "Call me at 613-555-0199 anytime"
    assert not Flag.objects.filter(resolved=False).exists()
    action = ModerationAction.objects.get()
    assert (action.kind, action.post) == ("edit_post", reply)
    assert action.reason == "Removed a phone number"
    page = client_for(marie).get(url_in("fr", thread)).content.decode()
    assert "modifié par l’équipe de modération" in page and "613-555-0199" not in page
    english = client_for(marie).get(url_in("en", thread)).content.decode()
    assert "edited by a moderator" in english
    log = client_for(elodie).get("/en/discussions/moderation/log/").content.decode()
    assert "Edited a post" in log and "Removed a phone number" in log
    # Ian wrote the reply and reads English.
    assert [m.to for m in mail.outbox] == [["ian@example.org"]]
    email = mail.outbox[0]
    assert email.subject == "A moderator edited your post in “Winter tires for newcomers”"
    assert "Removed a phone number" in email.body and "/en/discussions/threads/" in email.body


def test_an_unchanged_moderator_edit_or_one_without_a_reason_is_refused(client_for, alex, reply):
    client = client_for(alex)
    same = moderator_edit(client, reply, reply.body)
    assert same.status_code == 400 and "The text is unchanged" in same.content.decode()
    no_reason = moderator_edit(client, reply, "New text", reason="")
    assert no_reason.status_code == 400
    assert "New text" in no_reason.content.decode()
    reply.refresh_from_db()
    assert reply.body == "Call me at 613-555-0199 anytime"
    assert not ModerationAction.objects.exists()


def test_members_cannot_use_any_moderation_action(client_for, marie, ian, thread, reply):
    client = client_for(marie)
    assert moderator_edit(client, reply, "Mine now").status_code == 403
    assert moderate_post(client, reply, "hide_post").status_code == 403
    for action in ["lock", "pin", "hide_thread"]:
        assert moderate_thread(client, thread, action).status_code == 403
    reply.refresh_from_db()
    thread.refresh_from_db()
    assert reply.body.startswith("Call me") and not reply.hidden
    assert not (thread.locked or thread.pinned or thread.hidden)
    assert not ModerationAction.objects.exists()


def test_hiding_a_post_or_a_thread_tells_its_author_in_their_language(
    client_for, elodie, alex, thread, reply, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moderate_post(client_for(elodie), reply, "hide_post")
        moderate_post(client_for(elodie), reply, "restore_post")
        moderate_thread(client_for(alex), thread, "hide_thread", reason="Duplicate thread")
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["ian@example.org"], "A moderator hid your post in “Winter tires for newcomers”"),
        (
            ["marie@example.org"],
            "L’équipe de modération a masqué votre fil «\u00a0Winter tires for newcomers\u00a0»",
        ),
    ]
    assert "Phone number in a post" in mail.outbox[0].body
    assert "Duplicate thread" in mail.outbox[1].body


def test_the_post_moderation_page_has_one_heading_per_part(client_for, elodie, reply):
    """Issue 16, defect 8: the heading and the choice's legend both read "Action"."""
    html = client_for(elodie).get(f"/en/discussions/posts/{reply.pk}/moderate/").content.decode()
    assert html.count(">Action<") == 1
    assert "<h2>Your decision</h2>" in html
    assert f"/en/discussions/posts/{reply.pk}/moderate/edit/" in html
