"""The admin's read-only list of uploads, and what the scan task does when clamd is down."""

import pytest
from django.test import override_settings

from tests.uploads import samples
from tests.uploads.conftest import stored_files
from uploads import files, tasks
from uploads.models import Scan, Upload

pytestmark = pytest.mark.django_db


def test_admin_lists_uploads_with_their_scan_and_deleting_there_deletes_the_file(
    client_for, alex, sam, media, django_capture_on_commit_callbacks
):
    upload = files.accept(samples.uploaded("intake.pdf", samples.pdf()), uploader=sam)
    client = client_for(alex)
    page = client.get("/en/admin/uploads/upload/?scan__exact=waiting").content.decode()
    assert "intake.pdf" in page and "Waiting for the malware scan" in page
    assert upload.human_size in page
    french = client.get("/fr/admin/uploads/upload/").content.decode()
    assert "En attente de l’analyse antimaliciel" in french
    assert client.get("/en/admin/uploads/upload/add/").status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/admin/uploads/upload/{upload.pk}/delete/", {"post": "yes"})
    assert not Upload.objects.exists()
    assert stored_files(media) == []


@override_settings(CLAMD_URL="unix:///nonexistent/clamd.sock")
def test_with_clamd_down_the_upload_waits_then_is_marked_failed(media, sam):
    upload = files.accept(samples.uploaded("intake.pdf", samples.pdf()), uploader=sam)
    # The quickstart's in-process run leaves it waiting.
    assert tasks.scan_and_preview(upload.pk) == "not scanned"
    upload.refresh_from_db()
    assert upload.scan == Scan.WAITING
    # A worker's last retry marks it failed.
    task = tasks.scan_and_preview
    task.push_request(retries=task.max_retries, is_eager=False, called_directly=False)
    try:
        assert task.run(upload.pk) == "failed"
    finally:
        task.pop_request()
    upload.refresh_from_db()
    assert upload.scan == Scan.FAILED and "unreachable" in upload.scan_detail
    assert files.can_download(sam, upload) and not files.can_download(None, upload)
