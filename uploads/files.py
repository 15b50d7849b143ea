"""The door of uploads: accepting, serving and deleting uploaded files (docs/uploads.md).

upload = files.accept(request.FILES["file"], uploader=request.user)   # or ValidationError
files.can_download(request.user, upload); files.download_url(upload); files.discard(upload)
"""

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from uploads import checks, images, tasks
from uploads.keeping import cleanup, discard, discard_orphans, orphans, uploaded_by
from uploads.models import IMAGE_FORMATS, Format, Scan, Upload
from workinggroup import roles

__all__ = [
    "Format",
    "Scan",
    "Upload",
    "UploadField",
    "accept",
    "cleanup",
    "can_download",
    "check_practice_total",
    "discard",
    "discard_orphans",
    "download_url",
    "uploaded_by",
    "orphans",
    "preview_url",
]

check_practice_total = checks.check_practice_total


def sha256_of(stream):
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(1024 * 1024), b""):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def accept(uploaded_file, *, uploader):
    """Checks `uploaded_file` (a Django UploadedFile) and stores it; its scan and preview are
    queued once the transaction commits. A refused file raises ValidationError (its message in
    the active language) and leaves nothing in storage."""
    if uploaded_file is None:
        raise ValidationError(_("Choose a file."), code="required")
    checks.check_size(uploaded_file.size)
    stream = uploaded_file.file
    stream.seek(0)
    file_format = checks.detect(stream)
    content = File(stream)
    if file_format in IMAGE_FORMATS:
        content = ContentFile(images.reencoded(stream, file_format))
        checks.check_size(content.size)
    upload = Upload(
        name=checks.display_name(uploaded_file.name, file_format),
        size=content.size,
        format=file_format,
        sha256=sha256_of(content),
        uploader=uploader if getattr(uploader, "is_authenticated", False) else None,
    )
    upload.file.save("upload", content, save=False)
    try:
        with transaction.atomic():
            upload.save()
    except BaseException:
        upload.file.storage.delete(upload.file.name)
        raise
    # A rolled-back transaction leaves the file without a row: the cleanup deletes it.
    transaction.on_commit(lambda: tasks.scan_and_preview.delay(upload.pk))
    return upload


def can_download(user, upload):
    """Clean: anyone. Waiting for its scan or failed: its uploader and editors. Infected:
    nobody (the file is gone)."""
    if upload.scan == Scan.CLEAN:
        return True
    if upload.scan == Scan.INFECTED or not upload.file:
        return False
    if not getattr(user, "is_authenticated", False):
        return False
    return upload.uploader_id == user.pk or roles.is_editor(user)


def download_url(upload):
    return reverse("uploads:download", args=[upload.pk, upload.name])


def preview_url(upload):
    return reverse("uploads:preview", args=[upload.pk]) if upload.preview else ""


class UploadField(forms.FileField):
    """A file field whose cleaned value is the accepted Upload (or None when left empty).

    Give it the uploader before validation: `form.fields["file"].uploader = request.user`."""

    uploader = None
    default_error_messages = {
        # An upload cut off halfway reaches the form as no file at all (Django drops the part).
        "required": _(
            "Choose a file. If you had chosen one, its upload was interrupted: choose it again."
        ),
        "empty": _("The file is empty (0 bytes). Choose the file again."),
    }

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if not uploaded or uploaded is initial:
            return initial if isinstance(initial, Upload) else None
        return accept(uploaded, uploader=self.uploader)
