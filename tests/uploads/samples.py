"""Files made on the spot, good and bad, for the uploads tests (nothing binary in the repo)."""

import io
import zipfile
import zlib

import pypdfium2
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

# Split, so that no scanner flags this source file itself.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-" + b"STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def uploaded(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(pages=1, width=595, height=842):
    document = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        document.new_page(width, height)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def pdf_with(objects):
    """A small hand-written PDF whose catalogue has `objects` added (bytes)."""
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + objects + b" >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def pdf_with_javascript():
    return pdf_with(b"/OpenAction << /S /JavaScript /JS (app.alert('hi')) >>")


def pdf_with_escaped_javascript():
    return pdf_with(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert('hi')) >>")


def pdf_with_javascript_in_a_stream():
    hidden = zlib.compress(b"<< /S /JavaScript /JS (app.alert('hi')) >>")
    return (
        b"%PDF-1.5\n3 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length "
        + str(len(hidden)).encode()
        + b" >>\nstream\n"
        + hidden
        + b"\nendstream\nendobj\n"
        + pdf_with(b"")[len(b"%PDF-1.4\n") :]
    )


def office(main_content_type, extra=()):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'content-types"><Override PartName="/word/document.xml" ContentType="'
            f'{main_content_type}"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
        for name, data in extra:
            archive.writestr(name, data)
    return out.getvalue()


DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def docx():
    return office(DOCX_MAIN)


def odt():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def plain_zip():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return out.getvalue()


def zip_bomb():
    """A document whose one entry inflates 1000 times (16 MB of zeros in ~16 KB)."""
    return office(DOCX_MAIN, extra=[("word/media/zeros.bin", b"\0" * (16 * 1024 * 1024))])


def image(file_format="JPEG", size=(640, 480), gps=False):
    picture = Image.new("RGB", size, (200, 80, 40))
    out = io.BytesIO()
    options = {}
    if gps:
        exif = Image.Exif()
        exif[ExifTags.Base.Make] = "PhoneMaker"
        gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps_ifd[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps_ifd[ExifTags.GPS.GPSLatitude] = (46.0, 14.0, 30.0)
        gps_ifd[ExifTags.GPS.GPSLongitudeRef] = "W"
        gps_ifd[ExifTags.GPS.GPSLongitude] = (63.0, 7.0, 45.0)
        options["exif"] = exif
    picture.save(out, file_format, **options)
    return out.getvalue()


def gps_of(data):
    return dict(Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo))
