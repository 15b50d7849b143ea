"""The state machine: every allowed move, who may make it, and every other move refused."""

import pytest
from django.utils import translation

from notifications.models import Notification
from practices.models import PromisingPractice, Status
from submissions import lifecycle
from submissions.models import Kind, Submission, Transition

D, S, C, P, R, A = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.CHANGES_REQUESTED,
    Status.PUBLISHED,
    Status.REJECTED,
    Status.ARCHIVED,
)


def make_submission(author, content, state=D):
    return Submission.objects.create(author=author, content=content, state=state, kind=Kind.NEW)


@pytest.fixture
def content(form_data):
    data = dict(form_data)
    data.pop("token")
    return data


@pytest.mark.parametrize(
    ("source", "target", "who", "message"),
    [
        (D, S, "author", ""),
        (C, S, "author", ""),
        (S, C, "editor", "Add the number of families."),
        (S, P, "editor", ""),
        (S, R, "editor", "This describes a client, not a program."),
    ],
)
def test_each_allowed_move_is_made_and_recorded(
    source, target, who, message, author, editor, content, mailoutbox
):
    submission = make_submission(author, content, state=source)
    actor = {"author": author, "editor": editor}[who]

    step = lifecycle.move(submission, target, actor, message)

    submission.refresh_from_db()
    assert submission.state == target
    recorded = Transition.objects.get(pk=step.pk)
    assert (recorded.actor, recorded.from_state, recorded.to_state, recorded.message) == (
        actor,
        source,
        target,
        message,
    )


@pytest.mark.parametrize(
    ("source", "target", "who"),
    [
        (D, S, "editor"),  # an editor does not send someone else's draft
        (D, S, "stranger"),
        (C, S, "stranger"),
        (S, P, "author"),  # nobody publishes their own practice
        (S, C, "author"),
        (S, R, "author"),
        (S, P, "stranger"),
    ],
)
def test_a_move_by_the_wrong_person_is_refused(
    source, target, who, author, editor, stranger, content
):
    submission = make_submission(author, content, state=source)
    actor = {"author": author, "editor": editor, "stranger": stranger}[who]

    with pytest.raises(lifecycle.IllegalTransition):
        lifecycle.move(submission, target, actor, "A message.")

    submission.refresh_from_db()
    assert submission.state == source
    assert not Transition.objects.exists()


@pytest.mark.parametrize(
    ("source", "target"),
    [(D, P), (D, C), (D, R), (C, P), (R, P), (R, S), (P, S), (P, D), (S, S), (P, A)],
)
def test_a_move_the_machine_does_not_know_is_refused(source, target, author, editor, content):
    submission = make_submission(author, content, state=source)
    actor = author if target == S else editor

    with pytest.raises(lifecycle.IllegalTransition):
        lifecycle.move(submission, target, actor, "A message.")

    submission.refresh_from_db()
    assert submission.state == source


@pytest.mark.parametrize("target", [C, R])
def test_asking_for_changes_or_rejecting_needs_a_message(target, author, editor, content):
    submission = make_submission(author, content, state=S)
    with pytest.raises(lifecycle.IllegalTransition):
        lifecycle.move(submission, target, editor, "   ")
    submission.refresh_from_db()
    assert submission.state == S


def test_publishing_a_new_practice_creates_it_online(author, editor, content):
    submission = make_submission(author, content, state=S)

    lifecycle.move(submission, P, editor)

    practice = PromisingPractice.objects.get()
    assert practice.status == P
    assert practice.title_fr == "Cercle de conversation au marché"
    assert practice.has_fr and not practice.has_en
    assert practice.published_at and practice.confirmed_at
    assert practice.lead_organization_id == content["lead_organization"]
    assert list(practice.themes.values_list("pk", flat=True)) == content["themes"]
    submission.refresh_from_db()
    assert submission.practice == practice


def test_an_edit_replaces_the_published_text_only_when_published(author, editor, content):
    first = make_submission(author, content, state=S)
    lifecycle.move(first, P, editor)
    practice = PromisingPractice.objects.get()
    edit = Submission.objects.create(
        author=author,
        practice=practice,
        kind=Kind.EDIT,
        content={**content, "title_fr": "Cercle de conversation du samedi"},
    )
    lifecycle.move(edit, S, author)

    practice.refresh_from_db()
    assert practice.title_fr == "Cercle de conversation au marché"  # still the published text

    lifecycle.move(edit, P, editor)

    practice.refresh_from_db()
    assert practice.title_fr == "Cercle de conversation du samedi"
    assert PromisingPractice.objects.count() == 1


def test_archiving_and_restoring_a_practice_is_for_editors_and_recorded(author, editor, content):
    submission = make_submission(author, content, state=S)
    lifecycle.move(submission, P, editor)
    practice = PromisingPractice.objects.get()

    with pytest.raises(lifecycle.IllegalTransition):
        lifecycle.move_practice(practice, A, author, "Ended.")
    with pytest.raises(lifecycle.IllegalTransition):
        lifecycle.move_practice(practice, A, editor, "")  # a reason is required

    lifecycle.move_practice(practice, A, editor, "The program ended in 2025.")
    practice.refresh_from_db()
    assert practice.status == A
    assert not PromisingPractice.objects.published().exists()

    lifecycle.move_practice(practice, P, editor)
    practice.refresh_from_db()
    assert practice.status == P
    steps = list(Transition.objects.filter(practice=practice).values_list("from_state", "to_state"))
    assert steps[-2:] == [(P, A), (A, P)]


def test_one_open_version_per_practice(author, editor, content):
    from django.db import IntegrityError

    submission = make_submission(author, content, state=S)
    lifecycle.move(submission, P, editor)
    practice = PromisingPractice.objects.get()
    Submission.objects.create(author=author, practice=practice, kind=Kind.EDIT, content=content)
    with pytest.raises(IntegrityError):
        Submission.objects.create(
            author=editor, practice=practice, kind=Kind.TRANSLATION, content=content
        )


def test_each_decision_reaches_the_authors_notification_centre(author, editor, content, client):
    """Issue 16: review decisions in the notification centre, leading to their place."""
    asked = make_submission(author, content, state=S)
    lifecycle.move(asked, C, editor, "Add the number of families.")
    published = make_submission(author, {**content, "title_fr": "Une autre"}, state=S)
    lifecycle.move(published, P, editor)
    notes = list(Notification.objects.filter(recipient=author).order_by("pk"))
    assert [(n.kind, n.detail) for n in notes] == [
        ("review", "changes_requested"),
        ("review", "published"),
    ]
    published.refresh_from_db()
    with translation.override("fr"):
        assert notes[0].target_url() == f"/fr/partager/{asked.pk}/"
        assert notes[1].target_url() == published.practice.get_absolute_url()
    client.force_login(author)
    page = client.get("/fr/notifications/").content.decode()
    assert "L’équipe éditoriale demande des modifications" in page
    assert "est publiée" in page
