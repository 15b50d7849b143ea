"""Who may download what, and how a file leaves: as an attachment that can run nothing."""

import pytest
from django.utils import timezone, translation

from tests.uploads import samples
from uploads import files
from uploads.models import Scan, Upload

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


def test_with_object_storage_a_download_is_a_signed_expiring_link_for_browsers(
    client, settings, sam
):
    options = {
        "bucket_name": "portal",
        "endpoint_url": "http://minio:9000",
        "access_key": "portal",
        "secret_key": "portal-minio-secret",
        "region_name": "us-east-1",
        "querystring_auth": True,
        "querystring_expire": 300,
        "signature_version": "s3v4",
        "addressing_style": "path",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    settings.S3_PUBLIC_ENDPOINT_URL = "http://localhost:9000"
    upload = Upload.objects.create(
        file="uploads/2026/0123456789abcdef",
        name="Guide d’accueil.pdf",
        size=1000,
        format="pdf",
        sha256="0" * 64,
        uploader=sam,
        scan=Scan.CLEAN,
    )
    response = client.get(files.download_url(upload))  # signing needs no connection
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("http://localhost:9000/portal/uploads/2026/0123456789abcdef?")
    assert "X-Amz-Expires=300" in location and "X-Amz-Signature=" in location
    assert "response-content-disposition=attachment" in location
    assert "response-content-type=application%2Fpdf" in location
