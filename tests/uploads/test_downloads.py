"""Who may download what, and how a file leaves: as an attachment that can run nothing."""

import pytest
from django.utils import timezone, translation

from tests.uploads import samples
from uploads import files
from uploads.models import Scan

pytestmark = pytest.mark.django_db
PDF = samples.pdf()


@pytest.fixture
def waiting(media, sam):
    return files.accept(samples.uploaded("Intake <form>.pdf", PDF), uploader=sam)


def mark(upload, scan):
    upload.scan, upload.scanned_at = scan, timezone.now()
    upload.save()


def test_a_clean_file_is_served_as_a_sandboxed_attachment(client, waiting):
    mark(waiting, Scan.CLEAN)
    response = client.get(files.download_url(waiting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Intake <form>.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content) == PDF


def test_the_address_is_translated(waiting):
    with translation.override("fr"):
        assert files.download_url(waiting).startswith(f"/fr/fichiers/{waiting.pk}/")
    assert files.download_url(waiting).startswith(f"/en/files/{waiting.pk}/")


def test_a_file_waiting_for_its_scan_reaches_only_its_uploader_and_editors(
    client, client_for, waiting, sam, marie, elodie
):
    url = files.download_url(waiting)
    assert client.get(url).status_code == 404
    assert client_for(marie).get(url).status_code == 404
    assert client_for(sam).get(url).status_code == 200
    assert client_for(elodie).get(url).status_code == 200
    assert files.can_download(sam, waiting) and not files.can_download(marie, waiting)


def test_an_infected_file_reaches_nobody(client_for, waiting, sam, alex):
    mark(waiting, Scan.INFECTED)
    assert client_for(sam).get(files.download_url(waiting)).status_code == 404
    assert not files.can_download(alex, waiting)


def test_the_preview_is_served_with_the_same_rules(
    client, client_for, media, sam, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload = files.accept(samples.uploaded("poster.png", samples.image("PNG")), uploader=sam)
    upload.refresh_from_db()
    url = files.preview_url(upload)
    assert client.get(url).status_code == 404
    response = client_for(sam).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_missing_upload_is_not_found(client):
    assert client.get("/en/files/999999/x.pdf").status_code == 404
