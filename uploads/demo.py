"""Demo files for the quickstart: practices.resources_demo attaches them to the demo practices'
resources (a bilingual handout as PDF, a poster photo that arrives with a GPS position and is stored
without it). Files are drawn here, so the repository holds no binary.

    upload = demo.upload("welcome-handout.pdf", demo.handout_pdf("Welcome", lines), uploader)
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageDraw, ImageFont

from uploads import files

PAGE = (1240, 1754)  # A4 at 150 dpi


def font(size):
    return ImageFont.load_default(size=size)


def handout_pdf(title, lines, pages=1):
    """A one-page (or more) handout: a title and lines of text, as a PDF."""
    images = []
    for number in range(1, pages + 1):
        page = Image.new("RGB", PAGE, "white")
        draw = ImageDraw.Draw(page)
        draw.rectangle((0, 0, PAGE[0], 160), fill=(0, 84, 119))
        draw.text((80, 50), title, fill="white", font=font(56))
        y = 240
        for line in lines:
            draw.text((80, y), line, fill=(30, 30, 30), font=font(34))
            y += 56
        draw.text((80, PAGE[1] - 100), f"{number} / {pages}", fill=(90, 90, 90), font=font(28))
        images.append(page)
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=150)
    return out.getvalue()


def poster_photo(caption, color=(214, 98, 40)):
    """A JPEG "phone photo" of a poster, carrying a GPS position as phones write it (the portal
    keeps only its pixels)."""
    picture = Image.new("RGB", (1600, 1200), color)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((120, 120, 1480, 1080), outline="white", width=12)
    draw.text((200, 520), caption, fill="white", font=font(96))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "DemoPhone"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = "N", (46.0, 14.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef], gps[ExifTags.GPS.GPSLongitude] = "W", (63.0, 7.0, 45.0)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def upload(name, content, uploader):
    """The file accepted as an upload would be (checked, stored, queued for scan and preview)."""
    return files.accept(SimpleUploadedFile(name, content), uploader=uploader)
