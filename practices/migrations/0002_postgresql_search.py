"""PostgreSQL full-text search: accent-free English and French configurations, two stored
generated tsvector columns (title A, summary B, body C) with GIN indexes, and a trigram index on
titles for misspellings. Every step is a no-op on SQLite (the quickstart), which searches the
search_title/search_text columns instead.

The columns are not model fields: Django never selects them (they are large), and queries name
them through practices.search.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

CONFIGS = (("en_unaccent", "english"), ("fr_unaccent", "french"))


def vector(lang):
    cfg = f"'public.{lang}_unaccent'::regconfig"
    body = " || ' ' || ".join(
        f"coalesce({field}_{lang}, '')" for field in ("description", "outcomes", "lessons")
    )
    return (
        f"setweight(to_tsvector({cfg}, coalesce(title_{lang}, '')), 'A') || "
        f"setweight(to_tsvector({cfg}, coalesce(summary_{lang}, '')), 'B') || "
        f"setweight(to_tsvector({cfg}, {body}), 'C')"
    )


FORWARD = [
    *[
        f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
            CREATE TEXT SEARCH CONFIGURATION public.{name} (COPY = pg_catalog.{base});
            ALTER TEXT SEARCH CONFIGURATION public.{name}
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {base}_stem;
        END IF; END $$"""
        for name, base in CONFIGS
    ],
    *[
        f"ALTER TABLE practices_promisingpractice ADD COLUMN tsv_{lang} tsvector "
        f"GENERATED ALWAYS AS ({vector(lang)}) STORED"
        for lang in ("en", "fr")
    ],
    *[
        f"CREATE INDEX practice_tsv_{lang} ON practices_promisingpractice USING gin (tsv_{lang})"
        for lang in ("en", "fr")
    ],
    "CREATE INDEX practice_title_trgm ON practices_promisingpractice "
    "USING gin (search_title gin_trgm_ops)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS practice_title_trgm",
    "ALTER TABLE practices_promisingpractice DROP COLUMN IF EXISTS tsv_en",
    "ALTER TABLE practices_promisingpractice DROP COLUMN IF EXISTS tsv_fr",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
