"""Any title gives a working page; invisible or reordered titles are refused; an unsent draft
does not hold a published practice forever (issue 17)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from practices.models import PromisingPractice, Status
from submissions import lifecycle
from submissions.models import Submission
from tests.conftest import make_user
from workinggroup import roles

pytestmark = pytest.mark.django_db


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"submissions:{name}", kwargs=kwargs or None)


def publish(author, editor, form_data, client_for, **titles):
    client = client_for(author)
    client.post(url("new"), {**form_data, **titles, "action": "send"})
    submission = Submission.objects.latest("pk")
    lifecycle.move(submission, Status.PUBLISHED, editor, notify=False)
    submission.refresh_from_db()
    return submission.practice


@pytest.mark.parametrize(
    "title",
    ["ركن القهوة للنساء", "ᐃᓄᒃᑎᑐᑦ ᐅᖃᓪᓚᒃᑐᓕᕆᓂᖅ", "🏠🚌", "!!! ... ???"],
    ids=["arabic", "inuktitut-syllabics", "emoji-only", "punctuation-only"],
)
def test_any_title_gives_a_page_that_opens(client, client_for, author, editor, form_data, title):
    practice = publish(author, editor, form_data, client_for, title_fr=title)
    assert practice.slug_en and practice.slug_fr and practice.slug_fr.strip("-")
    for language in ("en", "fr"):
        with translation.override(language):
            address = practice.get_absolute_url()
        response = client.get(address)
        assert response.status_code == 200, (language, address)
        assert title in response.content.decode()


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("\u200b\u200c\u2060", "des caractères invisibles n’affichent rien"),
        ("Cercle\u202e de conversation", "changent le sens d’écriture"),
    ],
)
def test_titles_that_hide_or_reorder_text_are_refused(client_for, author, form_data, title,
                                                      message):  # fmt: skip
    response = client_for(author).post(
        url("new"), {**form_data, "title_fr": title, "action": "save"}
    )
    assert message in response.content.decode()
    assert not Submission.objects.exists()


@pytest.fixture
def held(client_for, author, editor, form_data):
    """A published practice, and an unsent draft of a change to it by its author."""
    practice = publish(author, editor, form_data, client_for)
    client_for(author).post(url("practice_edit", pk=practice.pk), {**form_data, "action": "save"})
    return practice, Submission.objects.get(practice=practice, state=Status.DRAFT)


def test_a_forgotten_draft_stops_holding_the_practice(
    client_for, bulkley, held, mailoutbox, django_capture_on_commit_callbacks
):
    practice, draft = held
    colleague = make_user("colleague@example.org", roles.SECTOR_USER, organization=bulkley)
    client = client_for(colleague)
    response = client.get(url("practice_edit", "en", pk=practice.pk))
    assert response.status_code == 302 and response.url == practice.get_absolute_url()  # held
    Submission.objects.filter(pk=draft.pk).update(
        updated_at=timezone.now() - lifecycle.DRAFT_LOCK - timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url("practice_edit", "en", pk=practice.pk))
    assert response.status_code == 200  # the colleague may change it now
    draft.refresh_from_db()
    assert draft.state == Status.REJECTED and draft.content  # the author's text is kept
    assert mailoutbox[0].to == [draft.author.email]


def test_an_editor_releases_a_draft_and_others_cannot(client_for, held, editor, stranger):
    practice, draft = held
    release = url("release_draft", "en", pk=practice.pk)
    assert client_for(stranger).post(release, {"message": "Mine now"}).status_code == 403
    history = client_for(editor).get(url("practice_history", "en", pk=practice.pk))
    assert "An unsent draft holds this practice" in history.content.decode()
    client_for(editor).post(release, {"message": "Sent by the board instead."})
    draft.refresh_from_db()
    assert draft.state == Status.REJECTED
    assert draft.transitions.last().message == "Sent by the board instead."
    assert PromisingPractice.objects.get(pk=practice.pk).status == Status.PUBLISHED


def test_practices_saved_before_the_fallback_get_a_slug_that_opens(
    client, client_for, author, editor, form_data
):
    """Migration practices 0009: a slug of dashes alone (an emoji title before issue 17) or an
    empty one is replaced by the slug a save gives today, and the page opens."""
    from importlib import import_module  # a migration module's name starts with a digit

    from django.apps import apps

    repair = import_module("practices.migrations.0009_repair_empty_slugs").repair_slugs
    practice = publish(author, editor, form_data, client_for, title_fr="🏠🚌")
    kept = publish(author, editor, form_data, client_for, title_fr="Cercle de cuisine")
    PromisingPractice.objects.filter(pk=practice.pk).update(slug_en="-", slug_fr="")
    repair(apps, None)
    practice.refresh_from_db()
    kept_slugs = (kept.slug_en, kept.slug_fr)
    kept.refresh_from_db()
    assert (practice.slug_en, practice.slug_fr) != ("-", "")
    assert practice.slug_en.strip("-") and practice.slug_fr.strip("-")
    assert (kept.slug_en, kept.slug_fr) == kept_slugs
    for language in ("en", "fr"):
        with translation.override(language):
            assert client.get(practice.get_absolute_url()).status_code == 200
