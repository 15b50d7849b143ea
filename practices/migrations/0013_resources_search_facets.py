"""Resources in the catalogue's search and filters (PostgreSQL; no-op on SQLite, which searches
search_text and filters on the columns).

1. The full-text vectors tsv_en/tsv_fr also hold the practice's resources' titles and
   descriptions (resource_text_<lang>, weight C like the body): the generated columns are
   dropped and added again with the new expression, their GIN indexes rebuilt and kept inside
   the row (as migration 0007). Every row is rewritten: on a large catalogue run
   `VACUUM FULL ANALYZE practices_promisingpractice` afterwards.
2. `practice_facets` gains the languages of the resources ("resource_language_bits=<bit>"), so
   the filter "has resources in" is one more term of the same GIN index; the index is rebuilt
   over the new function (practices.facets.FACETS_SQL reads exactly the same).
"""

from django.db import migrations

TABLE = "practices_promisingpractice"
OLD_ARGS = (
    "bigint, bigint, text, bigint, bigint, integer, text, text, text, text, text, boolean, boolean"
)


def vector(lang, with_resources=True):
    cfg = f"'public.{lang}_unaccent'::regconfig"
    fields = ("description", "outcomes", "lessons") + (("resource_text",) if with_resources else ())
    body = " || ' ' || ".join(f"coalesce({field}_{lang}, '')" for field in fields)
    return (
        f"setweight(to_tsvector({cfg}, coalesce(title_{lang}, '')), 'A') || "
        f"setweight(to_tsvector({cfg}, coalesce(summary_{lang}, '')), 'B') || "
        f"setweight(to_tsvector({cfg}, {body}), 'C')"
    )


def vectors(with_resources):
    statements = []
    for lang in ("en", "fr"):
        statements += [
            f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS tsv_{lang}",
            f"ALTER TABLE {TABLE} ADD COLUMN tsv_{lang} tsvector "
            f"GENERATED ALWAYS AS ({vector(lang, with_resources)}) STORED",
            f"ALTER TABLE {TABLE} ALTER COLUMN tsv_{lang} SET STORAGE MAIN",
            f"CREATE INDEX practice_tsv_{lang} ON {TABLE} USING gin (tsv_{lang})",
        ]
    return statements


FACETS_FUNCTION = """
CREATE OR REPLACE FUNCTION practice_facets(
    region bigint, province bigint, size text, themes bigint, groups bigint, principles integer,
    kind text, mode text, origin text, evidence text, stage text, has_en boolean, has_fr boolean,
    resource_languages integer
) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT practice_facets(region, province, size, themes, groups, principles, kind, mode, origin,
                       evidence, stage, has_en, has_fr)
    || ARRAY(SELECT 'resource_language_bits=' || b FROM generate_series(0, 30) AS b
             WHERE resource_languages & (1 << b) <> 0)
$$
"""

FACETS_INDEX = f"""
CREATE INDEX practice_pub_facets ON {TABLE} USING gin (
    practice_facets(region_id, province_id, size_class, theme_bits, client_group_bits,
        principle_bits, kind, delivery_mode, origin, evidence_level, stage, has_en, has_fr,
        resource_language_bits)
) WHERE status = 'published'
"""

OLD_FACETS_INDEX = f"""
CREATE INDEX practice_pub_facets ON {TABLE} USING gin (
    practice_facets(region_id, province_id, size_class, theme_bits, client_group_bits,
        principle_bits, kind, delivery_mode, origin, evidence_level, stage, has_en, has_fr)
) WHERE status = 'published'
"""

FORWARD = [
    "DROP INDEX IF EXISTS practice_pub_facets",
    FACETS_FUNCTION,
    FACETS_INDEX,
    *vectors(with_resources=True),
]
BACKWARD = [
    "DROP INDEX IF EXISTS practice_pub_facets",
    f"DROP FUNCTION IF EXISTS practice_facets({OLD_ARGS}, integer)",
    OLD_FACETS_INDEX,
    *vectors(with_resources=False),
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("practices", "0012_resources")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
