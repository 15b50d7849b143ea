"""Downloads: a file leaves the portal as an attachment, never as a page of its origin."""

from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
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


@require_safe
def download(request, pk, name):
    upload = allowed_upload(request, pk)
    storage = upload.file.storage
    content_type = CONTENT_MIME_TYPES[upload.format]
    if not isinstance(storage, FileSystemStorage):
        # Object storage: a signed URL that expires soon, with the same headers asked of it.
        disposition = FileResponse(as_attachment=True, filename=upload.name)
        url = storage.url(
            upload.file.name,
            parameters={
                "ResponseContentDisposition": disposition["Content-Disposition"],
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
