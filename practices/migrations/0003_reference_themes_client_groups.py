"""Themes and client groups from practices/seed_data.py (reference data, both languages)."""

from django.db import migrations


def load(apps, schema_editor):
    from practices.seed_data import CLIENT_GROUPS, THEMES

    for model_name, rows in (("Theme", THEMES), ("ClientGroup", CLIENT_GROUPS)):
        model = apps.get_model("practices", model_name)
        for order, row in enumerate(rows):
            model.objects.update_or_create(
                slug=row["slug"],
                defaults={
                    "name": row["name_en"],
                    "name_en": row["name_en"],
                    "name_fr": row["name_fr"],
                    "bit": order,
                    "order": order,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("practices", "0002_postgresql_search")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
