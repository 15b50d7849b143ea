"""A search within filters reads only the practices that pass every filter.

1. `practice_facets(...)`: a practice's filter values as terms ("region_id=4", "kind=innovation",
   "theme_bits=3" for each theme's bit, "has_fr=true"), and a GIN index of them over the
   published practices. `catalogue.within` tests the chosen filters as one `@>` against it:
   PostgreSQL intersects the terms inside the index and reads exactly the rows that pass them
   all. With the columns' own indexes it read every row of the broadest filter to test the
   others, themes and client groups included (13,000 rows for a region, 40 to 100 ms at
   100,000 practices; 10 to 25 ms now).
2. The full-text vectors are kept inside the row (`SET STORAGE MAIN`, rows up to 4,000 bytes
   before PostgreSQL moves anything out of line): testing a word on a row then reads that row
   only, not four more pages of its TOAST table. The table is about twice as large (the
   descriptions move out of line instead). Applies to values written from now on, so every
   row is rewritten (the generated columns are computed again on any update): on a large
   catalogue run `VACUUM FULL ANALYZE practices_promisingpractice` afterwards.

No-op on SQLite (the quickstart), which filters on the columns.
"""

from django.db import migrations

TABLE = "practices_promisingpractice"

FACETS_FUNCTION = """
CREATE OR REPLACE FUNCTION practice_facets(
    region bigint, province bigint, size text, themes bigint, groups bigint, principles integer,
    kind text, mode text, origin text, evidence text, stage text, has_en boolean, has_fr boolean
) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT ARRAY[
        'region_id=' || region, 'province_id=' || province, 'size_class=' || size,
        'kind=' || kind, 'delivery_mode=' || mode, 'origin=' || origin,
        'evidence_level=' || evidence, 'stage=' || stage
    ]
    || ARRAY(SELECT 'theme_bits=' || b FROM generate_series(0, 62) AS b
             WHERE themes & (1::bigint << b) <> 0)
    || ARRAY(SELECT 'client_group_bits=' || b FROM generate_series(0, 62) AS b
             WHERE groups & (1::bigint << b) <> 0)
    || ARRAY(SELECT 'principle_bits=' || b FROM generate_series(0, 30) AS b
             WHERE principles & (1 << b) <> 0)
    || CASE WHEN has_en THEN ARRAY['has_en=true'] ELSE ARRAY[]::text[] END
    || CASE WHEN has_fr THEN ARRAY['has_fr=true'] ELSE ARRAY[]::text[] END
$$
"""

# Must read exactly as practices.catalogue.FACETS_SQL, for PostgreSQL to use the index.
FACETS_INDEX = f"""
CREATE INDEX practice_pub_facets ON {TABLE} USING gin (
    practice_facets(region_id, province_id, size_class, theme_bits, client_group_bits,
        principle_bits, kind, delivery_mode, origin, evidence_level, stage, has_en, has_fr)
) WHERE status = 'published'
"""

FORWARD = [
    FACETS_FUNCTION,
    FACETS_INDEX,
    f"ALTER TABLE {TABLE} ALTER COLUMN tsv_en SET STORAGE MAIN, "
    "ALTER COLUMN tsv_fr SET STORAGE MAIN, SET (toast_tuple_target = 4000)",
    f"UPDATE {TABLE} SET title_en = title_en",  # noqa: S608 - constant
]
BACKWARD = [
    f"ALTER TABLE {TABLE} ALTER COLUMN tsv_en SET STORAGE EXTENDED, "
    "ALTER COLUMN tsv_fr SET STORAGE EXTENDED, RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS practice_pub_facets",
    "DROP FUNCTION IF EXISTS practice_facets(bigint, bigint, text, bigint, bigint, integer, "
    "text, text, text, text, text, boolean, boolean)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("practices", "0006_ranking_vectors_inline")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
