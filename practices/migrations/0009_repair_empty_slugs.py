"""Practices saved before slugs had a fallback may hold an empty slug or one of dashes alone
("🏠🚌" gave "-"), whose page redirected to itself. Give them the slug a save gives today."""

import re

from django.db import migrations
from django.utils.text import slugify

FALLBACK_SLUGS = {"en": "practice", "fr": "pratique"}
NO_SLUG = re.compile(r"^[-_]*$")


def slug_of(title):
    return slugify(title or "")[:200].strip("-_")


def repair_slugs(apps, schema_editor):
    Practice = apps.get_model("practices", "PromisingPractice")
    fields = ("id", "slug_en", "slug_fr", "title_en", "title_fr")
    broken = [
        p
        for p in Practice.objects.only(*fields).iterator(chunk_size=2000)
        if NO_SLUG.match(p.slug_en or "") or NO_SLUG.match(p.slug_fr or "")
    ]
    for practice in broken:
        en = "" if NO_SLUG.match(practice.slug_en or "") else practice.slug_en
        fr = "" if NO_SLUG.match(practice.slug_fr or "") else practice.slug_fr
        en = en or slug_of(practice.title_en or practice.title_fr)
        fr = fr or slug_of(practice.title_fr or practice.title_en)
        practice.slug_en = en or fr or FALLBACK_SLUGS["en"]
        practice.slug_fr = fr or en or FALLBACK_SLUGS["fr"]
    Practice.objects.bulk_update(broken, ["slug_en", "slug_fr"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("practices", "0008_drop_is_synthetic")]

    operations = [migrations.RunPython(repair_slugs, migrations.RunPython.noop)]
