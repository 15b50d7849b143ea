"""Time the upload of a large PDF: the request parsed, the checks, storage, the malware scan
(when CLAMD_URL is set) and the preview, then roll it all back.

    DEBUG=1 python manage.py bench_uploads --megabytes 20 --budget-s 10

The issue's number: a 20 MB PDF is uploaded and its preview is there within 10 s on the
quickstart. Fails (exit 1) over --budget-s. Files go to a temporary folder, deleted at the end;
rows are rolled back.
"""

import io
import random
import shutil
import tempfile
import time

import pypdfium2
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test import RequestFactory, override_settings
from django.test.client import MULTIPART_CONTENT
from PIL import Image

from uploads import clamav, files, tasks
from uploads.models import Upload


class _Rollback(Exception):
    pass


def large_pdf(megabytes):
    """A PDF of photo-like pages (noisy JPEGs, which compress badly), as large as it can be
    within `megabytes`."""
    document = pypdfium2.PdfDocument.new()
    rng = random.Random(18)
    largest = b""
    while True:
        out = io.BytesIO()
        document.save(out)
        if out.tell() > megabytes * 1024 * 1024:
            return largest
        largest = out.getvalue()
        noise = Image.frombytes("RGB", (1200, 1600), rng.randbytes(1200 * 1600 * 3))
        photo = io.BytesIO()
        noise.save(photo, "JPEG", quality=90)
        page = document.new_page(595, 842)
        picture = pypdfium2.PdfImage.new(document)
        picture.load_jpeg(io.BytesIO(photo.getvalue()), inline=False)
        picture.set_matrix(pypdfium2.PdfMatrix().scale(595, 842))
        page.insert_obj(picture)
        page.gen_content()


class Command(BaseCommand):
    help = "Benchmark uploading a large PDF through checks, storage, scan and preview."

    def add_arguments(self, parser):
        parser.add_argument("--megabytes", type=int, default=20)
        parser.add_argument("--budget-s", type=float, default=10.0)

    def handle(self, *args, megabytes, budget_s, **options):
        content = large_pdf(megabytes)
        folder = tempfile.mkdtemp(prefix="bench-uploads-")
        storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
        storages = {**settings.STORAGES, "default": {**storage, "OPTIONS": {"location": folder}}}
        body = {"title": "Intake form", "file": io.BytesIO(content)}
        body["file"].name = "intake-form.pdf"
        steps = {}
        try:
            with override_settings(STORAGES=storages), transaction.atomic():
                started = time.perf_counter()
                request = RequestFactory().post("/", body, content_type=MULTIPART_CONTENT)
                uploaded = request.FILES["file"]
                steps["request parsed"] = time.perf_counter()
                upload = files.accept(uploaded, uploader=None)
                steps["checked and stored"] = time.perf_counter()
                tasks.scan_and_preview(upload.pk)  # what the worker runs once committed
                steps["scanned and previewed"] = time.perf_counter()
                upload = Upload.objects.get(pk=upload.pk)
                summary = (upload.label, upload.scan, upload.preview.size if upload.preview else 0)
                raise _Rollback
        except _Rollback:
            pass
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        total = steps["scanned and previewed"] - started
        label, scan, preview_bytes = summary
        self.stdout.write(
            f"{label} ({len(content):,} bytes), scan: {scan}"
            f"{'' if clamav.configured() else ' (no CLAMD_URL: not scanned)'}, "
            f"preview {preview_bytes:,} bytes"
        )
        previous = started
        for step, at in steps.items():
            self.stdout.write(f"  {step:<24} {at - previous:6.2f} s")
            previous = at
        self.stdout.write(f"  {'total':<24} {total:6.2f} s (budget {budget_s:.0f} s)")
        if not preview_bytes:
            raise CommandError("no preview was made")
        if total > budget_s:
            raise CommandError(f"over budget: {total:.2f} s > {budget_s:.0f} s")
