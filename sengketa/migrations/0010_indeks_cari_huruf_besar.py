"""The search table's text stored in capitals (issue 8: search p95 <= 100 ms at 1,000,000
cases).

A search compares in capitals (`icontains` sends `UPPER(col) LIKE UPPER(...)`). A common
name matches tens of thousands of rows at 1,000,000 cases (27,238 for "Rahmawati"), and
PostgreSQL rechecks every one against the pattern after the trigram index: with the text
stored as typed it ran UPPER() on each of them, a fifth of the query. Now the trigger
function writes UPPER() of the text once, the trigram index is on the column itself, and
the search (sengketa.selectors._cocok) compares the column with UPPER() of the query - the
same function on both sides, so the database's own rules of case decide, as before.

Rewrites every row of the search table in the migration's transaction (about a minute at
1,000,000 cases, during which filings wait). Reversible. On SQLite nothing happens: the
search there does not use the table.
"""

import importlib

from django.db import migrations

FUNGSI_TEKS = """
CREATE OR REPLACE FUNCTION sengketa_indekscari_teks(sid bigint) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT UPPER(COALESCE(s.nomor_register, '') || chr(31) || COALESCE(
        (SELECT string_agg(p.nama, chr(31) ORDER BY p.peran, p.id)
           FROM sengketa_pihak p WHERE p.sengketa_id = sid AND p.peran <> 'termohon'), ''))
      FROM sengketa_sengketa s WHERE s.id = sid
$$
"""

# The rows already there, as the new function would write them (tests compare the two).
SERAGAMKAN = "UPDATE sengketa_indekscari SET teks = UPPER(teks) WHERE teks <> UPPER(teks)"

INDEKS = (
    'CREATE INDEX IF NOT EXISTS "sengketa_indekscari_teks_trgm" ON "sengketa_indekscari"'
    ' USING gin ("teks" gin_trgm_ops)'
)


def _lama():
    return importlib.import_module("sengketa.migrations.0007_indeks_cari")


def naik(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The index goes during the rewrite and is built again after it (faster than row by row).
    schema_editor.execute('DROP INDEX IF EXISTS "sengketa_indekscari_teks_trgm"')
    schema_editor.execute(FUNGSI_TEKS)
    schema_editor.execute(SERAGAMKAN)
    schema_editor.execute(INDEKS)
    schema_editor.execute("ANALYZE sengketa_indekscari")


def turun(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    lama = _lama()
    schema_editor.execute('DROP INDEX IF EXISTS "sengketa_indekscari_teks_trgm"')
    schema_editor.execute(lama.FUNGSI_TEKS)
    # The text as typed comes back from the cases and parties, not from the capitals.
    schema_editor.execute(
        "UPDATE sengketa_indekscari SET teks = sengketa_indekscari_teks(sengketa_id)"
    )
    schema_editor.execute(lama.INDEKS[0])
    schema_editor.execute("ANALYZE sengketa_indekscari")


class Migration(migrations.Migration):
    dependencies = [
        ("sengketa", "0009_jumlah_kasus"),
    ]

    operations = [migrations.RunPython(naik, turun)]
