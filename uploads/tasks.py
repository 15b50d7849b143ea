"""The scan and the preview of a new upload, in the background."""

import logging
from datetime import timedelta

from celery import shared_task
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone, translation

from lib.emails import send_templated_email
from uploads import clamav, images, keeping
from uploads.models import Scan, Upload

log = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5, acks_late=True)
def scan_and_preview(self, upload_id):
    upload = Upload.objects.filter(pk=upload_id, scan=Scan.WAITING).first()
    if upload is None or not upload.file:
        return "gone"
    if clamav.configured():
        try:
            with upload.file.open("rb") as stream:
                verdict = clamav.scan(stream)
        except clamav.ScanError as error:
            log.warning("upload %s not scanned: %s", upload_id, error)
            if self.request.called_directly or self.request.is_eager:
                return "not scanned"
            if self.request.retries >= self.max_retries:
                # Editors see it in the admin (scan: failed) and may queue it again.
                mark(upload, Scan.FAILED, str(error)[:200])
                return "failed"
            raise self.retry(countdown=60 * 2**self.request.retries) from error
        if verdict.infected:
            quarantine(upload, verdict.signature)
            return "infected"
        mark(upload, Scan.CLEAN)
    # Without clamd (the quickstart) the upload stays waiting; its preview is made all the same.
    make_preview(upload)
    return upload.scan


def mark(upload, scan, detail=""):
    upload.scan, upload.scan_detail, upload.scanned_at = scan, detail, timezone.now()
    upload.save(update_fields=["scan", "scan_detail", "scanned_at"])


def quarantine(upload, signature):
    """Malware: the file leaves storage at once; the row stays, saying so, for its uploader."""
    storage, names = upload.file.storage, [upload.file.name, upload.preview.name]
    with transaction.atomic():
        upload.file, upload.preview = "", ""
        upload.scan, upload.scan_detail = Scan.INFECTED, signature[:200]
        upload.scanned_at = timezone.now()
        upload.save(update_fields=["file", "preview", "scan", "scan_detail", "scanned_at"])
    for name in names:
        if name:
            storage.delete(name)
    log.warning("upload %s infected (%s): file deleted", upload.pk, signature)
    tell_uploader(upload, signature)


def tell_uploader(upload, signature):
    """An email in the uploader's language: which file, what was found, what to do."""
    uploader = upload.uploader
    if uploader is None or not uploader.email:
        return
    language = uploader.preferred_language or "en"
    with translation.override(language):
        uploaded = formats.date_format(timezone.localtime(upload.created_at), "DATE_FORMAT")
    send_templated_email(
        "uploads/emails/malware",
        [uploader.email],
        {"name": upload.name, "signature": signature, "uploaded": uploaded},
        language,
    )


def make_preview(upload):
    try:
        with upload.file.open("rb") as stream:
            picture = images.preview(stream, upload.format)
    except Exception:  # a preview is a nicety: a file it cannot draw stays downloadable
        log.exception("no preview for upload %s", upload.pk)
        return
    if picture:
        upload.preview.save("preview.webp", ContentFile(picture), save=False)
        upload.save(update_fields=["preview"])


@shared_task
def cleanup_uploads(older_than_hours=24):
    """Daily: orphan uploads and stray stored files (uploads.keeping.cleanup)."""
    rows, stray = keeping.cleanup(timezone.now() - timedelta(hours=older_than_hours))
    return {"uploads": rows, "files": stray}
