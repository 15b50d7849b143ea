"""What is accepted, how it is stored, and that nothing is left behind."""

import hashlib
import io

import pytest
from django import forms
from django.core.management import call_command
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.utils import translation
from PIL import Image

from tests.uploads import samples
from tests.uploads.conftest import stored_files
from uploads import files
from uploads.models import Format, Scan, Upload

pytestmark = pytest.mark.django_db

GOOD = {
    "report.pdf": (samples.pdf(), Format.PDF),
    "intake.docx": (samples.docx(), Format.DOCX),
    "budget.xlsx": (samples.office(samples.XLSX_MAIN), Format.XLSX),
    "guide.odt": (samples.odt(), Format.ODT),
    "notes.txt": ("Bonjour, مرحبا, Привіт\n".encode(), Format.TXT),
    "poster.png": (samples.image("PNG"), Format.PNG),
    "poster.jpg": (samples.image("JPEG"), Format.JPEG),
    "poster.webp": (samples.image("WEBP"), Format.WEBP),
    "welcome.mp3": (b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\0" * 100, Format.MP3),
    "welcome.m4a": (b"\0\0\0\x20ftypM4A \0\0\0\0" + b"\0" * 100, Format.M4A),
    "welcome.mp4": (b"\0\0\0\x20ftypisom\0\0\0\0" + b"\0" * 100, Format.MP4),
}


@pytest.mark.parametrize("name", GOOD)
def test_accepted_formats_are_detected_from_the_content(name, media, sam):
    content, expected = GOOD[name]
    upload = files.accept(samples.uploaded(name, content, "text/html"), uploader=sam)
    assert upload.format == expected
    assert upload.name == name
    assert upload.uploader == sam
    assert stored_files(media) == [upload.file.name] + (
        [upload.preview.name] * bool(upload.preview)
    )


def test_a_pdf_is_stored_under_a_random_name_with_its_size_checksum_and_preview(
    media, sam, django_capture_on_commit_callbacks
):
    content = samples.pdf(pages=3)
    with django_capture_on_commit_callbacks(execute=True):
        upload = files.accept(samples.uploaded("Our intake form.pdf", content), uploader=sam)
    upload.refresh_from_db()
    assert upload.file.name.startswith("uploads/") and "intake" not in upload.file.name
    assert upload.size == len(content)
    assert upload.sha256 == hashlib.sha256(content).hexdigest()
    # No clamd in this test: the file waits for its scan, its preview is made all the same.
    assert upload.scan == Scan.WAITING and not upload.is_available
    preview = (media / upload.preview.name).read_bytes()
    assert len(preview) <= 30 * 1024
    assert Image.open(io.BytesIO(preview)).format == "WEBP"


def test_a_phone_photo_loses_its_gps_position(media, sam, django_capture_on_commit_callbacks):
    original = samples.image("JPEG", size=(1200, 900), gps=True)
    assert samples.gps_of(original)  # the sample really carries a position
    with django_capture_on_commit_callbacks(execute=True):
        upload = files.accept(samples.uploaded("canoe.jpg", original), uploader=sam)
    upload.refresh_from_db()
    stored = (media / upload.file.name).read_bytes()
    assert samples.gps_of(stored) == {}
    assert dict(Image.open(io.BytesIO(stored)).getexif()) == {}
    assert b"PhoneMaker" not in stored
    assert Image.open(io.BytesIO(stored)).size == (1200, 900)
    assert upload.size == len(stored) and upload.sha256 != ""
    assert len((media / upload.preview.name).read_bytes()) <= 30 * 1024


def test_label_says_format_and_size_in_both_languages(media, sam):
    upload = Upload(name="a.pdf", size=340 * 1024, format=Format.PDF)
    assert upload.label == "PDF, 340 KB"
    upload.size = 2_500_000
    assert upload.label == "PDF, 2.4 MB"
    with translation.override("fr"):
        assert upload.label == "PDF, 2,4\u00a0Mo"
        upload.size = 340 * 1024
        assert upload.label == "PDF, 340\u00a0Ko"


def test_discard_leaves_no_file_behind(media, sam, django_capture_on_commit_callbacks):
    first = files.accept(samples.uploaded("a.pdf", samples.pdf()), uploader=sam)
    with django_capture_on_commit_callbacks(execute=True):
        second = files.accept(samples.uploaded("b.png", samples.image("PNG")), uploader=sam)
    second.refresh_from_db()
    assert second.preview  # a preview too, to be deleted with it
    with django_capture_on_commit_callbacks(execute=True):
        files.discard(first)
    assert set(stored_files(media)) == {second.file.name, second.preview.name}
    with django_capture_on_commit_callbacks(execute=True):
        files.discard(second)
    assert stored_files(media) == []
    assert Upload.objects.count() == 0


def test_replacing_a_file_discards_the_old_one(media, sam, django_capture_on_commit_callbacks):
    old = files.accept(samples.uploaded("v1.pdf", samples.pdf()), uploader=sam)
    with django_capture_on_commit_callbacks(execute=True):
        new = files.accept(samples.uploaded("v2.pdf", samples.pdf(pages=2)), uploader=sam)
        files.discard(old)
    new.refresh_from_db()
    assert set(stored_files(media)) == {new.file.name, new.preview.name}


def test_cleanup_removes_orphan_rows_and_stray_files(media, sam):
    kept = files.accept(samples.uploaded("a.pdf", samples.pdf()), uploader=sam)
    (media / "uploads" / "stray").write_bytes(b"left by a rolled-back transaction")
    call_command("cleanup_uploads", "--older-than-hours=0", stdout=io.StringIO())
    # Nothing refers to `kept` in this app alone (resources do in practices): it is an orphan.
    assert not Upload.objects.filter(pk=kept.pk).exists()
    assert stored_files(media) == []


def test_upload_field_gives_the_upload_or_the_message(media, sam):
    class ResourceForm(forms.Form):
        title = forms.CharField()
        file = files.UploadField(required=False)

    form = ResourceForm(
        data={"title": "Intake form"},
        files={"file": samples.uploaded("form.pdf", samples.pdf_with_javascript())},
    )
    form.fields["file"].uploader = sam
    assert not form.is_valid()
    assert "This PDF contains JavaScript" in form.errors["file"][0]
    assert form.cleaned_data["title"] == "Intake form"  # what was typed is kept
    form = ResourceForm(
        data={"title": "Intake form"}, files={"file": samples.uploaded("form.pdf", samples.pdf())}
    )
    form.fields["file"].uploader = sam
    assert form.is_valid()
    assert form.cleaned_data["file"].format == Format.PDF


def test_an_upload_interrupted_halfway_keeps_the_form_and_stores_nothing(rf, media, sam):
    class ResourceForm(forms.Form):
        title = forms.CharField()
        file = files.UploadField()

    whole = encode_multipart(
        BOUNDARY, {"title": "Intake form", "file": samples.uploaded("a.pdf", samples.pdf())}
    )
    request = rf.generic("POST", "/", data=whole[: len(whole) // 2], content_type=MULTIPART_CONTENT)
    request.META["CONTENT_LENGTH"] = str(len(whole))  # the rest never came
    form = ResourceForm(request.POST, request.FILES)
    form.fields["file"].uploader = sam
    with translation.override("fr"):
        assert not form.is_valid()
        assert form.errors["file"] == [
            "Choisissez un fichier. Si vous en aviez choisi un, son téléversement a été "
            "interrompu\u00a0: choisissez-le de nouveau."
        ]
    assert form.cleaned_data["title"] == "Intake form"
    assert stored_files(media) == [] and Upload.objects.count() == 0


def test_a_transparent_png_keeps_its_transparency_and_previews_on_white(
    media, sam, django_capture_on_commit_callbacks
):
    logo = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    logo.paste((0, 84, 119, 255), (100, 100, 300, 200))
    content = io.BytesIO()
    logo.save(content, "PNG")
    with django_capture_on_commit_callbacks(execute=True):
        upload = files.accept(samples.uploaded("logo.png", content.getvalue()), uploader=sam)
    upload.refresh_from_db()
    stored = Image.open(media / upload.file.name)
    assert stored.mode == "RGBA" and stored.getpixel((0, 0))[3] == 0
    preview = Image.open(media / upload.preview.name).convert("RGB")
    assert min(preview.getpixel((2, 2))) > 240  # white, not black
