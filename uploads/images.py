"""Pictures made safe and small: uploaded images re-encoded without their metadata (a phone
photo's GPS position, its camera, its date), and the previews of images and PDFs."""

import io

import pypdfium2
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from uploads.models import Format

# A picture larger than this is refused before it is decoded (a "pixel bomb").
MAX_PIXELS = 50_000_000
PREVIEW_MAX_BYTES = 30 * 1024
PREVIEW_WIDTH = 320
PIL_FORMATS = {Format.PNG: "PNG", Format.JPEG: "JPEG", Format.WEBP: "WEBP"}


def open_image(stream, file_format):
    try:
        image = Image.open(stream, formats=[PIL_FORMATS[file_format]])
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(
                _("The picture is too large (%(pixels)s megapixels; at most 50).")
                % {"pixels": image.width * image.height // 1_000_000},
                code="too_many_pixels",
            )
        image.load()
    except (OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("The picture is damaged or incomplete. Save it again and retry."), code="damaged"
        ) from error
    return image


def reencoded(stream, file_format):
    """The picture drawn anew, in the same format, with no metadata: only its pixels survive
    (turned upright first, as its orientation tag said)."""
    image = ImageOps.exif_transpose(open_image(stream, file_format))
    if file_format == Format.JPEG and image.mode not in {"RGB", "L"}:
        image = image.convert("RGB")
    elif image.mode not in {"RGB", "RGBA", "L", "LA", "P"}:
        image = image.convert("RGBA")
    clean = Image.new(image.mode, image.size)
    if image.mode == "P":
        clean.putpalette(image.getpalette())
    clean.paste(image)
    out = io.BytesIO()
    options = {"PNG": {"optimize": True}, "JPEG": {"quality": 88}, "WEBP": {"quality": 85}}
    pil_format = PIL_FORMATS[file_format]
    clean.save(out, pil_format, **options[pil_format])
    return out.getvalue()


def pdf_first_page(stream):
    document = pypdfium2.PdfDocument(stream.read())
    try:
        page = document[0]
        scale = PREVIEW_WIDTH / max(page.get_width(), 1)
        return page.render(scale=min(scale, 2)).to_pil()
    finally:
        document.close()


def preview(stream, file_format):
    """A WebP at most PREVIEW_MAX_BYTES, or None for formats without one."""
    if file_format == Format.PDF:
        picture = pdf_first_page(stream)
    elif file_format in PIL_FORMATS:
        picture = open_image(stream, file_format)
    else:
        return None
    if picture.mode in {"RGBA", "LA", "P"}:
        # Transparent parts on white, as the page shows them (not black).
        picture = picture.convert("RGBA")
        background = Image.new("RGBA", picture.size, "white")
        picture = Image.alpha_composite(background, picture)
    picture = picture.convert("RGB")
    picture.thumbnail((PREVIEW_WIDTH, PREVIEW_WIDTH * 2))
    for quality in (70, 55, 40, 25):
        out = io.BytesIO()
        picture.save(out, "WEBP", quality=quality, method=4)
        if out.tell() <= PREVIEW_MAX_BYTES:
            return out.getvalue()
        picture.thumbnail((picture.width * 3 // 4, picture.height * 3 // 4))
    return None
