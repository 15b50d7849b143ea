"""The issue's bad input: each refused with a clear message in the user's language, and nothing
left in storage."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.uploads import samples
from tests.uploads.conftest import stored_files
from uploads import files
from uploads.models import Format, Upload

pytestmark = pytest.mark.django_db

BAD = {
    "empty": ("notes.pdf", b"", "The file is empty", "Le fichier est vide"),
    "exe renamed pdf": (
        "report.pdf",
        b"MZ\x90\x00" + b"\0" * 200,
        "A program is not accepted",
        "Un programme n’est pas accepté",
    ),
    "pdf with javascript": (
        "form.pdf",
        samples.pdf_with_javascript(),
        "This PDF contains JavaScript",
        "Ce PDF contient du JavaScript",
    ),
    "pdf with escaped javascript": (
        "form.pdf",
        samples.pdf_with_escaped_javascript(),
        "This PDF contains JavaScript",
        "Ce PDF contient du JavaScript",
    ),
    "pdf with javascript in a compressed stream": (
        "form.pdf",
        samples.pdf_with_javascript_in_a_stream(),
        "This PDF contains JavaScript",
        "Ce PDF contient du JavaScript",
    ),
    "svg": (
        "logo.svg",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "An SVG image is not accepted",
        "Une image SVG n’est pas acceptée",
    ),
    "html disguised as png": (
        "photo.png",
        b"<!doctype html><html><script>alert(document.cookie)</script></html>",
        "A web page or XML file is not accepted",
        "Une page Web ou un fichier XML n’est pas accepté",
    ),
    "zip bomb": (
        "toolkit.docx",
        samples.zip_bomb(),
        "ZIP bomb",
        "bombe ZIP",
    ),
    "plain zip": (
        "toolkit.zip",
        samples.plain_zip(),
        "A ZIP archive or this kind of document is not accepted",
        "Une archive ZIP ou ce type de document n’est pas accepté",
    ),
    "word with macros": (
        "form.docm",
        samples.office(samples.DOCM_MAIN, extra=[("word/vbaProject.bin", b"macro")]),
        "A document with macros is not accepted",
        "Un document avec des macros n’est pas accepté",
    ),
    "truncated pdf": (
        "cut.pdf",
        samples.pdf()[:300],
        "The PDF is damaged or incomplete",
        "Le PDF est endommagé ou incomplet",
    ),
    "binary junk": (
        "data.pdf",
        bytes(range(256)) * 4,
        "This file’s format is not accepted",
        "Le format de ce fichier n’est pas accepté",
    ),
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_refused_with_a_clear_message_and_nothing_stored(case, language, media, sam):
    name, content, english, french = BAD[case]
    with translation.override(language):
        with pytest.raises(ValidationError) as refused:
            files.accept(samples.uploaded(name, content), uploader=sam)
    message = " ".join(refused.value.messages)
    assert (english if language == "en" else french) in message
    assert Upload.objects.count() == 0
    assert stored_files(media) == []


def test_a_file_over_the_limit_says_both_sizes(settings, media, sam):
    settings.UPLOAD_MAX_BYTES = 100 * 1024
    content = samples.pdf(pages=1) + b"%" + b" " * (150 * 1024) + b"\n%%EOF\n"
    with pytest.raises(ValidationError) as refused:
        files.accept(samples.uploaded("big.pdf", content), uploader=sam)
    assert refused.value.messages == ["The file is 151 KB; files may be at most 100 KB."]
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        files.accept(samples.uploaded("big.pdf", content), uploader=sam)
    assert refused.value.messages == [
        "Le fichier fait 151\u00a0Ko; un fichier peut faire au plus 100\u00a0Ko."
    ]
    assert stored_files(media) == []


def test_a_practice_total_over_its_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES_PER_PRACTICE = 100 * 1024 * 1024
    files.check_practice_total([60 * 1024 * 1024, 40 * 1024 * 1024])  # at the limit: fine
    with pytest.raises(ValidationError) as refused:
        files.check_practice_total([60 * 1024 * 1024, 40 * 1024 * 1024, 1])
    assert "may add up to 100 MB" in refused.value.messages[0]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\Windows\\report.pdf", "report.pdf"),
        ("inv\x00oice.pdf", "invoice.pdf"),
        # "harmful‮fdp.exe" shows as "harmfulexe.pdf" in an RTL-aware display.
        ("harmful\u202efdp.exe", "harmfulfdp.exe.pdf"),
        ("zero\u200bwidth\tand\nnewline.pdf", "zerowidth and newline.pdf"),
        ("...", "file.pdf"),
        ("intake form", "intake form.pdf"),
        ("intake.PDF", "intake.PDF"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_file_names_are_cleaned_for_display(raw, shown, media, sam):
    upload = files.accept(samples.uploaded(raw, samples.pdf()), uploader=sam)
    assert upload.name == shown
    assert upload.format == Format.PDF
    assert raw not in upload.file.name and upload.file.name.startswith("uploads/")


def test_a_real_pdf_named_png_is_a_pdf_and_says_so(media, sam):
    upload = files.accept(samples.uploaded("scan.png", samples.pdf()), uploader=sam)
    assert (upload.format, upload.name) == (Format.PDF, "scan.png.pdf")
