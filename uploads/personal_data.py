"""The files a person uploaded (their names, formats, sizes and scans; not their content)."""

from lib.exports import rows
from uploads.models import Upload


def export(user):
    return {
        "uploads": rows(
            Upload.objects.filter(uploader=user).order_by("created_at"),
            "id",
            "name",
            "format",
            "size",
            "sha256",
            "scan",
            "created_at",
        )
    }
