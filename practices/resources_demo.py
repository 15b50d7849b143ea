"""Demo resources (run by seed_demo after practices.demo): files made on the spot, so the
quickstart shows every kind of resource and the catalogue's "has resources in" filter.

- Women-only swim night: a one-page flyer (PDF) for clients in Arabic, Tigrinya and Ukrainian,
  and a permission form (PDF) in English and French;
- Family canoe outings: a phone photo of the outing's poster (JPEG, its GPS position removed
  on upload), in English and French;
- New Brunswick rural settlement network: its partnership guide, a link to a page elsewhere.

The files are drawn by uploads.demo and go through uploads.files.accept like any upload
(checked, re-encoded, previewed). The portal made them, so they are recorded as scanned clean
(scan_detail says why): on the quickstart, without clamd, real uploads stay waiting.
Idempotent: a practice that already has resources is left as it is.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from practices import catalogue
from practices.models import PromisingPractice, Resource, ResourceKind
from uploads import demo as uploads_demo
from uploads.models import Scan, Upload

DEMO_UPLOADER = "sector@demo.example"
MADE_BY_THE_PORTAL = "demo file made by seed_demo"


RESOURCES = {
    "women-only-swim-night": [
        {
            "title_en": "Swim night flyer for clients",
            "title_fr": "Dépliant de la soirée de natation pour la clientèle",
            "description_en": "One page: when, where, what to bring, and that only women are "
            "in the pool, staff included.",
            "description_fr": "Une page : quand, où, quoi apporter, et que seules des femmes "
            "sont dans la piscine, personnel compris.",
            "kind": ResourceKind.HANDOUT,
            "languages": ["ar", "ti", "uk"],
            "file": (
                "swim-night-flyer.pdf",
                "pdf",
                (
                    "Women-only swim night",
                    [
                        "Every second Friday, 7 pm",
                        "Versions: Arabic, Tigrinya, Ukrainian (demo file)",
                        "Bring a towel; swimwear can be lent.",
                    ],
                ),
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
                (
                    "Permission and waiver",
                    [
                        "Autorisation et renonciation",
                        "Name / Nom: ____________________",
                        "Signature: ____________________",
                    ],
                ),
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
            # A phone photo that arrives with a GPS position: stored without it.
            "file": ("canoe-poster.jpg", "photo", ("Family canoe outing",)),
        },
    ],
    "new-brunswick-rural-settlement-network": [
        {
            "title_en": "How the network shares staff: partnership guide",
            "title_fr": "Comment le réseau partage son personnel : guide de partenariat",
            "description_en": "",
            "description_fr": "",
            "kind": ResourceKind.GUIDE,
            "languages": ["en", "fr"],
            "url": "https://example.org/nb-rural-network/guide",
        },
    ],
}


def made_file(name, kind, content, uploader):
    data = (
        uploads_demo.handout_pdf(*content) if kind == "pdf" else uploads_demo.poster_photo(*content)
    )
    return uploads_demo.upload(name, data, uploader)


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
            upload = made_file(*made, uploader) if made else None
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
