"""What an uploaded file must be before it is stored: its size, its real format, a safe name.

The format is read from the content, never from the name or the browser's word: magic bytes,
and for office documents the zip's own declaration ([Content_Types].xml for OOXML, the
`mimetype` entry for ODF). Whatever is not on the allow-list is refused, and so are PDFs that
carry JavaScript and archives that would inflate far beyond their size.
"""

import codecs
import re
import unicodedata
import zipfile
import zlib
from pathlib import PurePosixPath, PureWindowsPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from uploads.models import Format, human_size

HEAD_BYTES = 4096
# Archives (office documents): at most this much once inflated, this many entries, and no
# entry inflating more than RATIO times its compressed size (text compresses ~10×, bombs 1000×).
ZIP_MAX_TOTAL = 250 * 1024 * 1024
ZIP_MAX_ENTRIES = 5000
ZIP_MAX_RATIO = 150
# PDFs: the streams inflated to look for scripts, in all, at most this much.
PDF_MAX_INFLATED = 200 * 1024 * 1024
NAME_MAX = 120

EXTENSIONS = {
    Format.PDF: "pdf",
    Format.DOCX: "docx",
    Format.XLSX: "xlsx",
    Format.PPTX: "pptx",
    Format.ODT: "odt",
    Format.ODS: "ods",
    Format.ODP: "odp",
    Format.TXT: "txt",
    Format.PNG: "png",
    Format.JPEG: "jpg",
    Format.WEBP: "webp",
    Format.MP3: "mp3",
    Format.M4A: "m4a",
    Format.MP4: "mp4",
}
# Other extensions a format is known by: kept as the uploader wrote them.
ALSO_KNOWN_AS = {Format.JPEG: {"jpeg", "jpe"}, Format.TXT: {"text", "csv", "md"}}

CONTENT_MIME_TYPES = {
    Format.PDF: "application/pdf",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Format.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    Format.ODT: "application/vnd.oasis.opendocument.text",
    Format.ODS: "application/vnd.oasis.opendocument.spreadsheet",
    Format.ODP: "application/vnd.oasis.opendocument.presentation",
    Format.TXT: "text/plain; charset=utf-8",
    Format.PNG: "image/png",
    Format.JPEG: "image/jpeg",
    Format.WEBP: "image/webp",
    Format.MP3: "audio/mpeg",
    Format.M4A: "audio/mp4",
    Format.MP4: "video/mp4",
}
ODF_MIME_TYPES = {
    CONTENT_MIME_TYPES[Format.ODT]: Format.ODT,
    CONTENT_MIME_TYPES[Format.ODS]: Format.ODS,
    CONTENT_MIME_TYPES[Format.ODP]: Format.ODP,
}
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        Format.DOCX
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": Format.XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        Format.PPTX
    ),
}
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V "}
M4A_BRANDS = {b"M4A ", b"M4B "}


def accepted_formats():
    return ", ".join(label for _value, label in Format.choices)


def refuse(message, code):
    raise ValidationError(message, code=code)


def not_accepted(sentence=None):
    """`sentence` says what the file is ("A program is not accepted."); the accepted formats
    follow."""
    sentence = sentence or _("This file’s format is not accepted.")
    formats = _("Accepted formats: %(formats)s.") % {"formats": accepted_formats()}
    refuse(f"{sentence} {formats}", "format")


# --- Size ---------------------------------------------------------------------------------------


def check_size(size):
    if not size:
        refuse(_("The file is empty (0 bytes). Choose the file again."), "empty")
    if size > settings.UPLOAD_MAX_BYTES:
        refuse(
            _("The file is %(size)s; files may be at most %(limit)s.")
            % {"size": human_size(size), "limit": human_size(settings.UPLOAD_MAX_BYTES)},
            "too_big",
        )


def check_practice_total(sizes):
    """The files of one practice, together, within UPLOAD_MAX_BYTES_PER_PRACTICE."""
    total = sum(sizes)
    limit = settings.UPLOAD_MAX_BYTES_PER_PRACTICE
    if total > limit:
        refuse(
            _(
                "A practice's files may add up to %(limit)s; with this one they would come to "
                "%(total)s. Remove a file or make one smaller."
            )
            % {"limit": human_size(limit), "total": human_size(total)},
            "practice_total",
        )


# --- Names --------------------------------------------------------------------------------------


def display_name(raw, file_format=None):
    """The uploader's file name made safe to show: no folders (`../`), no control or formatting
    characters (NUL, right-to-left override), not too long, and ending with the extension of the
    format the content really is."""
    name = PureWindowsPath(PurePosixPath(str(raw or "")).name).name
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r"\s+", " ", name)
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip(" .")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    if file_format:
        known = {EXTENSIONS[file_format], *ALSO_KNOWN_AS.get(file_format, ())}
        if extension.lower() not in known:
            stem = name if extension else stem
            extension = EXTENSIONS[file_format]
    stem = stem.strip(" .") or _("file")
    stem = stem[: NAME_MAX - len(extension) - 1].rstrip(" .")
    return f"{stem}.{extension}" if extension else stem


# --- Formats ------------------------------------------------------------------------------------


def detect(stream):
    """The Format of the file in `stream` (a seekable binary file), or ValidationError."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        check_pdf(stream)
        return Format.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Format.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return Format.JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Format.WEBP
    if head.startswith(b"PK\x03\x04"):
        return office_format(stream)
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in M4A_BRANDS:
            return Format.M4A
        if brand in MP4_BRANDS:
            return Format.MP4
        not_accepted(_("This video or audio format is not accepted."))
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE6 == 0xE2):
        return Format.MP3
    if head.startswith(b"MZ") or head.startswith(b"\x7fELF"):
        not_accepted(_("A program is not accepted."))
    return text_format(stream, head)


def text_format(stream, head):
    if b"\x00" in head:
        not_accepted()
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if text.startswith("<"):
        if "<svg" in text:
            not_accepted(_("An SVG image is not accepted."))
        not_accepted(_("A web page or XML file is not accepted."))
    stream.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()  # a character may straddle two chunks
    try:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        not_accepted()
    finally:
        stream.seek(0)
    return Format.TXT


def office_format(stream):
    try:
        archive = zipfile.ZipFile(stream)
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        refuse(_("The file is damaged or incomplete. Save it again and retry."), "damaged")
    check_not_a_bomb(entries)
    names = {entry.filename for entry in entries}
    try:
        if "mimetype" in names:
            mimetype = read_entry(archive, "mimetype", 200).decode("ascii", "ignore").strip()
            if mimetype in ODF_MIME_TYPES:
                return ODF_MIME_TYPES[mimetype]
        if "[Content_Types].xml" in names:
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                not_accepted(_("A document with macros is not accepted."))
            declared = read_entry(archive, "[Content_Types].xml", 1024 * 1024).decode(
                "utf-8", "ignore"
            )
            for content_type, file_format in OOXML_MAIN_PARTS.items():
                if f'ContentType="{content_type}"' in declared:
                    return file_format
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError):
        refuse(_("The file is damaged or incomplete. Save it again and retry."), "damaged")
    finally:
        stream.seek(0)
    not_accepted(_("A ZIP archive or this kind of document is not accepted."))


def read_entry(archive, name, limit):
    with archive.open(name) as entry:
        return entry.read(limit)


def check_not_a_bomb(entries):
    bomb = _("This archive inflates to far more than its size (a “ZIP bomb”): it is not accepted.")
    if len(entries) > ZIP_MAX_ENTRIES:
        refuse(bomb, "zip_bomb")
    total = 0
    for entry in entries:
        total += entry.file_size
        if total > ZIP_MAX_TOTAL:
            refuse(bomb, "zip_bomb")
        if entry.file_size > 1024 * 1024 and entry.file_size > ZIP_MAX_RATIO * max(
            entry.compress_size, 1
        ):
            refuse(bomb, "zip_bomb")


# --- PDF ----------------------------------------------------------------------------------------

PDF_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
PDF_STREAM = re.compile(rb"stream\r?\n")
SCRIPT_NAMES = {b"JS", b"JavaScript", b"Launch", b"EmbeddedFile", b"RichMedia"}


def pdf_names(data):
    """The names a PDF's bytes hold, with #xx escapes decoded (/J#61vaScript is /JavaScript)."""
    for match in PDF_NAME.finditer(data):
        name = match.group(1)
        if b"#" in name:
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name)
        yield name


def check_pdf(stream):
    """Refuses a PDF that carries JavaScript, launches programs or embeds files, looking in its
    plain objects and in its compressed streams (object streams may hide them)."""
    data = stream.read()
    stream.seek(0)
    if not data.rstrip().endswith(b"%%EOF") and b"%%EOF" not in data[-2048:]:
        refuse(_("The PDF is damaged or incomplete. Save it again and retry."), "damaged")
    if has_script(data):
        refuse_script()
    inflated_total = 0
    for match in PDF_STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            break
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[start:end], PDF_MAX_INFLATED - inflated_total)
        except zlib.error:
            continue  # not a Flate stream (images, fonts in other filters)
        inflated_total += len(inflated)
        if has_script(inflated):
            refuse_script()
        if inflated_total >= PDF_MAX_INFLATED:
            refuse(_("This PDF inflates to far more than its size: it is not accepted."), "bomb")


def has_script(data):
    return any(name in SCRIPT_NAMES for name in pdf_names(data))


def refuse_script():
    refuse(
        _(
            "This PDF contains JavaScript or an embedded program or file, which the portal "
            "does not accept. Print it to a new PDF (or export it again without scripts) and "
            "retry."
        ),
        "pdf_script",
    )
