"""Indexes of the case lists (issue 8, benchmarks/bench_halaman.py).

1. The default ordering of Sengketa (newest first): a page of a list is read from the index
   instead of sorting every case of the register (100,000 cases: 220 ms -> under 1 ms).

2. Trigram indexes for the case search (sengketa.selectors.cari_sengketa), PostgreSQL only.

`icontains` is sent as `UPPER(col::text) LIKE UPPER('%...%')`. A GIN index of pg_trgm on that
very expression answers it from the index, whatever the size of the register, for the
register number and for the names of the parties (the applicant and the respondent public
body are both rows of Pihak). On SQLite nothing is created: the same query scans there.

pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the
owner of the database may create it. Built inside the migration's transaction (not
CONCURRENTLY): a few seconds at 100,000 cases, during which writes to the two tables wait.
"""

from django.db import migrations, models

INDEKS = (
    ("sengketa_pihak_nama_trgm", "sengketa_pihak", "nama"),
    ("sengketa_sengketa_nomor_register_trgm", "sengketa_sengketa", "nomor_register"),
)


def buat(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for nama, tabel, kolom in INDEKS:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{nama}" ON "{tabel}" '
            f'USING gin ((UPPER("{kolom}"::text)) gin_trgm_ops)'
        )


def hapus(apps, schema_editor):
    # The extension stays: something else may use it by then.
    if schema_editor.connection.vendor != "postgresql":
        return
    for nama, _tabel, _kolom in INDEKS:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{nama}"')


class Migration(migrations.Migration):
    dependencies = [
        ("sengketa", "0003_indeks_statistik"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="sengketa",
            index=models.Index(fields=["-tanggal_diterima", "-id"], name="sengketa_urutan_terbaru"),
        ),
        migrations.RunPython(buat, hapus),
    ]
