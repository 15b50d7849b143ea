"""Uploaded files: the one place where files from outside enter the portal.

A row is a stored file under a random name, with what was found out about it: its detected
format, its size, its checksum and its malware scan. Only `uploads.files` creates, serves and
deletes them (docs/uploads.md).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def stored_name(instance, filename):
    """Never the uploader's name: a random one, by year (the display name is kept apart)."""
    return f"uploads/{timezone.now():%Y}/{uuid.uuid4().hex}"


def preview_name(instance, filename):
    return f"previews/{timezone.now():%Y}/{uuid.uuid4().hex}.webp"


class Format(models.TextChoices):
    """The formats the portal accepts, detected from the content (uploads.checks)."""

    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    XLSX = "xlsx", "XLSX"
    PPTX = "pptx", "PPTX"
    ODT = "odt", "ODT"
    ODS = "ods", "ODS"
    ODP = "odp", "ODP"
    TXT = "txt", "TXT"
    PNG = "png", "PNG"
    JPEG = "jpeg", "JPEG"
    WEBP = "webp", "WebP"
    MP3 = "mp3", "MP3"
    M4A = "m4a", "M4A"
    MP4 = "mp4", "MP4"


IMAGE_FORMATS = (Format.PNG, Format.JPEG, Format.WEBP)


class Scan(models.TextChoices):
    WAITING = "waiting", _("Waiting for the malware scan")
    CLEAN = "clean", _("Scanned: no malware found")
    INFECTED = "infected", _("Malware found: file deleted")
    FAILED = "failed", _("The malware scan failed")


def human_size(size):
    """ "340 KB", "1.2 MB" (« 340 Ko », « 1,2 Mo »): what a worker on a slow line needs."""
    if size < 1024:
        return gettext("%(size)s bytes") % {"size": size}
    if size < 1024 * 1024:
        return gettext("%(size)s KB") % {"size": number_format(round(size / 1024))}
    megabytes = size / (1024 * 1024)
    places = 1 if megabytes < 10 else 0
    return gettext("%(size)s MB") % {"size": number_format(round(megabytes, places), places)}


class Upload(models.Model):
    file = models.FileField(_("file"), upload_to=stored_name, max_length=200, blank=True)
    # The uploader's file name, cleaned for display (uploads.checks.display_name).
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    format = models.CharField(_("format"), max_length=8, choices=Format.choices)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    uploader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploads",
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    scan = models.CharField(
        _("malware scan"), max_length=10, choices=Scan.choices, default=Scan.WAITING
    )
    scanned_at = models.DateTimeField(_("scanned"), null=True, blank=True)
    # What the scanner said (a signature's name); for editors and the admin only.
    scan_detail = models.CharField(_("scan result"), max_length=200, blank=True)
    preview = models.FileField(_("preview"), upload_to=preview_name, max_length=200, blank=True)

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["scan", "created_at"], name="upload_scan_created")]

    def __str__(self):
        return self.name

    @property
    def is_available(self):
        """Anyone may download it: the scan found nothing."""
        return self.scan == Scan.CLEAN

    @property
    def human_size(self):
        return human_size(self.size)

    @property
    def label(self):
        """ "PDF, 340 KB" / « PDF, 340 Ko »."""
        return gettext("%(format)s, %(size)s") % {
            "format": self.get_format_display(),
            "size": self.human_size,
        }

    @property
    def is_image(self):
        return self.format in IMAGE_FORMATS
