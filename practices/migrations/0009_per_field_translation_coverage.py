"""A practice is available in a language only when every text it has is in that language
(issue 16): recompute has_en and has_fr of the existing practices with the new rule."""

from django.db import migrations

TEXT_FIELDS = ("title", "summary", "description", "outcomes", "lessons")


def available(practice, lang):
    other = "fr" if lang == "en" else "en"
    for name in TEXT_FIELDS:
        text, other_text = getattr(practice, f"{name}_{lang}"), getattr(practice, f"{name}_{other}")
        if not text and (name in ("title", "summary") or other_text):
            return False
    return True


def recompute(apps, schema_editor):
    Practice = apps.get_model("practices", "PromisingPractice")
    for practice in Practice.objects.iterator(chunk_size=500):
        has_en, has_fr = available(practice, "en"), available(practice, "fr")
        if (has_en, has_fr) != (practice.has_en, practice.has_fr):
            Practice.objects.filter(pk=practice.pk).update(has_en=has_en, has_fr=has_fr)


class Migration(migrations.Migration):
    dependencies = [("practices", "0008_drop_is_synthetic")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
