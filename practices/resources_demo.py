"""Demo resources (run by seed_demo after practices.demo): files made on the spot, so the
quickstart shows every kind of resource and the catalogue's "has resources in" filter.

- Women-only swim night: a one-page flyer (PDF) for clients in Arabic, Tigrinya and Ukrainian,
  and a permission form (PDF) in English and French;
- Family canoe outings: the outing's poster (PNG), in English and French;
- New Brunswick rural settlement network: its partnership guide, a link to a page elsewhere.

The files go through uploads.files.accept like any upload (checked, re-encoded, previewed). The
portal made them, so they are recorded as scanned clean (scan_detail says why): on the
quickstart, without clamd, real uploads stay waiting. Idempotent: a practice that already has
resources is left as it is.
"""

import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from PIL import Image, ImageDraw

from practices import catalogue
from practices.models import PromisingPractice, Resource, ResourceKind
from uploads import files
from uploads.models import Scan, Upload

DEMO_UPLOADER = "sector@demo.example"
MADE_BY_THE_PORTAL = "demo file made by seed_demo"


def pdf(lines):
    """A one-page PDF (A5) that writes `lines` in Helvetica: small and valid, with its xref."""
    text = ["BT", "/F1 14 Tf", "40 540 Td", "18 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({escaped}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def poster(title, subtitle):
    """A PNG poster: a lake, a canoe, two lines of text."""
    image = Image.new("RGB", (800, 600), "#e8f1f8")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 380, 800, 600], fill="#2f6f9f")
    draw.polygon([(220, 400), (580, 400), (520, 440), (280, 440)], fill="#b5522b")
    draw.text((60, 80), title, fill="#12324a", font_size=48)
    draw.text((60, 160), subtitle, fill="#12324a", font_size=32)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


RESOURCES = {
    "women-only-swim-night": [
        {
            "title_en": "Swim night flyer for clients",
            "title_fr": "Dépliant de la soirée de natation pour la clientèle",
            "description_en": "One page: when, where, what to bring, and that only women are "
            "in the pool, staff included.",
            "description_fr": "Une page : quand, où, quoi apporter, et que seules des femmes "
            "sont dans la piscine, personnel compris.",
            "kind": ResourceKind.HANDOUT,
            "languages": ["ar", "ti", "uk"],
            "file": (
                "swim-night-flyer.pdf",
                "pdf",
                [
                    "Women-only swim night - every second Friday, 7 pm",
                    "Versions: Arabic, Tigrinya, Ukrainian (demo file)",
                    "Bring a towel; swimwear can be lent.",
                ],
            ),
        },
        {
            "title_en": "Permission and waiver form",
            "title_fr": "Formulaire d’autorisation et de renonciation",
            "description_en": "",
            "description_fr": "",
            "kind": ResourceKind.FORM,
            "languages": ["en", "fr"],
            "file": (
                "waiver-form.pdf",
                "pdf",
                [
                    "Permission and waiver / Autorisation et renonciation",
                    "Name / Nom: ____________________",
                    "Signature: ____________________",
                ],
            ),
        },
    ],
    "family-canoe-outings-on-the-lake": [
        {
            "title_en": "Canoe outing poster",
            "title_fr": "Affiche de la sortie en canot",
            "description_en": "The poster put up at the library and the mosque.",
            "description_fr": "L’affiche posée à la bibliothèque et à la mosquée.",
            "kind": ResourceKind.IMAGE,
            "languages": ["en", "fr"],
            "file": (
                "canoe-poster.png",
                "png",
                ("Family canoe outing", "Sortie familiale en canot"),
            ),
        },
    ],
    "new-brunswick-rural-settlement-network": [
        {
            "title_en": "How the network shares staff: partnership guide",
            "title_fr": "Comment le réseau partage son personnel : guide de partenariat",
            "description_en": "",
            "description_fr": "",
            "kind": ResourceKind.GUIDE,
            "languages": ["en", "fr"],
            "url": "https://example.org/nb-rural-network/guide",
        },
    ],
}


def made_file(name, kind, content):
    data = pdf(content) if kind == "pdf" else poster(*content)
    return SimpleUploadedFile(name, data)


@transaction.atomic
def load():
    uploader = get_user_model().objects.filter(email=DEMO_UPLOADER).first()
    for slug, entries in RESOURCES.items():
        practice = PromisingPractice.objects.filter(Q(slug_en=slug)).first()
        if practice is None or practice.resources.exists():
            continue
        for position, entry in enumerate(entries):
            entry = dict(entry)
            made = entry.pop("file", None)
            languages = entry.pop("languages")
            upload = files.accept(made_file(*made), uploader=uploader) if made else None
            resource = Resource(
                practice=practice, key=f"demo-{position}", position=position, upload=upload,
                **entry,
            )  # fmt: skip
            resource.languages = languages
            resource.save()
            if upload is not None:
                # After the preview (queued by accept, run first when Celery runs eagerly).
                transaction.on_commit(lambda pk=upload.pk: mark_clean(pk))
        Resource.refresh_practice(practice)
    catalogue.publication_changed()


def mark_clean(pk):
    Upload.objects.filter(pk=pk, scan=Scan.WAITING).update(
        scan=Scan.CLEAN, scan_detail=MADE_BY_THE_PORTAL, scanned_at=timezone.now()
    )
