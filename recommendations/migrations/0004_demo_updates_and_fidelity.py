"""Status updates made up by seed_demo are marked as demonstration content; and the tracker's
texts say no more than the report (shared/reviews/fidelity.md F3-F5), so that databases seeded by
0002 get the corrections recommendations/seed_data.py now has."""

from django.db import migrations, models

# ruff: noqa: E501 (the texts are kept on one line each, as in seed_data.py)

DEMO_AUTHORS = ["ircc@demo.example", "editor@demo.example"]  # recommendations.demo

FIXES = {
    "O1": {
        "text_en": "Treat newcomers not as clients but as experts on their own needs and strengths, and as a source of new solutions to meet those needs, whether or not they use formal settlement services. This echoes PeaceGeeks' Settlement 2.0 report and the report of the Settlement Sector and Technology Task Group.",
        "text_fr": "Voir les nouveaux arrivants non pas comme des clients, mais comme des experts de leurs propres besoins et atouts, et comme une source de solutions nouvelles pour y répondre, qu'ils utilisent ou non les services d'établissement officiels. Cette recommandation fait écho au rapport Établissement 2.0 de PeaceGeeks et au rapport du Groupe de travail sur le secteur de l'établissement et la technologie.",
    },
    "R1.3": {
        "title_en": "Promote the shared idea of innovation and support collaboration by building on existing innovation efforts",
        "title_fr": "Faire connaître la notion commune d'innovation et soutenir la collaboration en misant sur les efforts d'innovation existants",
    },
}
MUST = {
    "O2": [
        ("IRCC should set up", "IRCC must set up"),
        ("IRCC devrait mettre sur pied", "IRCC doit mettre sur pied"),
    ],
    "R2.3": [
        ("IRCC should broaden", "IRCC must broaden"),
        ("IRCC devrait élargir", "IRCC doit élargir"),
    ],
}


def correct(apps, schema_editor):
    Recommendation = apps.get_model("recommendations", "Recommendation")
    StatusUpdate = apps.get_model("recommendations", "StatusUpdate")
    StatusUpdate.objects.filter(author__email__in=DEMO_AUTHORS).update(is_demo=True)
    for item in Recommendation.objects.filter(code__in=[*FIXES, *MUST]):
        for field, value in FIXES.get(item.code, {}).items():
            setattr(item, field, value)
        for old, new in MUST.get(item.code, []):
            for field in ("text", "text_en", "text_fr"):
                setattr(item, field, getattr(item, field).replace(old, new))
        item.title, item.text = item.title_en, item.text_en
        item.save()


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0003_related_practices"),
    ]

    operations = [
        migrations.AddField(
            model_name="statusupdate",
            name="is_demo",
            field=models.BooleanField(default=False, verbose_name="demo data"),
        ),
        migrations.RunPython(correct, migrations.RunPython.noop),
    ]
