"""The demo forum `make run` shows: bilingual categories and threads, loaded once."""

import pytest

from discussions import demo
from discussions.models import Category, ModerationAction, Post, Thread
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_demo_data_loads_twice_without_duplicates(db):
    demo.load()
    demo.load()
    assert Category.objects.count() == 4
    assert Thread.objects.count() == 5
    assert Post.objects.filter(position=1).count() == 5
    assert Category.objects.get(slug_en="regions").name_fr == "Nouvelles des régions"


def test_demo_shows_moderation_a_pinned_and_a_locked_thread_and_a_moderator_edit(db):
    demo.load()
    assert Thread.objects.filter(pinned=True).exists()
    assert Thread.objects.filter(locked=True).exists()
    edited = Post.objects.get(moderator_edited_at__isnull=False)
    assert "506-555" not in edited.body and edited.revisions.exists()
    assert sorted(ModerationAction.objects.values_list("kind", flat=True)) == [
        "edit_post",
        "lock",
        "pin",
    ]
    assert Category.objects.get(default_for="recommendation").slug_en == "recommendations"


def test_demo_accounts_find_replies_and_mentions_in_their_notifications(db):
    demo.load()
    member = Notification.objects.filter(recipient__email="member@demo.example")
    assert set(member.values_list("kind", flat=True)) == {"mention", "reply"}
    editor = Notification.objects.filter(recipient__email="editor@demo.example")
    assert editor.filter(kind="reply").exists()
