"""Keep the small ranking vectors (migration 0004) inside the row.

PostgreSQL moves any tsvector over a couple of kilobytes' worth of row out of line (TOAST), and
with the large full-text vectors beside them in the row, the small title+summary ones were
stored out of line too: ranking 1,000 candidates then cost a TOAST read each (13 ms at 100,000
practices; 5 ms with them inline). `SET STORAGE MAIN` keeps a column inline unless nothing
else fits; it applies to values written from now on, so the rows are then rewritten (the
generated columns are computed again on any update). Run `VACUUM ANALYZE
practices_promisingpractice` afterwards on a large catalogue: the update leaves a dead copy of
every row. No-op on SQLite.
"""

from django.db import migrations

TABLE = "practices_promisingpractice"

FORWARD = [
    f"ALTER TABLE {TABLE} ALTER COLUMN head_en SET STORAGE MAIN, "
    "ALTER COLUMN head_fr SET STORAGE MAIN",
    f"UPDATE {TABLE} SET title_en = title_en",  # noqa: S608 - constant
]
BACKWARD = [
    f"ALTER TABLE {TABLE} ALTER COLUMN head_en SET STORAGE EXTENDED, "
    "ALTER COLUMN head_fr SET STORAGE EXTENDED",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("practices", "0005_adaptation_count_confirmed_at")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
