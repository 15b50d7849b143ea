"""Bitmaps of the published practices (PostgreSQL; the table stays empty on SQLite).

A row per key: "published", each filter term of practice_facets ("region_id=4"), each community
("community_id=12", for the map's dots) and each common
word of the whole text ("word:en:communiti", a lexeme of tsv_en or tsv_fr found in at least
`min_practices` published practices), of the title ("title:en:…") and of the title and summary
("head:en:…", the ranking's tiers); bit n of `bits` (as PostgreSQL's set_bit numbers them) is set when
practice n is published and holds the key. practices/bitmaps.py counts a keyword's matches per
filter from them: reading the matching rows themselves costs 100–250 ms for a word in half the
catalogue at 100,000 practices, however narrow the table (docs/catalogue.md).

Kept exact by triggers (one per statement, so that a bulk insert updates each bitmap once) in
the same transaction as the change to a practice: a row that exists is always right. Filter terms and "published" get a row as soon as one practice has them; words get
one from practice_bitmaps_rebuild() (this migration, `manage.py rebuild_match_bitmaps`, and a
nightly task that follows which words have become common).
"""

from django.db import migrations, models

TABLE = "practices_promisingpractice"
FACETS = (
    "practice_facets({p}.region_id, {p}.province_id, {p}.size_class, {p}.theme_bits, "
    "{p}.client_group_bits, {p}.principle_bits, {p}.kind, {p}.delivery_mode, {p}.origin, "
    "{p}.evidence_level, {p}.stage, {p}.has_en, {p}.has_fr, {p}.resource_language_bits)"
)


def keys(p):
    return (
        f"practice_bitmap_keys({p}.status, {p}.tsv_en, {p}.tsv_fr, {p}.head_en, {p}.head_fr, "
        f"{FACETS.format(p=p)}, {p}.community_id)"
    )


CHANGED = """
    o.status IS DISTINCT FROM n.status OR o.community_id IS DISTINCT FROM n.community_id
    OR o.tsv_en IS DISTINCT FROM n.tsv_en OR o.tsv_fr IS DISTINCT FROM n.tsv_fr
    OR {old} IS DISTINCT FROM {new}
""".format(old=FACETS.format(p="o"), new=FACETS.format(p="n"))


def follow(event):
    """The trigger function of one event: `changes` (key, gained ids, lost ids), then applied."""
    old_pairs = f"SELECT o.id, k FROM old_rows AS o CROSS JOIN LATERAL unnest({keys('o')}) AS k"
    new_pairs = f"SELECT n.id, k FROM new_rows AS n CROSS JOIN LATERAL unnest({keys('n')}) AS k"
    none = "SELECT NULL::bigint, NULL::text WHERE false"
    if event == "update":
        moved = f"SELECT o.id FROM old_rows AS o JOIN new_rows AS n USING (id) WHERE {CHANGED}"
        old_pairs += f" WHERE o.id IN ({moved})"
        new_pairs += f" WHERE n.id IN ({moved})"
    elif event == "insert":
        old_pairs = none
    else:
        new_pairs = none
    return f"""
CREATE OR REPLACE FUNCTION practice_bitmaps_{event}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change record;
BEGIN
    -- One change of bitmaps at a time, until commit: two publications would otherwise lock
    -- the same bitmaps in different orders and one of them fail on a deadlock.
    PERFORM pg_advisory_xact_lock(hashtext('practices_matchbitmap'));
    FOR change IN
        WITH old_pairs (id, key) AS ({old_pairs}),
        new_pairs (id, key) AS ({new_pairs}),
        lost AS (SELECT key, array_agg(id) AS ids
                 FROM (SELECT * FROM old_pairs EXCEPT SELECT * FROM new_pairs) AS x GROUP BY key),
        gained AS (SELECT key, array_agg(id) AS ids
                   FROM (SELECT * FROM new_pairs EXCEPT SELECT * FROM old_pairs) AS x GROUP BY key)
        SELECT * FROM (
            SELECT key, gained.ids AS gained, lost.ids AS lost FROM gained FULL JOIN lost USING (key)
        ) AS c
        WHERE position(':' IN c.key) = 0
           OR EXISTS (SELECT 1 FROM practices_matchbitmap AS m WHERE m.key = c.key)
        ORDER BY c.key
    LOOP
        UPDATE practices_matchbitmap
        SET bits = practice_bits_apply(bits, change.gained, change.lost) WHERE key = change.key;
        IF NOT FOUND AND change.gained IS NOT NULL AND position(':' IN change.key) = 0 THEN
            INSERT INTO practices_matchbitmap (key, bits)
            VALUES (change.key, practice_bits_apply(''::bytea, change.gained, NULL))
            ON CONFLICT (key) DO UPDATE
            SET bits = practice_bits_apply(practices_matchbitmap.bits, change.gained, NULL);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$
"""


FORWARD = [
    # The keys a practice's bits are set under: none unless it is published.
    """
CREATE OR REPLACE FUNCTION practice_bitmap_keys(
    status text, tsv_en tsvector, tsv_fr tsvector, head_en tsvector, head_fr tsvector,
    facets text[], community bigint
) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE WHEN status = 'published' THEN
    ARRAY['published'] || facets
    || CASE WHEN community IS NULL THEN '{}'::text[] ELSE ARRAY['community_id=' || community] END
    || ARRAY(SELECT 'word:en:' || w FROM unnest(tsvector_to_array(tsv_en)) AS w)
    || ARRAY(SELECT 'word:fr:' || w FROM unnest(tsvector_to_array(tsv_fr)) AS w)
    || ARRAY(SELECT 'head:en:' || w FROM unnest(tsvector_to_array(head_en)) AS w)
    || ARRAY(SELECT 'head:fr:' || w FROM unnest(tsvector_to_array(head_fr)) AS w)
    || ARRAY(SELECT 'title:en:' || w FROM unnest(tsvector_to_array(ts_filter(head_en, '{a}'))) AS w)
    || ARRAY(SELECT 'title:fr:' || w FROM unnest(tsvector_to_array(ts_filter(head_fr, '{a}'))) AS w)
ELSE '{}'::text[] END
$$
""",
    # `bits` with the bits of `gained` set and those of `lost` cleared, longer when needed: bit
    # by bit for a few (set_bit copies the whole value each time), byte by byte for many.
    """
CREATE OR REPLACE FUNCTION practice_bits_apply(bits bytea, gained bigint[], lost bigint[])
RETURNS bytea LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    n bigint;
    top bigint;
BEGIN
    bits := coalesce(bits, ''::bytea);
    gained := coalesce(gained, '{}');
    lost := coalesce(lost, '{}');
    IF cardinality(gained) + cardinality(lost) <= 32 THEN
        FOREACH n IN ARRAY lost LOOP
            IF length(bits) > n / 8 THEN bits := set_bit(bits, n, 0); END IF;
        END LOOP;
        IF cardinality(gained) > 0 THEN
            top := (SELECT max(x) FROM unnest(gained) AS x);
            IF length(bits) <= top / 8 THEN
                bits := bits || decode(repeat('00', (top / 8 + 1 - length(bits))::integer), 'hex');
            END IF;
            FOREACH n IN ARRAY gained LOOP bits := set_bit(bits, n, 1); END LOOP;
        END IF;
        RETURN bits;
    END IF;
    RETURN (
        SELECT decode(string_agg(lpad(to_hex(
            ((CASE WHEN s.i < length(bits) THEN get_byte(bits, s.i::integer) ELSE 0 END)
             | coalesce(g.v, 0)) & ~coalesce(l.v, 0) & 255), 2, '0'), '' ORDER BY s.i), 'hex')
        FROM generate_series(0::bigint, greatest(length(bits) - 1,
                             coalesce((SELECT max(x) FROM unnest(gained) AS x) / 8, 0))) AS s(i)
        LEFT JOIN (SELECT x / 8 AS i, bit_or(1 << (x % 8)::integer) AS v
                   FROM unnest(gained) AS x GROUP BY 1) AS g ON g.i = s.i
        LEFT JOIN (SELECT x / 8 AS i, bit_or(1 << (x % 8)::integer) AS v
                   FROM unnest(lost) AS x GROUP BY 1) AS l ON l.i = s.i
    );
END
$$
""",
    # Practices changed (one statement's rows): clear the bits of the keys they lost, set those
    # of the keys they gained, one UPDATE per key. Words without a row are not followed (rare
    # words are read from the rows themselves); any other key gets its row with its first
    # practice. Per statement, not per row: a bulk insert updates each key once.
    *(follow(event) for event in ("insert", "update", "delete")),
    *(
        f"""
CREATE TRIGGER practice_bitmaps_{event} AFTER {event.upper()} ON {TABLE}
REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION practice_bitmaps_{event}()
"""
        for event, referencing in (
            ("insert", "NEW TABLE AS new_rows"),
            ("update", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("delete", "OLD TABLE AS old_rows"),
        )
    ),
    # Every row made again from the practices; words: those in at least min_practices
    # published practices. Writers to the practices wait for it; readers do not.
    f"""
CREATE OR REPLACE FUNCTION practice_bitmaps_rebuild(min_practices integer)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE made integer;
BEGIN
    LOCK TABLE {TABLE} IN SHARE MODE;
    DELETE FROM practices_matchbitmap;
    INSERT INTO practices_matchbitmap (key, bits)
    WITH common AS (
        SELECT kind || ':' || lang || ':' || word AS key
        FROM (VALUES ('word', 'en', 'tsv_en'), ('word', 'fr', 'tsv_fr'),
                     ('head', 'en', 'head_en'), ('head', 'fr', 'head_fr'),
                     ('title', 'en', 'ts_filter(head_en, ''{{a}}'')'),
                     ('title', 'fr', 'ts_filter(head_fr, ''{{a}}'')')) AS v(kind, lang, vector)
        CROSS JOIN LATERAL ts_stat(
            'SELECT ' || v.vector || ' FROM {TABLE} WHERE status = ''published''')
        WHERE ndoc >= min_practices
    ), pairs AS (
        SELECT p.id, k.key FROM {TABLE} AS p CROSS JOIN LATERAL unnest({keys("p")}) AS k(key)
        WHERE p.status = 'published'
    )
    SELECT key, practice_bits_apply(''::bytea, array_agg(id), NULL) FROM pairs
    WHERE position(':' IN key) = 0 OR key IN (SELECT key FROM common)
    GROUP BY key;
    GET DIAGNOSTICS made = ROW_COUNT;
    RETURN made;
END
$$
""",
    "SELECT practice_bitmaps_rebuild(200)",  # bitmaps.REBUILD_MIN_PRACTICES
]

BACKWARD = [
    f"DROP TRIGGER IF EXISTS practice_bitmaps_insert ON {TABLE}",
    f"DROP TRIGGER IF EXISTS practice_bitmaps_update ON {TABLE}",
    f"DROP TRIGGER IF EXISTS practice_bitmaps_delete ON {TABLE}",
    *(f"DROP FUNCTION IF EXISTS practice_bitmaps_{e}()" for e in ("insert", "update", "delete")),
    "DROP FUNCTION IF EXISTS practice_bitmaps_rebuild(integer)",
    "DROP FUNCTION IF EXISTS practice_bits_apply(bytea, bigint[], bigint[])",
    "DROP FUNCTION IF EXISTS practice_bitmap_keys(text, tsvector, tsvector, tsvector, tsvector, text[], bigint)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)  # no parameters: the "%" of the SQL is no placeholder

    return run


class Migration(migrations.Migration):
    dependencies = [("practices", "0015_resource_language_indexes")]

    operations = [
        migrations.CreateModel(
            name="MatchBitmap",
            fields=[
                ("key", models.CharField(max_length=300, primary_key=True, serialize=False)),
                ("bits", models.BinaryField(default=b"")),
            ],
        ),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
