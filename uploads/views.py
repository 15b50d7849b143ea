"""Downloads: a file leaves the portal as an attachment, never as a page of its origin."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from uploads import files
from uploads.checks import CONTENT_MIME_TYPES
from uploads.models import Upload

# Even opened by mistake in the portal's origin, the file can run nothing and load nothing.
SANDBOX = "sandbox; default-src 'none'"


def locked_down(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    response["Cache-Control"] = "private, max-age=300"
    return response


def allowed_upload(request, pk):
    upload = get_object_or_404(Upload, pk=pk)
    if not files.can_download(request.user, upload):
        raise Http404
    return upload


def signing_storage(storage):
    """The storage itself, or the same one addressed where browsers reach it: a URL is signed
    for its host, so it must be signed for the public one (signing needs no connection)."""
    public = settings.S3_PUBLIC_ENDPOINT_URL
    if not public or public == storage.endpoint_url:
        return storage
    return storage.__class__(**{**settings.STORAGES["default"]["OPTIONS"], "endpoint_url": public})


@require_safe
def download(request, pk, name):
    upload = allowed_upload(request, pk)
    storage = upload.file.storage
    content_type = CONTENT_MIME_TYPES[upload.format]
    if not isinstance(storage, FileSystemStorage):
        # Object storage: a signed URL that expires soon, with the same headers asked of it.
        url = signing_storage(storage).url(
            upload.file.name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(True, upload.name),
                "ResponseContentType": content_type,
            },
        )
        return locked_down(HttpResponseRedirect(url))
    response = FileResponse(
        upload.file.open("rb"), as_attachment=True, filename=upload.name, content_type=content_type
    )
    return locked_down(response)


@require_safe
def preview(request, pk):
    upload = allowed_upload(request, pk)
    if not upload.preview:
        raise Http404
    return locked_down(FileResponse(upload.preview.open("rb"), content_type="image/webp"))
