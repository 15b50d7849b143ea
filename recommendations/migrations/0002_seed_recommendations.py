"""Load the report's recommendations, so that every deployment has them."""

from django.db import migrations


def load(apps, schema_editor):
    from recommendations.seed_data import iter_flat

    Recommendation = apps.get_model("recommendations", "Recommendation")
    by_code = {}
    for order, (parent_code, item) in enumerate(iter_flat(), start=1):
        by_code[item["code"]] = Recommendation.objects.create(
            code=item["code"],
            kind=item["kind"],
            parent=by_code.get(parent_code),
            title=item["title_en"],
            title_en=item["title_en"],
            title_fr=item["title_fr"],
            text=item["text_en"],
            text_en=item["text_en"],
            text_fr=item["text_fr"],
            horizon=item["horizon"] or "",
            actor=item["actor"],
            principle=item["principle"],
            order=order,
            priority_rank=item["priority_rank"],
        )


def unload(apps, schema_editor):
    Recommendation = apps.get_model("recommendations", "Recommendation")
    # Children first (parents are protected); any status update protects its item from loss.
    for kind in ("sub", "recommendation", "overarching"):
        Recommendation.objects.filter(kind=kind).delete()


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
