"""Resources in the sharing form: a draft's own page adds, changes and removes them; they go
through review with the text (the editor sees them in the diff) and publication applies them.
Files removed or replaced leave nothing in storage once the version that drops them is out."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from practices.models import PromisingPractice, Resource, Status
from submissions import lifecycle
from submissions.models import DraftUpload, Submission
from tests.uploads.conftest import stored_files
from tests.uploads.samples import pdf, uploaded
from uploads.models import Upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    folder = tmp_path / "media"
    folder.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder)},
        },
    }
    return folder


def kept_files():
    """What storage should hold: the files and previews of the uploads that exist."""
    names = Upload.objects.values_list("file", "preview")
    return sorted(name for pair in names for name in pair if name)


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


HANDOUT = {
    "title_fr": "Feuillet d'accueil",
    "title_en": "Welcome handout",
    "kind": "handout",
    "languages": ["ar", "ti"],
    "action": "save",
}


@pytest.fixture
def draft(author, form_data):
    client = signed_in(author)
    client.post(url("submissions:new"), {**form_data, "action": "save"})
    return client, Submission.objects.get()


def add(client, submission, language="fr", **fields):
    return client.post(url("submissions:resources", language, pk=submission.pk), fields)


def test_author_adds_a_file_and_a_link_to_the_draft(draft, media):
    client, submission = draft
    response = add(client, submission, **HANDOUT, file=uploaded("accueil.pdf", pdf()))
    assert response.status_code == 302
    add(client, submission, **{**HANDOUT, "title_fr": "Carte", "title_en": "Map"},
        url="https://example.org/carte")  # fmt: skip
    submission.refresh_from_db()
    entries = submission.content["resources"]
    assert [e["title_fr"] for e in entries] == ["Feuillet d'accueil", "Carte"]
    upload = Upload.objects.get()
    assert entries[0]["upload"] == upload.pk and entries[0]["languages"] == ["ar", "ti"]
    assert entries[1]["upload"] is None and entries[1]["url"] == "https://example.org/carte"
    assert list(DraftUpload.objects.values_list("upload", flat=True)) == [upload.pk]
    page = client.get(url("submissions:resources", pk=submission.pk)).content.decode()
    assert "Feuillet d&#x27;accueil" in page and "PDF" in page
    # The practice form keeps the resources when the text is saved again.
    client.post(url("submissions:edit", pk=submission.pk),
                {**_form(submission), "action": "save"})  # fmt: skip
    submission.refresh_from_db()
    assert len(submission.content["resources"]) == 2


def _form(submission):
    data = {k: v for k, v in submission.content.items() if k != "resources" and v is not None}
    return {k: ("on" if v is True else v) for k, v in data.items() if v is not False}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_file_accepted_is_kept_when_another_field_has_an_error(draft, language):
    client, submission = draft
    response = add(client, submission, language, kind="handout", languages=["ar"],
                   action="save", file=uploaded("accueil.pdf", pdf()))  # fmt: skip
    assert response.status_code == 400
    html = response.content.decode()
    upload = Upload.objects.get()
    assert f'name="kept_upload" value="{upload.pk}"' in html
    assert ("Give the resource a title" if language == "en" else "Donnez un titre") in html
    # Sent again with a title and without choosing the file again: saved with the same file.
    add(client, submission, language, **HANDOUT, kept_upload=upload.pk)
    submission.refresh_from_db()
    assert submission.content["resources"][0]["upload"] == upload.pk


@pytest.mark.parametrize("language", ["en", "fr"])
def test_neither_file_nor_link_is_refused_in_the_users_language(draft, language):
    client, submission = draft
    html = add(client, submission, language, **HANDOUT).content.decode()
    assert ("Choose a file, or give a link" if language == "en"
            else "Choisissez un fichier ou donnez un lien") in html  # fmt: skip
    submission.refresh_from_db()
    assert submission.content["resources"] == []


def test_a_refused_file_is_reported_and_nothing_is_stored(draft, media):
    client, submission = draft
    html = add(client, submission, "en", **HANDOUT,
               file=uploaded("virus.pdf", b"MZ\x90\x00 not a pdf")).content.decode()  # fmt: skip
    assert 'class="errorlist' in html or "error" in html
    assert Upload.objects.count() == 0 and stored_files(media) == []


def test_another_person_cannot_touch_the_drafts_resources(draft, stranger):
    _client, submission = draft
    response = add(signed_in(stranger), submission, **HANDOUT, url="https://example.org/x")
    assert response.status_code in (403, 404)


def test_review_shows_resources_and_publication_applies_them(
    draft, editor, media, django_capture_on_commit_callbacks
):
    client, submission = draft
    add(client, submission, **HANDOUT, file=uploaded("accueil.pdf", pdf()))
    add(client, submission, **{**HANDOUT, "title_en": "Map", "title_fr": "Carte"},
        url="https://example.org/carte")  # fmt: skip
    client.post(url("submissions:send", pk=submission.pk))
    review = signed_in(editor).get(url("submissions:review", "en", pk=submission.pk))
    assert "Welcome handout" in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(editor).post(url("submissions:review", "en", pk=submission.pk),
                               {"decision": "published"})  # fmt: skip
    practice = PromisingPractice.objects.published().get()
    resources = list(practice.resources.all())
    assert [r.title_en for r in resources] == ["Welcome handout", "Map"]
    assert resources[0].upload is not None and resources[1].url == "https://example.org/carte"
    assert resources[0].languages == ["ar", "ti"]
    assert practice.resource_language_bits and not DraftUpload.objects.exists()
    assert Upload.objects.count() == 1 and stored_files(media) == kept_files()


def test_a_published_resource_changes_only_through_review(
    draft, author, editor, media, django_capture_on_commit_callbacks
):
    client, submission = draft
    add(client, submission, **HANDOUT, file=uploaded("accueil.pdf", pdf()))
    client.post(url("submissions:send", pk=submission.pk))
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.move(submission, Status.PUBLISHED, editor)
    practice = PromisingPractice.objects.published().get()
    old = Resource.objects.get().upload
    # The author replaces the file in a new version: the published one stays until review.
    client.get(url("submissions:practice_edit", pk=practice.pk))
    client.post(url("submissions:practice_edit", pk=practice.pk),
                {**_form(submission), "action": "save"})  # fmt: skip
    version = Submission.objects.get(state=Status.DRAFT)
    key = version.content["resources"][0]["key"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("submissions:resources", pk=version.pk),
            {**HANDOUT, "key": key, "file": uploaded("v2.pdf", pdf(2))},
        )
    assert response.status_code == 302
    assert Resource.objects.get().upload == old  # still the published file
    assert Upload.objects.count() == 2 and stored_files(media) == kept_files()
    review = signed_in(editor).get(url("submissions:review", "en", pk=version.pk))
    assert "Resource: Welcome handout" in review.content.decode()
    client.post(url("submissions:send", pk=version.pk))
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.move(Submission.objects.get(pk=version.pk), Status.PUBLISHED, editor)
    resource = Resource.objects.get()
    assert resource.upload != old and resource.upload.name == "v2.pdf"
    assert not Upload.objects.filter(pk=old.pk).exists()
    assert stored_files(media) == kept_files()  # the replaced file is gone from storage
    assert not any(old.file.name in name for name in stored_files(media))


def test_removing_a_resource_from_a_draft_deletes_its_file(
    draft, media, django_capture_on_commit_callbacks
):
    client, submission = draft
    add(client, submission, **HANDOUT, file=uploaded("accueil.pdf", pdf()))
    submission.refresh_from_db()
    key = submission.content["resources"][0]["key"]
    with django_capture_on_commit_callbacks(execute=True):
        add(client, submission, key=key, action="remove")
    submission.refresh_from_db()
    assert submission.content["resources"] == []
    assert Upload.objects.count() == 0 and stored_files(media) == []


def test_deleting_an_account_keeps_published_files_and_deletes_its_drafts(
    draft, author, editor, media, django_capture_on_commit_callbacks
):
    from uploads import files

    client, submission = draft
    add(client, submission, **HANDOUT, file=uploaded("published.pdf", pdf()))
    client.post(url("submissions:send", pk=submission.pk))
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.move(submission, Status.PUBLISHED, editor)
    practice = PromisingPractice.objects.published().get()
    client.post(url("submissions:practice_edit", pk=practice.pk),
                {**_form(submission), "action": "save"})  # fmt: skip
    version = Submission.objects.get(state=Status.DRAFT)
    client.post(
        url("submissions:resources", pk=version.pk),
        {**HANDOUT, "title_en": "Draft only", "file": uploaded("draft.pdf", pdf())},
    )
    assert Upload.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        author.delete()
        files.discard_orphans()
    assert list(Upload.objects.values_list("name", flat=True)) == ["published.pdf"]
    assert Resource.objects.get().upload.uploader is None
    assert stored_files(media) == kept_files()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_thirty_first_resource_is_refused_with_a_message(draft, language):
    client, submission = draft
    link = {**HANDOUT, "url": "https://example.org/x"}
    entries = [{"key": f"k{i}", "title_en": f"R{i}", "kind": "guide", "languages": ["en"],
                "upload": None, "url": "https://example.org/x"} for i in range(30)]  # fmt: skip
    submission.content = {**submission.content, "resources": entries}
    submission.save()
    response = add(client, submission, language, **link)
    html = client.get(response.url).content.decode()
    assert ("at most 30 resources" if language == "en" else "au plus 30 ressources") in html
    submission.refresh_from_db()
    assert len(submission.content["resources"]) == 30
