"""The report's practices (practices/seed_data.py) as published portal entries.

load() is idempotent: it updates the practices it created before (matched on their English or
French slug) instead of adding them again. It runs after workinggroup.demo.load(); any reference
row or organization it needs and does not find, it creates from workinggroup/reference_data.py.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from practices import catalogue
from practices.models import ClientGroup, PromisingPractice, Status, Theme
from practices.seed_data import PRACTICES
from workinggroup import reference_data
from workinggroup.models import Community, Organization, ProvinceTerritory, Region

# Dates spread over the months after the report (August 2021), newest last in seed order.
FIRST_PUBLISHED = timezone.datetime(2021, 9, 15, 12, tzinfo=timezone.get_fixed_timezone(-300))


@transaction.atomic
def load():
    ensure_reference_data()
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {g.slug: g for g in ClientGroup.objects.all()}
    for index, row in enumerate(PRACTICES):
        load_practice(row, index, themes, groups)
    catalogue.publication_changed()


def load_practice(row, index, themes, groups):
    province = ProvinceTerritory.objects.get(code=row["province"])
    text = {
        f"{name}_{lang}": row[f"{name}_{lang}"] or None
        for name in ("title", "summary", "description", "outcomes", "lessons", "contact_role")
        for lang in ("en", "fr")
    }
    fields = {
        **text,
        "lead_organization": organization(row["lead"]),
        "province": province,
        "community": Community.objects.get(name=row["community"], province=province),
        "kind": row["kind"],
        "delivery_mode": row["delivery"],
        "origin": row["origin"],
        "evidence_level": row["evidence"],
        "stage": row["stage"],
        "contact_name": row["contact_name"],
        "contact_email": row["contact_email"],
        "contact_phone": row["contact_phone"],
        "lessons_anonymous": row["lessons_anonymous"],
        "status": Status.PUBLISHED,
        "published_at": FIRST_PUBLISHED + timedelta(days=23 * index),
    }
    practice = find_seeded(row) or PromisingPractice()
    for name, value in fields.items():
        setattr(practice, name, value)
    practice.principles = row["principles"]
    practice.save()
    practice.partner_organizations.set([organization(key) for key in row["partners"]])
    practice.themes.set([themes[slug] for slug in row["themes"]])
    practice.client_groups.set([groups[slug] for slug in row["client_groups"]])
    return practice


def find_seeded(row):
    slugs = [s for s in (slugify(row["title_en"]), slugify(row["title_fr"])) if s]
    return PromisingPractice.objects.filter(Q(slug_en__in=slugs) | Q(slug_fr__in=slugs)).first()


def organization(key):
    found = Organization.objects.filter(slug=key).first()
    if found:
        return found
    row = next(o for o in reference_data.ORGANIZATIONS if o["key"] == key)
    org = Organization.objects.create(
        slug=key,
        name=row["name_en"],
        name_en=row["name_en"],
        name_fr=row["name_fr"],
        description_en=row["description_en"],
        description_fr=row["description_fr"],
        province=ProvinceTerritory.objects.get(code=row["province"]),
        staff_size=row["staff_band"],
        languages=row["languages"],
        francophone_minority=row["francophone_minority"],
        website=row["website"],
        public_email=row["email"],
        public_phone=row["phone"],
        is_demo=True,
    )
    org.communities.set(
        Community.objects.filter(name__in=row["communities"], province__code=row["province"])
    )
    return org


def ensure_reference_data():
    """Regions, provinces and communities, if the working-group migration has not loaded them."""
    for order, row in enumerate(reference_data.REGIONS):
        Region.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name_en"],
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "order": order,
            },
        )
    regions = {r.code: r for r in Region.objects.all()}
    for row in reference_data.PROVINCES:
        ProvinceTerritory.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name_en"],
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "region": regions[row["region"]],
            },
        )
    provinces = {p.code: p for p in ProvinceTerritory.objects.all()}
    for row in reference_data.COMMUNITIES:
        Community.objects.get_or_create(
            name=row["name"],
            province=provinces[row["province"]],
            defaults={"size_class": row["size"]},
        )
