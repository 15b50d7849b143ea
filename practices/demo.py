"""The report's practices (practices/seed_data.py) as published portal entries.

load() is idempotent: it updates the practices it created before (matched on their English or
French slug) instead of adding them again. It runs after workinggroup.demo.load(); an
organization it needs and does not find, it has workinggroup.demo load. (Regions, provinces and
communities come with the working group's migrations, themes and client groups with ours.)
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from practices import catalogue
from practices.models import ClientGroup, GlossaryEntry, PromisingPractice, Status, Theme
from practices.seed_data import GLOSSARY, PRACTICES
from workinggroup import demo as workinggroup_demo
from workinggroup.models import Community, Organization, ProvinceTerritory

# Dates spread over the months after the report (August 2021), newest last in seed order.
FIRST_PUBLISHED = timezone.datetime(2021, 9, 15, 12, tzinfo=timezone.get_fixed_timezone(-300))


@transaction.atomic
def load():
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {g.slug: g for g in ClientGroup.objects.all()}
    for index, row in enumerate(PRACTICES):
        load_practice(row, index, themes, groups)
    for phrase_en, phrase_fr in GLOSSARY:
        GlossaryEntry.objects.get_or_create(phrase_en=phrase_en, phrase_fr=phrase_fr)
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
    """The demo organization `key` (loading the demo organizations if it is missing)."""
    found = Organization.objects.filter(slug=key).first()
    if found is None:
        workinggroup_demo.load_organizations()
        found = Organization.objects.get(slug=key)
    return found
