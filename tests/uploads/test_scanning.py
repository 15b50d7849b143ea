"""The malware scan against a real clamd (.ci/clamav/start-clamd): EICAR is refused and its
file deleted; a clean PDF becomes available to everyone."""

import pytest

from tests.uploads import samples
from tests.uploads.conftest import stored_files
from uploads import clamav, files
from uploads.models import Scan

pytestmark = [pytest.mark.django_db, pytest.mark.clamav]


def test_clamd_answers():
    assert clamav.ping()


def accepted(name, content, sam, capture):
    with capture(execute=True):
        upload = files.accept(samples.uploaded(name, content), uploader=sam)
    upload.refresh_from_db()
    return upload


def test_eicar_is_refused_deleted_from_storage_and_its_uploader_told_in_their_language(
    client_for, media, marie, sam, mailoutbox, django_capture_on_commit_callbacks
):
    upload = accepted("handout.txt", samples.EICAR, marie, django_capture_on_commit_callbacks)
    assert upload.scan == Scan.INFECTED
    assert upload.scan_detail.startswith("Portal.Test.EICAR")
    assert not upload.file and not upload.preview
    assert stored_files(media) == []
    assert not files.can_download(marie, upload)
    assert client_for(marie).get(files.download_url(upload)).status_code == 404
    [email] = mailoutbox
    assert email.to == ["marie@example.org"]
    assert (
        email.subject
        == "Votre fichier «\u00a0handout.txt\u00a0» a été refusé\u00a0: il contient un maliciel"
    )
    assert "Portal.Test.EICAR" in email.body and "personne ne l’a téléchargé" in email.body


def test_a_clean_pdf_becomes_available_to_everyone(
    client, media, sam, django_capture_on_commit_callbacks
):
    upload = accepted("report.pdf", samples.pdf(pages=2), sam, django_capture_on_commit_callbacks)
    assert upload.scan == Scan.CLEAN and upload.is_available and upload.scanned_at
    assert upload.preview
    assert client.get(files.download_url(upload)).status_code == 200
