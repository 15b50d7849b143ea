"""Editors review: the queue, what changed since the last version, decisions and their emails."""

import pytest
from django.urls import reverse
from django.utils import translation

from practices.models import PromisingPractice, Status
from submissions import lifecycle
from submissions.models import Kind, Submission, Transition
from tests.conftest import make_user
from workinggroup import roles

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"submissions:{name}", kwargs=kwargs or None)


@pytest.fixture
def sent(author, form_data):
    content = {k: v for k, v in form_data.items() if k != "token"}
    submission = Submission.objects.create(author=author, content=content, kind=Kind.NEW)
    lifecycle.move(submission, Status.SUBMITTED, author)
    return submission


@pytest.mark.parametrize("role", [None, roles.SECTOR_USER, roles.MEMBER, roles.IRCC_STAFF])
def test_only_editors_reach_the_review_pages(client_for, sent, role):
    user = make_user(f"{role or 'nobody'}@example.org", role)
    client = client_for(user)
    for page in (url("review_queue"), url("review", pk=sent.pk)):
        assert client.get(page).status_code == 403
    response = client.post(url("review", pk=sent.pk), {"decision": "published"})
    assert response.status_code == 403
    sent.refresh_from_db()
    assert sent.state == Status.SUBMITTED


def test_the_queue_lists_what_waits_oldest_first(client_for, editor, sent, author, form_data):
    second = Submission.objects.create(
        author=author, content={**sent.content, "title_fr": "Deuxième pratique"}
    )
    lifecycle.move(second, Status.SUBMITTED, author)
    Submission.objects.create(author=author, content={"title_fr": "Brouillon privé"})

    page = client_for(editor).get(url("review_queue")).content.decode()

    assert page.index("Cercle de conversation au marché") < page.index("Deuxième pratique")
    assert "Brouillon privé" not in page  # drafts are the author's own


def test_the_queue_does_not_grow_queries(
    client_for, editor, sent, author, django_assert_max_num_queries
):
    for number in range(8):
        other = Submission.objects.create(
            author=author, content={**sent.content, "title_fr": f"Pratique {number}"}
        )
        lifecycle.move(other, Status.SUBMITTED, author)
    client = client_for(editor)
    with django_assert_max_num_queries(8):
        page = client.get(url("review_queue")).content.decode()
    assert page.count("Pratique ") >= 8


def test_publishing_puts_it_online_and_tells_the_author_in_french(
    client_for, editor, sent, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("review", pk=sent.pk), {"decision": "published"})

    assert response.status_code == 302
    practice = PromisingPractice.objects.published().get()
    assert practice.title_fr == "Cercle de conversation au marché"
    (email,) = mailoutbox
    assert email.to == ["amelie@example.org"]
    assert email.subject == "Publiée\u00a0: «\u00a0Cercle de conversation au marché\u00a0»"
    assert "est maintenant publiée" in email.body
    html = email.alternatives[0][0]
    assert '<html lang="fr">' in html
    with translation.override("fr"):
        assert practice.get_absolute_url() in email.body


def test_asking_for_changes_needs_a_message_and_sends_it(
    client_for, editor, sent, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(editor)
    page = client.post(url("review", pk=sent.pk), {"decision": "changes_requested"}).content
    assert b"Write a message for the author" in page
    sent.refresh_from_db()
    assert sent.state == Status.SUBMITTED and not mailoutbox

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("review", pk=sent.pk),
            {"decision": "changes_requested", "message": "Précisez le nombre de bénévoles."},
        )

    sent.refresh_from_db()
    assert sent.state == Status.CHANGES_REQUESTED
    (email,) = mailoutbox
    assert email.subject.startswith("Modifications demandées")
    assert "Précisez le nombre de bénévoles." in email.body


def test_rejecting_tells_the_english_speaking_author_in_english(
    client_for, editor, stranger, form_data, mailoutbox, django_capture_on_commit_callbacks
):
    content = {k: v for k, v in form_data.items() if k != "token"}
    submission = Submission.objects.create(author=stranger, content=content)
    lifecycle.move(submission, Status.SUBMITTED, stranger)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(
            url("review", pk=submission.pk, language="fr"),
            {"decision": "rejected", "message": "It names a client."},
        )
    (email,) = mailoutbox
    assert email.subject.startswith("Not published")
    assert "It names a client." in email.body


def test_the_editor_sees_what_changed_since_the_last_version(
    client_for, editor, author, sent, form_data
):
    lifecycle.move(sent, Status.CHANGES_REQUESTED, editor, "Ajoutez le nombre de familles.")
    author_client = client_for(author)
    data = {**form_data, "outcomes_fr": "Vingt familles y viennent chaque semaine."}
    author_client.post(url("edit", "fr", pk=sent.pk), {**data, "action": "send"})
    sent.refresh_from_db()
    assert sent.state == Status.SUBMITTED

    page = client_for(editor).get(url("review", pk=sent.pk)).content.decode()

    assert "<del>Douze</del>" in page and "<ins>Vingt</ins>" in page
    assert "Ajoutez le nombre de familles." in page  # the history shows the request


def test_an_edit_of_a_published_practice_shows_the_difference_and_waits(
    client_for, editor, author, sent, form_data
):
    lifecycle.move(sent, Status.PUBLISHED, editor)
    practice = PromisingPractice.objects.get()
    client = client_for(author)
    edit_page = url("practice_edit", "fr", pk=practice.pk)
    assert "Cercle de conversation au marché" in client.get(edit_page).content.decode()
    client.post(edit_page, {**form_data, "title_fr": "Cercle du samedi", "action": "send"})
    edit = Submission.objects.get(kind=Kind.EDIT)
    assert edit.state == Status.SUBMITTED

    public = client.get(practice.get_absolute_url()).content.decode()
    assert "Cercle de conversation au marché" in public  # still the published text
    review = client_for(editor).get(url("review", pk=edit.pk)).content.decode()
    assert "<ins>du samedi</ins>" in review or "<ins>du</ins>" in review

    client_for(editor).post(url("review", pk=edit.pk), {"decision": "published"})
    practice.refresh_from_db()
    assert practice.title_fr == "Cercle du samedi"


def test_only_the_leading_organization_and_editors_may_change_a_practice(
    client_for, editor, stranger, sent
):
    lifecycle.move(sent, Status.PUBLISHED, editor)
    practice = PromisingPractice.objects.get()
    assert client_for(stranger).get(url("practice_edit", pk=practice.pk)).status_code == 403
    assert client_for(editor).get(url("practice_edit", pk=practice.pk)).status_code == 200


def test_a_decision_already_made_is_not_made_twice(client_for, editor, sent):
    client = client_for(editor)
    client.post(url("review", pk=sent.pk), {"decision": "published"})
    response = client.post(
        url("review", pk=sent.pk), {"decision": "rejected", "message": "Too late"}, follow=True
    )
    assert "cannot go from" in response.content.decode()
    sent.refresh_from_db()
    assert sent.state == Status.PUBLISHED
    assert Transition.objects.filter(to_state=Status.REJECTED).count() == 0


def test_editors_archive_and_restore_from_the_history_page(client_for, editor, sent):
    lifecycle.move(sent, Status.PUBLISHED, editor)
    practice = PromisingPractice.objects.get()
    client = client_for(editor)
    page = url("practice_history", pk=practice.pk)

    client.post(page, {"message": "The program ended."})
    practice.refresh_from_db()
    assert practice.status == Status.ARCHIVED
    assert client.get(practice.get_absolute_url()).status_code == 404
    assert "The program ended." in client.get(page).content.decode()

    client.post(page, {})
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED


def test_user_text_is_sanitised_in_the_preview(client_for, editor, author, form_data):
    content = {k: v for k, v in form_data.items() if k != "token"}
    # Stored before validation existed, or through the admin: output is still clean.
    content["description_fr"] = "Bonjour <script>alert(1)</script> [lien](javascript:alert(2))"
    submission = Submission.objects.create(author=author, content=content)
    lifecycle.move(submission, Status.SUBMITTED, author)
    page = client_for(editor).get(url("review", pk=submission.pk)).content.decode()
    assert "<script>alert(1)" not in page
    assert "javascript:alert" not in page


def test_practice_text_is_markdown_rendered_and_cleaned_on_the_public_page(
    client_for, editor, author, form_data
):
    content = {k: v for k, v in form_data.items() if k != "token"}
    content["description_fr"] = (
        "Étapes :\n\n- accueillir\n- **écouter**\n\n<img src=x onerror=alert(1)>"
    )
    submission = Submission.objects.create(author=author, content=content)
    lifecycle.move(submission, Status.SUBMITTED, author)
    lifecycle.move(submission, Status.PUBLISHED, editor)
    practice = PromisingPractice.objects.get()
    with translation.override("fr"):
        page = client_for(author).get(practice.get_absolute_url()).content.decode()
    assert "<li><strong>écouter</strong></li>" in page
    assert "onerror" not in page and "<img" not in page


def test_publishing_an_edit_keeps_adaptations_counted_meanwhile(editor, author, sent):
    lifecycle.move(sent, Status.PUBLISHED, editor)
    practice = PromisingPractice.objects.get()
    edit = Submission.objects.create(
        author=author, practice=practice, kind=Kind.EDIT, content=dict(sent.content)
    )
    lifecycle.move(edit, Status.SUBMITTED, author)
    PromisingPractice.objects.filter(pk=practice.pk).update(adaptation_count=3)  # since it was read
    lifecycle.move(edit, Status.PUBLISHED, editor)
    practice.refresh_from_db()
    assert practice.adaptation_count == 3


def test_the_editor_is_warned_of_personal_details_the_author_confirmed(
    client_for, editor, author, form_data
):
    data = {**form_data, "outcomes_fr": "Appelez Marc au 867-555-0199.", "action": "send"}
    data["confirm_no_private_details"] = "on"
    client_for(author).post(url("new", "fr"), data)
    submission = Submission.objects.get()
    page = client_for(editor).get(url("review", pk=submission.pk)).content.decode()
    assert "Check for personal details before publishing" in page
    assert "Results (in French): a phone number" in page


def test_the_french_interface_shows_the_french_title_and_no_stale_message(
    client_for, editor, author, sent, mailoutbox, django_capture_on_commit_callbacks
):
    """Issue 16, defect 5: English title once both exist; old request for changes kept showing."""
    sent.content["title_en"] = "Conversation circle at the market"
    sent.content["summary_en"] = "Weekly meetings at the farmers' market."
    sent.save(update_fields=["content"])
    lifecycle.move(sent, Status.CHANGES_REQUESTED, editor, "Ajoutez le nombre de familles.")
    mine_fr, mine_en = url("mine", "fr"), url("mine", "en")
    page = client_for(author).get(mine_fr).content.decode()
    assert "Ajoutez le nombre de familles." in page  # the request is shown while it applies
    lifecycle.move(sent, Status.SUBMITTED, author)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(url("review", pk=sent.pk), {"decision": "published"})

    (email,) = mailoutbox  # the author reads French
    assert email.subject == "Publiée\u00a0: «\u00a0Cercle de conversation au marché\u00a0»"
    french = client_for(author).get(mine_fr).content.decode()
    assert "Cercle de conversation au marché" in french
    assert "Conversation circle at the market" not in french
    assert "Ajoutez le nombre de familles." not in french  # published since
    english = client_for(author).get(mine_en).content.decode()
    assert "Conversation circle at the market" in english
