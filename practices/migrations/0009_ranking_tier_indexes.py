"""GIN indexes for the ranking's tiers (practices.search.TIERS): the title's words alone
(`ts_filter(head_<lang>, '{a}')`, weight A of the small head vectors of migration 0004) and the
head vectors (title and summary). A tier of a rare word is then read from its bitmaps and
sorted; a tier of a common word walks the newest-first index instead (the planner's choice).
The expressions must read exactly as practices.search.title_vector writes them.
No-op on SQLite (the quickstart).
"""

from django.db import migrations

TABLE = "practices_promisingpractice"

FORWARD = [
    *[
        f"CREATE INDEX practice_title_{lang} ON {TABLE} USING gin (ts_filter(head_{lang}, '{{a}}'))"
        for lang in ("en", "fr")
    ],
    *[
        f"CREATE INDEX practice_head_{lang} ON {TABLE} USING gin (head_{lang})"
        for lang in ("en", "fr")
    ],
]
BACKWARD = [
    f"DROP INDEX IF EXISTS practice_{name}_{lang}"
    for name in ("title", "head")
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
    dependencies = [("practices", "0008_drop_is_synthetic")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
