"""Your data lists your uploads; deleting your account deletes the files nothing refers to."""

import json

import pytest

from portal import personal_data
from tests.uploads import samples
from tests.uploads.conftest import stored_files
from uploads import files
from uploads.models import Upload

pytestmark = pytest.mark.django_db


def test_your_data_lists_your_uploads_and_not_others(client_for, media, sam, marie):
    files.accept(samples.uploaded("intake.pdf", samples.pdf()), uploader=sam)
    files.accept(samples.uploaded("other.pdf", samples.pdf()), uploader=marie)
    data = json.loads(client_for(sam).get("/en/my-data/download/").content)
    assert [(u["name"], u["format"], u["scan"]) for u in data["uploads"]] == [
        ("intake.pdf", "pdf", "waiting")
    ]


def test_deleting_an_account_deletes_its_unreferenced_files(
    media, sam, marie, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        files.accept(samples.uploaded("draft.pdf", samples.pdf()), uploader=sam)
        kept = files.accept(samples.uploaded("other.pdf", samples.pdf()), uploader=marie)
    kept.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        personal_data.delete_account(sam)
    assert list(Upload.objects.all()) == [kept]
    assert set(stored_files(media)) == {kept.file.name, kept.preview.name}
