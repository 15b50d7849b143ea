"""Small tsvector columns for ranking: title (A) and summary (B) only, per language.

Ranking reads the vector of every candidate; the full vectors (with the body) are large and
stored out of line, and reading a thousand of them costs more than a page's budget. These stay
small, so ranking reads them cheaply; a match only in the body ranks after title and summary
matches, newest first. No index: they are never searched, only read for the candidates.
No-op on SQLite.
"""

from django.db import migrations


def vector(lang):
    cfg = f"'public.{lang}_unaccent'::regconfig"
    return (
        f"setweight(to_tsvector({cfg}, coalesce(title_{lang}, '')), 'A') || "
        f"setweight(to_tsvector({cfg}, coalesce(summary_{lang}, '')), 'B')"
    )


FORWARD = [
    f"ALTER TABLE practices_promisingpractice ADD COLUMN head_{lang} tsvector "
    f"GENERATED ALWAYS AS ({vector(lang)}) STORED"
    for lang in ("en", "fr")
]
BACKWARD = [
    f"ALTER TABLE practices_promisingpractice DROP COLUMN IF EXISTS head_{lang}"
    for lang in ("en", "fr")
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("practices", "0003_reference_themes_client_groups")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
