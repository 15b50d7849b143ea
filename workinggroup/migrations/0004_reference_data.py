"""Regions, all 13 provinces and territories, and the communities the report names.

Reference data, not demo data: every installation needs it. Re-running is harmless (update or
create by code or by name). Demo organizations are loaded by workinggroup.demo.load() instead.
"""

from django.db import migrations

from workinggroup.reference_data import COMMUNITIES, PROVINCES, REGIONS


def load(apps, schema_editor):
    Region = apps.get_model("workinggroup", "Region")
    ProvinceTerritory = apps.get_model("workinggroup", "ProvinceTerritory")
    Community = apps.get_model("workinggroup", "Community")
    regions = {}
    for order, row in enumerate(REGIONS):
        regions[row["code"]], _ = Region.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name_en"],
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "order": order,
            },
        )
    provinces = {}
    for row in PROVINCES:
        provinces[row["code"]], _ = ProvinceTerritory.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name_en"],
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "region": regions[row["region"]],
            },
        )
    for row in COMMUNITIES:
        Community.objects.update_or_create(
            name=row["name"],
            province=provinces[row["province"]],
            defaults={"size_class": row["size"]},
        )


class Migration(migrations.Migration):
    dependencies = [("workinggroup", "0003_profiles_invitations_directory_indexes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
